# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quotation of an opportunity: when it was first sent is a fact set by
the server only; the quotation made from an accepted cooperation proposal
keeps it (``b2b_proposal_id``). What a proposal is is said once, by
``b2b.proposal._proposal_domain``: a quotation is not a proposal."""

from odoo import api, fields, models

from ..utils.steps import StepFacts, with_step
from .b2b_checkpoint import QUOTATION_SENT_STATES
from .b2b_proposal import PROPOSAL_DOC_STEP_KEY

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
        "customer (or confirmed without being sent).",
    )
    b2b_proposal_id = fields.Many2one(
        "b2b.proposal",
        string="Cooperation Proposal",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
        help="The accepted cooperation proposal the quotation was made from.",
    )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(PROPOSAL_STEP_KEY, ("b2b_date_proposal",), "_proposal_refusal"),
            StepFacts(
                PROPOSAL_DOC_STEP_KEY, ("b2b_proposal_id",), "_proposal_document_refusal"
            ),
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

    def _proposal_document_refusal(self):
        return self.env._(
            "A quotation is made from a cooperation proposal with the proposal's "
            "Create Quotation button; the link cannot be written."
        )
