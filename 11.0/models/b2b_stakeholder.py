# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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
        help="Stable code used by checkpoints and integrations, "
        "e.g. decision_maker.",
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

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a role must be unique."),
    ]


class B2bStakeholder(models.Model):
    """A person of the customer taking part in the buying decision."""

    _name = "b2b.stakeholder"
    _description = "Buying Committee Member"
    _order = "lead_id, sequence, id"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, ondelete="restrict",
        index=True,
    )
    function = fields.Char(related="partner_id.function", readonly=True)
    email = fields.Char(related="partner_id.email", readonly=True)
    phone = fields.Char(related="partner_id.phone", readonly=True)
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
        related="lead_id.user_id", string="Salesperson", store=True, readonly=True
    )
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, readonly=True
    )

    _sql_constraints = [
        (
            "lead_partner_uniq",
            "unique(lead_id, partner_id)",
            "A contact sits only once in the buying committee of an opportunity.",
        ),
    ]

    @api.multi
    def name_get(self):
        return [
            (member.id, "%s (%s)" % (member.partner_id.display_name,
                                     ", ".join(member.role_ids.mapped("name")) or "-"))
            for member in self
        ]
