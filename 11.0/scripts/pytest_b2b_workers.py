"""pytest plugin: the addon's tests in several processes (pytest-xdist).

``scripts/b2b test`` runs ``pytest -n N -p pytest_b2b_workers``: each worker
process gets its own copy of the test database and its own Odoo
configuration (its own HTTP port), made beforehand next to the run's:
``<database>_<worker>`` and ``<config stem>-<worker>.conf`` (workers are
named gw0, gw1, ...). Without xdist, or for the controlling process, the
options stay as given.
"""
import os

import pytest


def worker_config(path, worker):
    stem, extension = os.path.splitext(path)
    return "%s-%s%s" % (stem, worker, extension)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_cmdline_main(config):
    # Before pytest-odoo's own wrapper reads the options and starts Odoo.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and config.option.odoo_database:
        config.option.odoo_database = "%s_%s" % (config.option.odoo_database, worker)
        if config.option.odoo_config:
            config.option.odoo_config = worker_config(config.option.odoo_config, worker)
    yield
