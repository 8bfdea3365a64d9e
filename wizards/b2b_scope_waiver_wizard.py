# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class B2bScopeWaiverWizard(models.TransientModel):
    """A sales manager waives the scope gate of an order, giving the reason."""

    _name = "b2b.scope.waiver.wizard"
    _description = "Waive the Scope Gate"

    order_id = fields.Many2one("sale.order", string="Order", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_waive(self):
        self.ensure_one()
        self.order_id.action_waive_scope(self.reason)
        return {"type": "ir.actions.act_window_close"}
