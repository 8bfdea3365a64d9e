# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class B2bScopeUnlockWizard(models.TransientModel):
    """A sales manager unlocks a confirmed scope, giving the reason."""

    _name = "b2b.scope.unlock.wizard"
    _description = "Unlock a Confirmed Scope"

    order_id = fields.Many2one("sale.order", string="Order", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_unlock(self):
        self.ensure_one()
        self.order_id.action_unlock_scope(self.reason)
        return {"type": "ir.actions.act_window_close"}
