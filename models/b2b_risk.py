# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    """A risk of an opportunity or of its delivery project: how likely, how
    bad, what is done about it and who watches it. The open risks of an
    opportunity reach the project made from its order; a risk belongs to the
    company of its project (or opportunity), never its creator's."""

    _name = "b2b.risk"
    _description = "B2B Risk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "exposure desc, id desc"

    name = fields.Char(required=True, tracking=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        "project.project",
        string="Project",
        ondelete="cascade",
        index=True,
        tracking=True,
        help="The delivery project the risk is watched in: set when the "
        "project of the opportunity's order is made, for the risks still open.",
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
        "res.company",
        string="Company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The company of the risk's project, else of its opportunity.",
    )

    @api.depends("project_id.company_id", "lead_id.company_id")
    def _compute_company_id(self):
        for risk in self:
            risk.company_id = risk.project_id.company_id or risk.lead_id.company_id

    @api.constrains("company_id", "project_id", "lead_id")
    def _check_company_of_project(self):
        for risk in self.sudo():
            if not risk.lead_id and not risk.project_id:
                raise ValidationError(
                    self.env._(
                        "The risk %(risk)s belongs to an opportunity or a project.",
                        risk=risk.name,
                    )
                )
            owner = risk.project_id or risk.lead_id
            if owner.company_id and risk.company_id != owner.company_id:
                raise ValidationError(
                    self.env._(
                        "The risk %(risk)s belongs to the company of %(owner)s "
                        "(%(company)s), not to %(other)s.",
                        risk=risk.name,
                        owner=owner.display_name,
                        company=owner.company_id.name,
                        other=risk.company_id.name or "-",
                    )
                )

    @api.depends("probability", "impact")
    def _compute_exposure(self):
        for risk in self:
            risk.exposure = LEVEL_SCORE.get(risk.probability, 0) * LEVEL_SCORE.get(
                risk.impact, 0
            )
