# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order under its contract, and the quotation sent as a proposal."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("b2b_contract_id", "partner_id")
    def _check_b2b_contract_partner(self):
        for order in self.filtered("b2b_contract_id"):
            if (order.b2b_contract_id.partner_id.commercial_partner_id
                    != order.partner_id.commercial_partner_id):
                raise ValidationError(
                    _("The contract %(contract)s is with another customer than "
                      "the order %(order)s.")
                    % {"contract": order.b2b_contract_id.name, "order": order.name}
                )

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "sent":
            self._mark_as_proposal()
        return result

    @api.multi
    def action_view_b2b_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.contract",
            "view_mode": "form",
            "res_id": self.b2b_contract_id.id,
        }

    def _mark_as_proposal(self):
        """Date the first sending of an opportunity's quotation, once: from
        then on it counts as a cooperation proposal."""
        proposals = self.filtered(
            lambda o: o.opportunity_id and not o.b2b_date_proposal
        )
        if proposals:
            proposals.sudo().write({"b2b_date_proposal": fields.Datetime.now()})
