# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import api, fields, models, tools

from ..models.b2b_kpi_target import KPI_AMOUNTS, KPI_CODES
from ..utils.kpi_periods import PERIOD_TYPES

AMOUNTS_SQL = "(%s)" % ", ".join("'%s'" % kpi for kpi in KPI_AMOUNTS)
# For each target, the actual figure of its owner over its period, summed
# from the events of b2b.kpi.report; receivables are taken as of the last
# day of the period. One branch for salespeople's targets, one for teams'.
# Counts and amounts also come in columns of their own, so that no total
# adds a number of contracts to an amount of money.
ACHIEVEMENT_SQL = """
SELECT t.id, t.user_id, t.team_id, t.company_id, t.kpi, t.kpi_sequence,
       COALESCE(p.name, tm.name) AS owner,
       t.date_from, t.date_to, t.period_type, t.target,
       COALESCE(a.actual, 0)::float8 AS actual,
       co.currency_id,
       t.kpi IN {amounts} AS is_amount,
       CASE WHEN t.kpi NOT IN {amounts}
            THEN round(COALESCE(a.actual, 0))::integer END AS actual_count,
       CASE WHEN t.kpi NOT IN {amounts} THEN round(t.target)::integer END AS target_count,
       CASE WHEN t.kpi IN {amounts} THEN COALESCE(a.actual, 0)::float8 END AS actual_amount,
       CASE WHEN t.kpi IN {amounts} THEN t.target::float8 END AS target_amount,
       CASE WHEN t.target > 0
            THEN round((100.0 * COALESCE(a.actual, 0) / t.target)::numeric, 2)::float8
       END AS achievement,
       CASE WHEN t.target > 0
            THEN LEAST(round(100.0 * COALESCE(a.actual, 0) / t.target), 100)::integer
            ELSE 0
       END AS progress
  FROM b2b_kpi_target t
  JOIN res_company co ON co.id = t.company_id
  LEFT JOIN res_users u ON u.id = t.user_id
  LEFT JOIN res_partner p ON p.id = u.partner_id
  LEFT JOIN crm_team tm ON tm.id = t.team_id
  LEFT JOIN LATERAL (
      SELECT CASE WHEN t.kpi = 'customers' THEN count(DISTINCT e.customers)
                  ELSE sum(e.value) END AS actual
        FROM b2b_kpi_report e
       WHERE e.kpi = CASE WHEN t.kpi = 'customers' THEN 'orders' ELSE t.kpi END
         AND e.date <= t.date_to
         AND e.date >= CASE WHEN t.kpi = 'receivables' THEN DATE '1900-01-01'
                            ELSE t.date_from END
         AND e.company_id = t.company_id
         AND {owner}
  ) a ON TRUE
 WHERE {target_owner}
"""


class B2bKpiAchievement(models.Model):
    """Each target against the actual figure of its period (SQL view)."""

    _name = "b2b.kpi.achievement"
    _description = "Key Indicators against Targets"
    _auto = False
    _rec_name = "kpi"
    _order = "date_from desc, user_id, team_id, kpi_sequence"

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    owner = fields.Char(
        readonly=True, help="The salesperson, or the team for a team's target."
    )
    kpi = fields.Selection(KPI_CODES, string="Indicator", readonly=True)
    kpi_sequence = fields.Integer(readonly=True)
    date_from = fields.Date(string="From", readonly=True)
    date_to = fields.Date(string="To", readonly=True)
    period_type = fields.Selection(PERIOD_TYPES, string="Period", readonly=True)
    target = fields.Float(readonly=True)
    actual = fields.Float(readonly=True)
    achievement = fields.Float(
        string="Achievement (%)", readonly=True, group_operator="avg",
        help="Actual against target in percent. For receivables the target "
        "is a ceiling: under 100% is good.",
    )
    progress = fields.Integer(readonly=True, group_operator="avg")
    currency_id = fields.Many2one("res.currency", string="Currency", readonly=True)
    is_amount = fields.Boolean(string="Amount", readonly=True)
    actual_count = fields.Integer(string="Actual (count)", readonly=True)
    target_count = fields.Integer(string="Target (count)", readonly=True)
    actual_amount = fields.Monetary(string="Actual (amount)", readonly=True)
    target_amount = fields.Monetary(string="Target (amount)", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL("CREATE VIEW {} AS ({} UNION ALL {})").format(
            sql.Identifier(self._table),
            sql.SQL(ACHIEVEMENT_SQL.format(
                owner="e.user_id = t.user_id", target_owner="t.user_id IS NOT NULL",
                amounts=AMOUNTS_SQL,
            )),
            sql.SQL(ACHIEVEMENT_SQL.format(
                owner="e.team_id = t.team_id", target_owner="t.user_id IS NULL",
                amounts=AMOUNTS_SQL,
            )),
        ))
