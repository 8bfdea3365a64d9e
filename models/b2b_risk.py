# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

RISK_LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
RISK_STATES = [
    ("open", "Open"),
    ("mitigated", "Mitigated"),
    ("occurred", "Occurred"),
    ("closed", "Closed"),
]
# Exposure: probability times impact, each from 1 (low) to 3 (high).
LEVEL_SCORE = {"low": 1, "medium": 2, "high": 3}


class B2bRisk(models.Model):
    """A risk of an opportunity: how likely, how bad, what is done about it
    and who watches it. (The delivery project's risks come with the
    delivery.)"""

    _name = "b2b.risk"
    _description = "B2B Risk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "exposure desc, id desc"

    name = fields.Char(required=True, tracking=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True
    )
    probability = fields.Selection(
        RISK_LEVELS, default="medium", required=True, tracking=True
    )
    impact = fields.Selection(RISK_LEVELS, default="medium", required=True, tracking=True)
    exposure = fields.Integer(
        compute="_compute_exposure",
        store=True,
        help="Probability times impact, each scored 1 (low) to 3 (high): from 1 "
        "to 9.",
    )
    mitigation = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    state = fields.Selection(RISK_STATES, default="open", required=True, tracking=True)
    is_shared = fields.Boolean(
        string="Shared with the Customer",
        tracking=True,
        help="Risks are internal unless shared with the customer.",
    )
    lead_user_id = fields.Many2one(
        related="lead_id.user_id", string="Opportunity Salesperson", store=True
    )
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, index=True
    )

    @api.depends("probability", "impact")
    def _compute_exposure(self):
        for risk in self:
            risk.exposure = LEVEL_SCORE.get(risk.probability, 0) * LEVEL_SCORE.get(
                risk.impact, 0
            )
