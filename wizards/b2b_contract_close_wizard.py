# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Close the Contract: shows what is still open, then liquidates the
contract (the contract's own step, which checks the rule again) and prints
its liquidation minutes."""

from odoo import api, fields, models


class B2bContractCloseWizard(models.TransientModel):
    _name = "b2b.contract.close.wizard"
    _description = "Close the Contract"

    contract_id = fields.Many2one(
        "b2b.contract", string="Contract", required=True, ondelete="cascade"
    )
    liquidation_ready = fields.Boolean(
        related="contract_id.liquidation_ready", string="Ready to Liquidate"
    )
    open_items = fields.Text(
        related="contract_id.liquidation_open_items", string="Still Open"
    )
    date_liquidated = fields.Date(
        string="Liquidated on",
        required=True,
        default=lambda self: fields.Date.context_today(self),
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        contract_id = self.env.context.get("active_id")
        if (
            "contract_id" in fields_list
            and not values.get("contract_id")
            and self.env.context.get("active_model") == "b2b.contract"
        ):
            values["contract_id"] = contract_id
        return values

    def action_confirm(self):
        """Liquidate the contract and print its minutes."""
        self.ensure_one()
        self.contract_id.action_liquidate(self.date_liquidated)
        return self.env.ref(
            "b2b_sales_delivery.b2b_contract_liquidation_report_action"
        ).report_action(self.contract_id)
