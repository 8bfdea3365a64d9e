# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

RISK_LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
RISK_STATES = [
    ("open", "Open"),
    ("mitigated", "Mitigated"),
    ("occurred", "Occurred"),
    ("closed", "Closed"),
]


class B2bRisk(models.Model):
    """A risk of an opportunity or of a delivery project."""

    _name = "b2b.risk"
    _description = "B2B Risk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        "project.project", string="Project", ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id, index=True
    )
    probability = fields.Selection(RISK_LEVELS, default="medium", required=True)
    impact = fields.Selection(RISK_LEVELS, default="medium", required=True)
    mitigation = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Owner", default=lambda self: self.env.user,
        track_visibility="onchange",
    )
    state = fields.Selection(
        RISK_STATES, default="open", required=True, track_visibility="onchange"
    )
    is_shared = fields.Boolean(
        string="Shared with the Customer", track_visibility="onchange",
        help="Shown in the periodic report to the customer. Risks are "
        "internal unless shared.",
    )
    lead_user_id = fields.Many2one(
        related="lead_id.user_id", string="Opportunity Salesperson", store=True,
        readonly=True, index=True,
    )
