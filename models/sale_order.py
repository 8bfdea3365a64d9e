# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_contract_id = fields.Many2one(
        "b2b.contract", string="Contract", index=True, copy=False,
        track_visibility="onchange",
    )
    b2b_date_proposal = fields.Datetime(
        string="Proposal Sent on", copy=False, readonly=True, index=True,
        help="When the quotation was first sent to the customer: from then on "
        "it counts as a cooperation proposal.",
    )
    project_ids = fields.One2many(
        "project.project", "sale_order_id", string="Delivery Projects"
    )

    @api.multi
    def action_create_project(self):
        """Create the delivery project of the order once; return it.

        A second call returns the same project. Over RPC it returns the id.
        """
        self.ensure_one()
        project = self.project_ids[:1]
        if not project:
            project = self.env["project.project"].create(
                self._prepare_project_values()
            )
            Task = self.env["project.task"]
            for task_values in self._prepare_project_task_values(project):
                Task.create(task_values)
        return project.id

    def _prepare_project_values(self):
        self.ensure_one()
        return {
            "name": self.name if not self.client_order_ref
            else "%s - %s" % (self.name, self.client_order_ref),
            "partner_id": self.partner_id.id,
            "sale_order_id": self.id,
            "company_id": self.company_id.id,
            "user_id": self.user_id.id,
            # Delivery: the plan starts when the order is confirmed, and the
            # project is visible to its team (followers) only.
            "plan_date_start": (self.confirmation_date or "")[:10]
            or fields.Date.context_today(self),
            "privacy_visibility": "followers",
        }

    def _prepare_project_task_values(self, project):
        """Values of the starting tasks of the delivery project (hook)."""
        self.ensure_one()
        return []
