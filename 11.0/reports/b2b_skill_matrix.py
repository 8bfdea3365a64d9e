# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import api, fields, models, tools

# Every active salesperson against every active skill: the last assessed
# level (0: never assessed) and the gap to the skill's required level.
SKILL_MATRIX_SQL = """
SELECT (u.id::bigint << 20) + s.id AS id,
       u.id AS user_id, u.sale_team_id AS team_id, u.company_id,
       s.id AS skill_id, s.sequence AS skill_sequence,
       s.required_level,
       COALESCE(a.level, 0) AS level,
       GREATEST(s.required_level - COALESCE(a.level, 0), 0) AS gap,
       a.date, a.id AS assessment_id
  FROM res_users u
  JOIN res_groups_users_rel gu ON gu.uid = u.id
  JOIN ir_model_data imd ON imd.res_id = gu.gid AND imd.model = 'res.groups'
   AND imd.module = 'sales_team' AND imd.name = 'group_sale_salesman'
 CROSS JOIN b2b_skill s
  LEFT JOIN LATERAL (
      SELECT sa.id, sa.level, sa.date
        FROM b2b_skill_assessment sa
       WHERE sa.user_id = u.id AND sa.skill_id = s.id
       ORDER BY sa.date DESC, sa.id DESC
       LIMIT 1
  ) a ON TRUE
 WHERE u.active AND s.active
"""


class B2bSkillMatrix(models.Model):
    """The team's skill matrix: last level per salesperson and skill (SQL view)."""

    _name = "b2b.skill.matrix"
    _description = "Skill Matrix"
    _auto = False
    _order = "user_id, skill_sequence, skill_id"
    _rec_name = "skill_id"

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    skill_id = fields.Many2one("b2b.skill", string="Skill", readonly=True)
    skill_sequence = fields.Integer(readonly=True)
    required_level = fields.Integer(readonly=True, group_operator="max")
    level = fields.Integer(
        readonly=True, group_operator="avg",
        help="The level of the last assessment; 0 when never assessed.",
    )
    gap = fields.Integer(
        readonly=True, help="How many levels below the required level."
    )
    date = fields.Date(string="Assessed on", readonly=True)
    assessment_id = fields.Many2one(
        "b2b.skill.assessment", string="Last Assessment", readonly=True
    )

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL("CREATE VIEW {} AS ({})").format(
            sql.Identifier(self._table), sql.SQL(SKILL_MATRIX_SQL)
        ))
