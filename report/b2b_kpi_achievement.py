# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each target against the actual figure of its owner over its period (SQL
model): a salesperson's target against their events, a team's target
against the events of the team; receivables as open on the last day."""

from odoo import fields, models
from odoo.tools import SQL

from ..models.b2b_kpi_target import KPI_CODES
from ..utils.kpi_periods import PERIOD_TYPES


class B2bKpiAchievement(models.Model):
    """A target and what was achieved against it."""

    _name = "b2b.kpi.achievement"
    _description = "Key Indicators against Targets"
    _auto = False
    _rec_name = "kpi"
    _order = "date_from desc, user_id, team_id, kpi_sequence"
    _depends = dict(
        {
            "b2b.kpi.target": [
                "user_id", "team_id", "company_id", "kpi", "kpi_sequence",
                "date_from", "date_to", "period_type", "target", "is_amount",
            ],
        },
        **{model: list(names) for model, names in (
            ("b2b.touchpoint", ["date", "kind", "call_outcome", "meeting_state"]),
            ("sale.order", ["state", "date_order", "user_id"]),
            ("b2b.proposal", ["date_first_sent", "user_id"]),
            ("b2b.contract", ["state", "date_signed", "user_id"]),
            ("account.move", ["state", "invoice_date", "amount_residual_signed"]),
        )},
    )

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    kpi = fields.Selection(KPI_CODES, string="Indicator", readonly=True)
    kpi_sequence = fields.Integer(readonly=True)
    date_from = fields.Date(string="From", readonly=True)
    date_to = fields.Date(string="To", readonly=True)
    period_type = fields.Selection(PERIOD_TYPES, string="Period", readonly=True)
    is_amount = fields.Boolean(string="Amount", readonly=True)
    target = fields.Float(readonly=True)
    actual = fields.Float(readonly=True)
    achievement = fields.Float(
        string="Achievement (%)",
        readonly=True,
        aggregator="avg",
        help="Actual against target, in percent. For receivables the target "
        "is a ceiling: under 100% is good.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH events AS (%s)
            SELECT t.id, t.user_id, t.team_id, t.company_id, t.kpi, t.kpi_sequence,
                   t.date_from, t.date_to, t.period_type, t.is_amount, t.target,
                   COALESCE(a.actual, 0)::float8 AS actual,
                   CASE WHEN t.target > 0
                        THEN round((100.0 * COALESCE(a.actual, 0) / t.target)::numeric, 2)::float8
                   END AS achievement
              FROM b2b_kpi_target t
              LEFT JOIN LATERAL (
                  SELECT sum(e.value) AS actual
                    FROM events e
                   WHERE e.kpi = t.kpi
                     AND e.company_id = t.company_id
                     AND e.date < t.date_to + 1
                     AND (t.kpi = 'receivables' OR e.date >= t.date_from)
                     AND CASE WHEN t.user_id IS NOT NULL THEN e.user_id = t.user_id
                              ELSE e.team_id = t.team_id END
              ) a ON TRUE
            """,
            self.env["b2b.kpi.event"]._events_sql(),
        )
