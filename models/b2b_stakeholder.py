# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's buying committee: who takes part in the decision, with
which roles, how much weight, which attitude, which goals and which expected
benefits."""

from odoo import api, fields, models

# The codes of the roles the addon ships (data/b2b_stakeholder_role_data.xml);
# checkpoints and integrations find a role by its code.
ROLE_CODES = ("user", "decision_maker", "influencer", "payer", "implementer")
INFLUENCE_LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
ATTITUDES = [
    ("champion", "Champion"),
    ("supporter", "Supporter"),
    ("neutral", "Neutral"),
    ("skeptic", "Skeptic"),
    ("blocker", "Blocker"),
]


class B2bStakeholderRole(models.Model):
    """A role in the customer's buying committee (user, decision maker...)."""

    _name = "b2b.stakeholder.role"
    _description = "Buying Committee Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Stable code used by checkpoints and integrations, e.g. "
        "decision_maker.",
    )
    sequence = fields.Integer(default=10)
    is_key = fields.Boolean(
        string="Key Role",
        default=True,
        help="Key roles are expected in every buying committee: the "
        "opportunity shows which of them are covered and which are missing.",
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "The code of a role must be unique."
    )


class B2bStakeholder(models.Model):
    """A person of the customer taking part in the buying decision."""

    _name = "b2b.stakeholder"
    _description = "Buying Committee Member"
    _order = "lead_id, sequence, id"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, ondelete="restrict", index=True
    )
    function = fields.Char(related="partner_id.function", string="Job Position")
    email = fields.Char(related="partner_id.email", string="Email")
    phone = fields.Char(related="partner_id.phone", string="Phone")
    role_ids = fields.Many2many(
        "b2b.stakeholder.role",
        "b2b_stakeholder_role_rel",
        "stakeholder_id",
        "role_id",
        string="Roles",
    )
    influence = fields.Selection(INFLUENCE_LEVELS, default="medium", required=True)
    attitude = fields.Selection(ATTITUDES, default="neutral", required=True)
    goal_personal = fields.Text(string="Personal Goals")
    goal_department = fields.Text(string="Department Goals")
    goal_company = fields.Text(string="Company Goals")
    benefit_revenue = fields.Boolean(string="Revenue Growth")
    benefit_cost = fields.Boolean(string="Cost Reduction")
    benefit_management = fields.Boolean(string="Better Management")
    benefit_other = fields.Char(string="Other Benefits")
    note = fields.Text()
    user_id = fields.Many2one(
        related="lead_id.user_id", string="Salesperson", store=True, index=True
    )
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, index=True
    )

    _lead_partner_uniq = models.Constraint(
        "UNIQUE(lead_id, partner_id)",
        "A contact sits only once in the buying committee of an opportunity.",
    )

    @api.depends("partner_id", "role_ids")
    def _compute_display_name(self):
        for member in self:
            roles = ", ".join(member.role_ids.mapped("name")) or "-"
            member.display_name = "%s (%s)" % (member.partner_id.display_name, roles)
