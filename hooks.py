# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """Repair Odoo 11's broken Vietnamese terms already in the database."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.translation"].repair_vietnamese_terms()
