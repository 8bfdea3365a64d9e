# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class B2bContractCloseWizard(models.TransientModel):
    """A sales manager closes a contract with items still open, giving the
    reason (logged in the contract's chatter)."""

    _name = "b2b.contract.close.wizard"
    _description = "Close a Contract Early"

    contract_id = fields.Many2one(
        "b2b.contract", string="Contract", required=True, ondelete="cascade"
    )
    open_items = fields.Text(
        related="contract_id.liquidation_open_items", string="Still Open",
        readonly=True,
    )
    reason = fields.Text(required=True)

    @api.multi
    def action_close(self):
        self.ensure_one()
        self.contract_id.action_close(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
