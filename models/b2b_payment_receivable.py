# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receivables by customer with their ageing: one row per open customer
invoice or credit note, read from Odoo's posted moves."""

from odoo import api, fields, models

from ..utils.payment import AGEING_BUCKETS, ageing_sql

AGEING_LABELS = {
    "not_due": "Not Due",
    "1_30": "1-30 Days",
    "31_60": "31-60 Days",
    "61_90": "61-90 Days",
    "over_90": "Over 90 Days",
}
AGEING_SELECTION = [(bucket, AGEING_LABELS[bucket]) for bucket in AGEING_BUCKETS]


class B2bPaymentReceivable(models.Model):
    _name = "b2b.payment.receivable"
    _description = "Receivables with Ageing"
    _auto = False
    _order = "date_due, id"
    _rec_name = "move_id"

    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    currency_id = fields.Many2one("res.currency", string="Currency", readonly=True)
    invoice_date = fields.Date(readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    days_overdue = fields.Integer(readonly=True)
    ageing = fields.Selection(AGEING_SELECTION, readonly=True)

    @api.model
    def _ageing_date(self):
        """The day the ageing is seen from: today, or the report date the
        caller asks for (``b2b_ageing_date``, a reading of the report only)."""
        return fields.Date.to_date(
            self.env.context.get("b2b_ageing_date")
        ) or fields.Date.context_today(self)

    @property
    def _table_query(self):
        today = self.env.cr.mogrify("%s::date", [self._ageing_date()]).decode()
        days = "(%s - COALESCE(move.invoice_date_due, move.invoice_date))" % today
        return """
            SELECT move.id AS id,
                   move.id AS move_id,
                   move.commercial_partner_id AS partner_id,
                   move.company_id AS company_id,
                   company.currency_id AS currency_id,
                   move.invoice_date AS invoice_date,
                   COALESCE(move.invoice_date_due, move.invoice_date) AS date_due,
                   move.amount_residual_signed AS amount_residual,
                   GREATEST(%(days)s, 0) AS days_overdue,
                   %(ageing)s AS ageing
              FROM account_move move
              JOIN res_company company ON company.id = move.company_id
             WHERE move.move_type IN ('out_invoice', 'out_refund')
               AND move.state = 'posted'
               AND move.payment_state NOT IN ('paid', 'in_payment', 'reversed')
               AND move.amount_residual != 0
        """ % {"days": days, "ageing": ageing_sql(days)}
