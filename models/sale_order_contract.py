# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order under its contract: same customer, same company."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_contract_id = fields.Many2one(
        "b2b.contract",
        string="Contract",
        index="btree_not_null",
        copy=False,
        tracking=True,
        domain="[('partner_id', 'parent_of', partner_id), "
        "('company_id', '=', company_id), ('state', '!=', 'cancel')]",
        help="The contract with the customer that carries this order.",
    )

    @api.constrains("b2b_contract_id", "partner_id", "company_id")
    def _check_b2b_contract(self):
        for order in self.filtered("b2b_contract_id"):
            contract = order.b2b_contract_id.sudo()
            if (
                contract.partner_id.commercial_partner_id
                != order.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s is with another customer than the "
                        "order %(order)s.",
                        contract=contract.name,
                        order=order.name,
                    )
                )
            if contract.company_id != order.company_id:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s belongs to another company than "
                        "the order %(order)s.",
                        contract=contract.name,
                        order=order.name,
                    )
                )

    def action_view_b2b_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.contract",
            "view_mode": "form",
            "views": [(False, "form")],
            "res_id": self.b2b_contract_id.id,
        }
