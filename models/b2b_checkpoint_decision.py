# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checkpoint kind "decision known": the customer's decision criteria,
a budget status other than unknown, the decision date and at least one
approval step recorded on the opportunity."""

from odoo import fields, models


class B2bCheckpoint(models.Model):
    _inherit = "b2b.checkpoint"

    kind = fields.Selection(
        selection_add=[("decision", "Buying Decision Known")],
        ondelete={"decision": "cascade"},
    )

    def _get_met_lead_ids_decision(self, leads):
        leads = leads.sudo()
        found = {
            lead._origin.id
            for lead in leads
            if lead._origin.id and not lead._b2b_decision_missing_parts()
        }
        return {checkpoint.id: set(found) for checkpoint in self}

    def _get_how_to_meet_decision(self):
        return self.env._(
            "fill in the Buying Decision tab of the opportunity: the decision "
            "criteria, a budget status other than Unknown, the decision date and "
            "at least one approval step"
        )
