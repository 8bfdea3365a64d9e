# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's proposals (quotations sent) and contracts."""
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_contract_ids = fields.One2many("b2b.contract", "lead_id", string="Contracts")
    b2b_proposal_count = fields.Integer(
        string="Proposals", compute="_compute_b2b_proposal_count",
        help="Quotations of the opportunity sent to the customer: the "
        "cooperation proposals.",
    )
    b2b_contract_count = fields.Integer(
        string="Contract Count", compute="_compute_b2b_contract_count"
    )

    def _compute_b2b_proposal_count(self):
        data = self.env["sale.order"].read_group(
            [("opportunity_id", "in", self.ids), ("b2b_date_proposal", "!=", False)],
            ["opportunity_id"], ["opportunity_id"],
        )
        counts = {d["opportunity_id"][0]: d["opportunity_id_count"] for d in data}
        for lead in self:
            lead.b2b_proposal_count = counts.get(lead.id, 0)

    def _compute_b2b_contract_count(self):
        data = self.env["b2b.contract"].read_group(
            [("lead_id", "in", self.ids)], ["lead_id"], ["lead_id"]
        )
        counts = {d["lead_id"][0]: d["lead_id_count"] for d in data}
        for lead in self:
            lead.b2b_contract_count = counts.get(lead.id, 0)

    @api.multi
    def action_view_b2b_proposals(self):
        action = self.env.ref("sale.action_quotations").read()[0]
        action["domain"] = [
            ("opportunity_id", "in", self.ids), ("b2b_date_proposal", "!=", False)
        ]
        action["context"] = {}
        return action

    @api.multi
    def action_view_b2b_contracts(self):
        action = self.env.ref("b2b_sales_delivery.b2b_contract_action").read()[0]
        action["domain"] = [("lead_id", "in", self.ids)]
        action["context"] = {
            "default_lead_id": self[:1].id,
            "default_partner_id": self[:1].partner_id.commercial_partner_id.id,
            "default_user_id": self[:1].user_id.id or self.env.uid,
            "default_team_id": self[:1].team_id.id,
        }
        return action
