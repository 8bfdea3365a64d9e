# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class B2bSkill(models.Model):
    """A skill the sales staff need (the eight of the process, and more)."""

    _name = "b2b.skill"
    _description = "Sales Skill"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    required_level = fields.Integer(
        default=3, required=True,
        help="The level (1 to 5) every salesperson should reach: below it is "
        "a gap.",
    )
    active = fields.Boolean(default=True)
    assessment_ids = fields.One2many(
        "b2b.skill.assessment", "skill_id", string="Assessments"
    )

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "A skill with this name already exists."),
        ("required_level_range", "CHECK(required_level BETWEEN 1 AND 5)",
         "The required level is between 1 and 5."),
    ]


class B2bSkillAssessment(models.Model):
    """The level of one salesperson in one skill, as assessed on a date."""

    _name = "b2b.skill.assessment"
    _description = "Skill Assessment"
    _order = "date desc, id desc"
    _rec_name = "skill_id"

    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True,
        ondelete="cascade",
    )
    team_id = fields.Many2one(
        related="user_id.sale_team_id", string="Sales Team", store=True,
        readonly=True,
    )
    skill_id = fields.Many2one(
        "b2b.skill", string="Skill", required=True, index=True, ondelete="restrict"
    )
    level = fields.Integer(required=True, default=3, group_operator="avg")
    required_level = fields.Integer(related="skill_id.required_level", readonly=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    assessor_id = fields.Many2one(
        "res.users", string="Assessor", required=True,
        default=lambda self: self.env.user, ondelete="restrict",
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", string="Company", required=True,
        default=lambda self: self.env.user.company_id,
    )

    _sql_constraints = [
        ("level_range", "CHECK(level BETWEEN 1 AND 5)",
         "A skill level is between 1 and 5."),
    ]
