# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cycle time (SQL model): each stay of an opportunity in a stage, from the
stage changes Odoo tracks on the opportunity's chatter (``stage_id`` is a
tracked field of ``crm.lead``: each change is a ``mail.tracking.value`` of a
message dated when the opportunity moved). A stay begins when the
opportunity entered the stage (its creation for the first stage) and ends
when it left it; the current stay is open (its days counted up to now)."""

from odoo import fields, models
from odoo.tools import SQL

from ..models.crm_lead_committee import DATA_SOURCES


class B2bLeadStageTime(models.Model):
    """The time an opportunity spent in a stage, once per stay."""

    _name = "b2b.lead.stage.time"
    _description = "Opportunity Time per Stage"
    _auto = False
    _order = "lead_id, date_in, id"
    _rec_name = "stage_id"
    _depends = {
        "crm.lead": [
            "stage_id", "user_id", "team_id", "company_id", "b2b_data_source",
            "create_date", "type", "active",
        ],
        "mail.message": ["model", "res_id", "date"],
        "mail.tracking.value": [
            "field_id", "old_value_integer", "new_value_integer", "mail_message_id",
        ],
    }

    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    stage_id = fields.Many2one("crm.stage", string="Stage", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    data_source = fields.Selection(DATA_SOURCES, readonly=True)
    date_in = fields.Datetime(string="Entered", readonly=True)
    date_out = fields.Datetime(
        string="Left", readonly=True, help="Empty: the opportunity is still in the stage."
    )
    is_open = fields.Boolean(string="Current Stage", readonly=True)
    days = fields.Float(
        string="Days in Stage",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Days spent in the stage (up to now for the current stage).",
    )

    @property
    def _table_query(self):
        # Ids: a closed stay is the tracking value that ended it (even), the
        # open stay the opportunity (odd).
        return SQL(
            """
            WITH moves AS (
                SELECT m.res_id AS lead_id, v.id AS tracking_id, m.date,
                       v.old_value_integer AS old_stage_id,
                       lag(m.date) OVER (
                           PARTITION BY m.res_id ORDER BY m.date, v.id
                       ) AS date_prev,
                       row_number() OVER (
                           PARTITION BY m.res_id ORDER BY m.date DESC, v.id DESC
                       ) AS rank_last
                  FROM mail_tracking_value v
                  JOIN mail_message m ON m.id = v.mail_message_id
                 WHERE m.model = 'crm.lead'
                   AND v.field_id = (
                       SELECT id FROM ir_model_fields
                        WHERE model = 'crm.lead' AND name = 'stage_id')
            ), stays AS (
                SELECT mv.tracking_id * 2 AS id, mv.lead_id,
                       mv.old_stage_id AS stage_id,
                       COALESCE(mv.date_prev, l.create_date) AS date_in,
                       mv.date AS date_out
                  FROM moves mv
                  JOIN crm_lead l ON l.id = mv.lead_id
                 WHERE mv.old_stage_id IS NOT NULL AND mv.old_stage_id != 0
                 UNION ALL
                SELECT l.id * 2 + 1, l.id, l.stage_id,
                       COALESCE(mv.date, l.create_date), NULL
                  FROM crm_lead l
                  LEFT JOIN moves mv ON mv.lead_id = l.id AND mv.rank_last = 1
                 WHERE l.stage_id IS NOT NULL
            )
            SELECT s.id, s.lead_id, s.stage_id, l.user_id, l.team_id, l.company_id,
                   l.b2b_data_source AS data_source, s.date_in, s.date_out,
                   s.date_out IS NULL AS is_open,
                   GREATEST(EXTRACT(EPOCH FROM (
                       COALESCE(s.date_out, now() AT TIME ZONE 'UTC') - s.date_in
                   )), 0) / 86400.0 AS days
              FROM stays s
              JOIN crm_lead l ON l.id = s.lead_id
             WHERE l.type = 'opportunity'
            """
        )
