# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class B2bProjectCreateWizard(models.TransientModel):
    """Create the delivery project of a confirmed order, choosing who
    manages it: a project user, not the order's salesperson by default."""

    _name = "b2b.project.create.wizard"
    _description = "Create the Delivery Project"

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users", string="Project Manager", required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("project.group_project_user").id)
        ],
        default=lambda self: self.env["sale.order"]._default_project_manager(),
        help="The project user who manages the delivery.",
    )

    @api.multi
    def action_create(self):
        """Create the project (once) and open it."""
        self.ensure_one()
        if not self.user_id.has_group("project.group_project_user"):
            raise UserError(
                _("%s has no access to projects: choose a project user as the "
                  "project manager.") % self.user_id.name
            )
        project = self.order_id._create_project(self.user_id)
        return {
            "type": "ir.actions.act_window",
            "name": project.name,
            "res_model": "project.project",
            "res_id": project.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
