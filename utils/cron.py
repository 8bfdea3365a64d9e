# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one way the addon's crons walk their records: each record in a
savepoint of its own, so that a bad record is logged and skipped and every
good one is still processed."""

import logging

_logger = logging.getLogger(__name__)


def run_each(records, step, what):
    """Call ``step(record)`` for each of ``records`` in its own savepoint.

    A record whose step raises is rolled back alone and logged with ``what``
    (a short description of the job, for the log); the others go on. Returns
    the records whose step failed, so that a caller may report them.
    """
    failed = records.browse()
    for record in records:
        try:
            with records.env.cr.savepoint():
                step(record)
        except Exception:  # noqa: BLE001 -- one bad record must not stop the job
            _logger.exception("%s: %s failed, skipped", what, record)
            failed |= record
    return failed
