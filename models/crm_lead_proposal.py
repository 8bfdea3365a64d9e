# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's cooperation proposals: those sent to the customer
count (``b2b.proposal._proposal_domain``), each once, whatever its
revisions."""

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_proposal_ids = fields.One2many(
        "b2b.proposal", "lead_id", string="Cooperation Proposals"
    )
    proposal_count = fields.Integer(
        string="Proposals",
        compute="_compute_proposal_count",
        help="Cooperation proposals of the opportunity sent to the customer, "
        "each counted once whatever its revisions.",
    )

    @api.depends("b2b_proposal_ids.date_first_sent")
    def _compute_proposal_count(self):
        Proposal = self.env["b2b.proposal"]
        groups = Proposal._read_group(
            Proposal._proposal_domain() + [("lead_id", "in", self._origin.ids)],
            ["lead_id"],
            ["__count"],
        )
        counts = {lead.id: count for lead, count in groups}
        for lead in self:
            lead.proposal_count = counts.get(lead._origin.id, 0)

    def action_view_proposals(self):
        """The opportunity's cooperation proposals (all of them, drafts too),
        a new one prepared for it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_proposal_action"
        )
        action.update(
            domain=[("lead_id", "=", self.id)],
            context={"default_lead_id": self.id},
        )
        return action

    def action_new_b2b_proposal(self):
        """The button: a new cooperation proposal of the opportunity."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.proposal",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_lead_id": self.id},
        }
