# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class B2bScopeWaiverWizard(models.TransientModel):
    """A sales manager lets the delivery go on without the customer's
    confirmation of the scope, giving the reason (logged)."""

    _name = "b2b.scope.waiver.wizard"
    _description = "Waive the Customer's Confirmation of the Scope"

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    @api.multi
    def action_waive(self):
        self.ensure_one()
        self.order_id.action_waive_scope(self.reason)
        return {"type": "ir.actions.act_window_close"}
