# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import controllers, models, report, wizards

MODULE = "b2b_sales_delivery"


def uninstall_hook(env):
    """Remove the settings the addon keeps as system parameters: Odoo's
    uninstall removes its models, fields and records, not those."""
    env["ir.config_parameter"].sudo().search([("key", "=like", MODULE + ".%")]).unlink()
    # sale_project's "Create Project" of the Action menu calls its own method
    # again.
    action = env.ref(
        "sale_project.model_sale_order_action_create_project", raise_if_not_found=False
    )
    if action:
        action.code = "action = records.action_create_project()"
