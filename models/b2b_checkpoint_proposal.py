# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checkpoint kind "accepted proposal": a cooperation proposal of the
opportunity accepted by the customer."""

from odoo import fields, models


class B2bCheckpoint(models.Model):
    _inherit = "b2b.checkpoint"

    kind = fields.Selection(
        selection_add=[("proposal", "Accepted Proposal")],
        ondelete={"proposal": "cascade"},
    )

    def _get_met_lead_ids_proposal(self, leads):
        lead_ids = [lead_id for lead_id in leads._origin.ids if lead_id]
        Proposal = self.env["b2b.proposal"].sudo()
        groups = Proposal._read_group(
            [("state", "=", "accepted"), ("lead_id", "in", lead_ids)], ["lead_id"]
        )
        found = {lead.id for (lead,) in groups}
        return {checkpoint.id: set(found) for checkpoint in self}

    def _get_how_to_meet_proposal(self):
        return self.env._(
            "prepare a cooperation proposal with the New Proposal button of the "
            "opportunity, send it, then record the customer's acceptance"
        )
