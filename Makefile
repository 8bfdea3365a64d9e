# b2b_sales_delivery: two commands do all the set-up (see README.md).
#   make demo   Odoo 19 with the addon and demo data on http://127.0.0.1:8069
#   make test   a fresh database, the addon installed, the tests, the linters
# ODOO=11 runs the same commands for the 11.0 series (11.0/), e.g.
#   make demo ODOO=11, make test ODOO=11
.PHONY: demo test lint setup wheel shell stop help install-check odoo-tests \
	demo-workers screenshots upgrade-check odoo-suites

ODOO ?= 19
ifeq ($(ODOO),19)
B2B := scripts/b2b
else ifeq ($(ODOO),11)
B2B := 11.0/scripts/b2b
else
$(error ODOO is 19 (the default) or 11, not "$(ODOO)")
endif

demo:
	@$(B2B) demo

test:
	@$(B2B) test $(PYTEST_ARGS)

lint:
	@$(B2B) lint

setup:
	@$(B2B) setup

wheel:
	@$(B2B) wheel

shell:
	@$(B2B) shell

stop:
	@$(B2B) stop

help:
	@$(B2B) help

install-check:
	@$(B2B) install-check

odoo-tests:
	@$(B2B) odoo-tests

# Odoo's own suites (crm, sale, sale_project, project, account) with and
# without the addon, compared test by test; FULL=1 runs both sides (else the
# side without the addon comes from scripts/odoo_suites_baseline.txt).
odoo-suites:
	@scripts/b2b odoo-tests compare$(if $(FULL), --full)

# The 11.0 series only (for now).
demo-workers:
	@11.0/scripts/b2b demo --workers$(if $(WORKERS),=$(WORKERS))

screenshots:
	@11.0/scripts/b2b screenshots

upgrade-check:
	@11.0/scripts/b2b upgrade-check
