# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The skills the sales staff need (the eight of the process, and more), the
level each should reach (the company's, or a team's own), and the dated
assessments of each salesperson by a sales manager: the history is kept, the
last assessment counts (report/b2b_skill_matrix.py)."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# A skill level: 1 (beginner) to 5 (expert).
MIN_LEVEL = 1
MAX_LEVEL = 5
MANAGER_GROUP = "b2b_sales_delivery.group_b2b_manager"


class B2bSkill(models.Model):
    """A skill the sales staff need."""

    _name = "b2b.skill"
    _description = "Sales Skill"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    required_level = fields.Integer(
        default=3,
        required=True,
        help="The level (1 to 5) every salesperson should reach, unless their "
        "team requires another: below it is a gap.",
    )
    requirement_ids = fields.One2many(
        "b2b.skill.requirement",
        "skill_id",
        string="Levels Required by Team",
        help="A sales team that requires another level than the company's.",
    )
    active = fields.Boolean(default=True)
    assessment_ids = fields.One2many(
        "b2b.skill.assessment", "skill_id", string="Assessments"
    )

    # The name is translated (a JSON column): unique in English, the
    # language of the source terms.
    _name_unique = models.UniqueIndex(
        "((name->>'en_US'))", "A skill with this name already exists."
    )
    _required_level_range = models.Constraint(
        f"CHECK(required_level BETWEEN {MIN_LEVEL} AND {MAX_LEVEL})",
        "The required level of a skill is between 1 and 5.",
    )


class B2bSkillRequirement(models.Model):
    """The level a sales team requires in a skill, instead of the company's."""

    _name = "b2b.skill.requirement"
    _description = "Skill Level Required by a Team"
    _order = "skill_id, team_id"

    skill_id = fields.Many2one(
        "b2b.skill", string="Skill", required=True, index=True, ondelete="cascade"
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="team_id.company_id", store=True, index=True, string="Company"
    )
    required_level = fields.Integer(required=True, default=3)

    _team_skill_unique = models.Constraint(
        "UNIQUE(skill_id, team_id)",
        "A sales team requires one level per skill.",
    )
    _required_level_range = models.Constraint(
        f"CHECK(required_level BETWEEN {MIN_LEVEL} AND {MAX_LEVEL})",
        "The required level of a skill is between 1 and 5.",
    )


class B2bSkillAssessment(models.Model):
    """The level of one salesperson in one skill, as a sales manager assessed
    it on a date. A new assessment records progress; the old ones stay."""

    _name = "b2b.skill.assessment"
    _description = "Skill Assessment"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "skill_id"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
        tracking=True,
    )
    team_id = fields.Many2one(
        related="user_id.sale_team_id", string="Sales Team", store=True, index=True
    )
    skill_id = fields.Many2one(
        "b2b.skill", string="Skill", required=True, index=True, ondelete="restrict",
        tracking=True,
    )
    level = fields.Integer(required=True, default=3, aggregator="avg", tracking=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    assessor_id = fields.Many2one(
        "res.users",
        string="Assessed by",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
        domain="[('share', '=', False)]",
        tracking=True,
    )
    note = fields.Text(help="What was observed, what to work on.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _level_range = models.Constraint(
        f"CHECK(level BETWEEN {MIN_LEVEL} AND {MAX_LEVEL})",
        "A skill level is between 1 and 5.",
    )

    @api.constrains("user_id", "assessor_id")
    def _check_assessor(self):
        for assessment in self:
            assessor = assessment.assessor_id
            if not assessor.has_group(MANAGER_GROUP):
                raise ValidationError(
                    self.env._(
                        "%(assessor)s is not a sales manager: only a sales manager "
                        "assesses the skills of the sales staff.",
                        assessor=assessor.name,
                    )
                )
            if assessor == assessment.user_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot assess their own skills: another sales "
                        "manager does.",
                        user=assessor.name,
                    )
                )

    def write(self, vals):
        # The history is kept: what was assessed stays; a new level is a new
        # assessment. Only the note may be completed.
        frozen = set(vals) & {"user_id", "skill_id", "level", "date", "assessor_id"}
        if frozen and any(
            field.convert_to_cache(vals[field.name], assessment)
            != field.convert_to_cache(assessment[field.name], assessment)
            for assessment in self
            for field in map(self._fields.get, frozen)
        ):
            raise UserError(
                self.env._(
                    "An assessment is kept as it was made: record a new "
                    "assessment to change a salesperson's level."
                )
            )
        return super().write(vals)
