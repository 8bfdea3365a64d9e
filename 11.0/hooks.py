# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import SUPERUSER_ID, api

from .reports.b2b_kpi_report import DAY_INDEXES

MODULE = "b2b_sales_delivery"


def post_init_hook(cr, registry):
    """Repair Odoo 11's broken Vietnamese terms already in the database; give
    the tasks that were there before their customer deadline."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.translation"].repair_vietnamese_terms()
    env["project.task"]._fill_customer_deadlines()


def uninstall_hook(cr, registry):
    """Remove what Odoo's uninstall does not know is the addon's: the SQL
    functions, the indexes on Odoo's own columns, the settings kept as
    system parameters and the translations of the addon's terms. Its tables,
    views, columns, menus, crons and mail templates go with its models and
    data, as Odoo removes them."""
    cr.execute("DROP AGGREGATE IF EXISTS b2b_count_distinct(integer) CASCADE")
    cr.execute("DROP FUNCTION IF EXISTS b2b_count_distinct_final(integer[]) CASCADE")
    for _table, index, _expression in DAY_INDEXES:
        cr.execute(sql.SQL("DROP INDEX IF EXISTS {}").format(sql.Identifier(index)))
    cr.execute("DELETE FROM ir_config_parameter WHERE key LIKE %s", (MODULE + ".%",))
    cr.execute("DELETE FROM ir_translation WHERE module = %s", (MODULE,))
