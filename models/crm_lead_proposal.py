# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's proposals: its quotations sent to the customer."""

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    proposal_count = fields.Integer(
        string="Proposals",
        compute="_compute_proposal_count",
        help="Quotations of the opportunity sent to the customer, each counted "
        "once.",
    )

    @api.depends("order_ids.state", "order_ids.b2b_date_proposal")
    def _compute_proposal_count(self):
        Order = self.env["sale.order"]
        groups = Order._read_group(
            Order._proposal_domain() + [("opportunity_id", "in", self.ids)],
            ["opportunity_id"],
            ["__count"],
        )
        counts = {lead.id: count for lead, count in groups}
        for lead in self:
            lead.proposal_count = counts.get(lead._origin.id, 0)

    def action_view_proposals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations"
        )
        action.update(
            domain=self.env["sale.order"]._proposal_domain()
            + [("opportunity_id", "=", self.id)],
            context={"create": False},
        )
        return action
