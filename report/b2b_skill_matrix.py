# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The skills matrix (SQL model): every active salesperson against every
active skill, with the last assessed level (0: never assessed), the level
required (their team's, else the company's) and the gap."""

from odoo import fields, models
from odoo.tools import SQL


class B2bSkillMatrix(models.Model):
    """The last level of each salesperson in each skill, and the gap."""

    _name = "b2b.skill.matrix"
    _description = "Skills Matrix"
    _auto = False
    _order = "user_id, skill_sequence, skill_id"
    _rec_name = "skill_id"
    _depends = {
        "b2b.skill": ["sequence", "required_level", "active"],
        "b2b.skill.requirement": ["skill_id", "team_id", "required_level"],
        "b2b.skill.assessment": ["user_id", "skill_id", "level", "date"],
        "res.users": ["active", "share", "sale_team_id", "company_id", "group_ids"],
    }

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    skill_id = fields.Many2one("b2b.skill", string="Skill", readonly=True)
    skill_sequence = fields.Integer(readonly=True)
    required_level = fields.Integer(readonly=True, aggregator="max")
    level = fields.Integer(
        readonly=True,
        aggregator="avg",
        help="The level of the last assessment; 0 when never assessed.",
    )
    gap = fields.Integer(
        readonly=True, help="How many levels below the required level."
    )
    has_gap = fields.Boolean(string="Has a Gap", readonly=True)
    date = fields.Date(string="Assessed on", readonly=True)
    assessment_id = fields.Many2one(
        "b2b.skill.assessment", string="Last Assessment", readonly=True
    )

    @property
    def _table_query(self):
        # The sales staff: active internal users in the salesperson group or
        # a group implying it (a sales manager).
        return SQL(
            """
            WITH RECURSIVE sales_groups(gid) AS (
                SELECT res_id FROM ir_model_data
                 WHERE module = 'sales_team' AND name = 'group_sale_salesman'
                   AND model = 'res.groups'
                 UNION
                SELECT r.gid FROM res_groups_implied_rel r
                  JOIN sales_groups s ON r.hid = s.gid
            ), staff AS (
                SELECT u.id, u.sale_team_id, u.company_id
                  FROM res_users u
                 WHERE u.active AND NOT u.share
                   AND EXISTS (
                       SELECT 1 FROM res_groups_users_rel gu
                        WHERE gu.uid = u.id
                          AND gu.gid IN (SELECT gid FROM sales_groups))
            )
            SELECT (u.id::bigint << 20) + s.id AS id,
                   u.id AS user_id, u.sale_team_id AS team_id, u.company_id,
                   s.id AS skill_id, s.sequence AS skill_sequence,
                   COALESCE(r.required_level, s.required_level) AS required_level,
                   COALESCE(a.level, 0) AS level,
                   GREATEST(COALESCE(r.required_level, s.required_level)
                            - COALESCE(a.level, 0), 0) AS gap,
                   COALESCE(a.level, 0) < COALESCE(r.required_level, s.required_level)
                       AS has_gap,
                   a.date, a.id AS assessment_id
              FROM staff u
             CROSS JOIN b2b_skill s
              LEFT JOIN b2b_skill_requirement r
                ON r.skill_id = s.id AND r.team_id = u.sale_team_id
              LEFT JOIN LATERAL (
                  SELECT sa.id, sa.level, sa.date
                    FROM b2b_skill_assessment sa
                   WHERE sa.user_id = u.id AND sa.skill_id = s.id
                   ORDER BY sa.date DESC, sa.id DESC
                   LIMIT 1
              ) a ON TRUE
             WHERE s.active
            """
        )
