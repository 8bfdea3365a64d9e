# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order under its contract, and the quotation sent as a proposal."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .b2b_step_mixin import check_new_values

# The proposal date is a fact: only ``_mark_as_proposal`` writes it, under
# this object, which no RPC call can carry.
PROPOSAL_WRITE = object()


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

    @api.model
    def create(self, vals):
        if self.env.context.get("b2b_proposal_write") is not PROPOSAL_WRITE:
            check_new_values(
                self, vals, ("b2b_date_proposal",), self._proposal_refusal)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "b2b_date_proposal" in vals and (
            self.env.context.get("b2b_proposal_write") is not PROPOSAL_WRITE
        ):
            raise UserError(self._proposal_refusal(vals))
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
            proposals.sudo().with_context(
                b2b_proposal_write=PROPOSAL_WRITE
            ).write({"b2b_date_proposal": fields.Datetime.now()})

    @api.model
    def _proposal_refusal(self, vals):
        return _("The date a proposal was sent is recorded when the quotation "
                 "is sent; it cannot be written.")
