# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The risks of the opportunity reach its delivery project: the risks still
open are linked to the project made from the opportunity's order (on every
road that makes it), and the delivery team sees the project's open risks."""

from odoo import api, fields, models

OPEN_RISK_STATES = ("open", "occurred")


class ProjectProject(models.Model):
    _inherit = "project.project"

    b2b_risk_ids = fields.One2many("b2b.risk", "project_id", string="Risks")
    b2b_open_risk_ids = fields.One2many(
        "b2b.risk",
        "project_id",
        string="Open Risks",
        domain=[("state", "in", OPEN_RISK_STATES)],
    )
    b2b_open_risk_count = fields.Integer(
        string="Open Risk Count", compute="_compute_b2b_open_risk_count"
    )

    @api.depends("b2b_risk_ids.state")
    def _compute_b2b_open_risk_count(self):
        counts = dict(
            self.env["b2b.risk"]._read_group(
                [("project_id", "in", self.ids), ("state", "in", OPEN_RISK_STATES)],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.b2b_open_risk_count = counts.get(project._origin, 0)

    def action_view_b2b_risks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_risk_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id, "search_default_open": 1}
        return action


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _carry_phases(self, project):
        """The hand-over of every road also carries the opportunity's open
        risks into the project."""
        result = super()._carry_phases(project)
        lead = self.sudo().opportunity_id
        if lead:
            risks = lead.risk_ids.filtered(
                lambda risk: not risk.project_id
                and risk.state in OPEN_RISK_STATES
                and risk.company_id in (project.company_id, self.env["res.company"])
            )
            risks.write({"project_id": project.id})
        return result
