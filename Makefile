# b2b_sales_delivery: two commands do all the set-up (see README.md).
#   make demo   Odoo 11 with the addon and demo data on http://127.0.0.1:8069
#               (make demo-workers: the same with workers and a cron process)
#   make test   a fresh database, the addon installed, the tests, the linters
.PHONY: demo demo-workers test lint setup wheel shell stop help screenshots odoo-tests install-check

demo:
	@scripts/b2b demo

# Odoo's prefork server: WORKERS worker processes (default 4) and a cron process.
demo-workers:
	@scripts/b2b demo --workers$(if $(WORKERS),=$(WORKERS))

test:
	@scripts/b2b test $(PYTEST_ARGS)

lint:
	@scripts/b2b lint

setup:
	@scripts/b2b setup

wheel:
	@scripts/b2b wheel

shell:
	@scripts/b2b shell

stop:
	@scripts/b2b stop

help:
	@scripts/b2b help

screenshots:
	@scripts/b2b screenshots

odoo-tests:
	@scripts/b2b odoo-tests

install-check:
	@scripts/b2b install-check
