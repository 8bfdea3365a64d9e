# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import models, wizards

MODULE = "b2b_sales_delivery"


def uninstall_hook(env):
    """Remove the settings the addon keeps as system parameters: Odoo's
    uninstall removes its models, fields and records, not those."""
    env["ir.config_parameter"].sudo().search([("key", "=like", MODULE + ".%")]).unlink()
