# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The proposal: a quotation of an opportunity sent to the customer. What a
proposal is is said once here (``_proposal_domain``), for the count on the
opportunity, the indicator and the report views alike; when it was first
sent is a fact set by the server only."""

from odoo import api, fields, models

from ..utils.steps import StepFacts, with_step
from .b2b_checkpoint import QUOTATION_SENT_STATES

PROPOSAL_STEP_KEY = "b2b_proposal_step"


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "b2b.step.mixin"]

    b2b_date_proposal = fields.Datetime(
        string="Proposal Sent on",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="When the quotation of the opportunity was first sent to the "
        "customer (or confirmed without being sent): from then on it counts "
        "once as a proposal.",
    )

    @api.model
    def _proposal_domain(self):
        """What a proposal is: a quotation of an opportunity sent to the
        customer, still sent or confirmed since; each counts once."""
        return [
            ("opportunity_id", "!=", False),
            ("state", "in", QUOTATION_SENT_STATES),
            ("b2b_date_proposal", "!=", False),
        ]

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(PROPOSAL_STEP_KEY, ("b2b_date_proposal",), "_proposal_refusal")
        ]

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders._mark_as_proposal()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") in QUOTATION_SENT_STATES or vals.get("opportunity_id"):
            self._mark_as_proposal()
        return res

    def _mark_as_proposal(self):
        """Date the first sending of the opportunities' quotations, once."""
        proposals = self.filtered(
            lambda order: order.opportunity_id
            and order.state in QUOTATION_SENT_STATES
            and not order.b2b_date_proposal
        )
        if proposals:
            with_step(proposals.sudo(), PROPOSAL_STEP_KEY).write(
                {"b2b_date_proposal": fields.Datetime.now()}
            )

    def _proposal_refusal(self):
        return self.env._(
            "The date a proposal was sent is recorded when the quotation is sent; "
            "it cannot be written."
        )
