# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

from ..utils.payment import ageing_range_sql, ageing_ranges, ageing_sql

AGEING_SELECTION = [
    ("not_due", "Not due"),
    ("1_30", "1-30 days"),
    ("31_60", "31-60 days"),
    ("61_90", "61-90 days"),
    ("over_90", "Over 90 days"),
]


class B2bReceivableReport(models.Model):
    """Receivables by customer: one row per customer invoice, summed by view.

    Amounts are in the company's currency; ageing is counted in days past
    the due date on the day the report is read, in the buckets of
    ``utils.payment`` (``ageing_bucket`` in Python, ``ageing_sql`` here).
    """

    _name = "b2b.receivable.report"
    _description = "Receivables by Customer"
    _auto = False
    _order = "partner_id, date_due"
    _rec_name = "invoice_id"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    invoice_id = fields.Many2one("account.invoice", string="Invoice", readonly=True)
    date_invoice = fields.Date(string="Invoice Date", readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, group_operator="max")
    ageing = fields.Selection(AGEING_SELECTION, readonly=True)
    amount_invoiced = fields.Monetary(string="Invoiced", readonly=True)
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_outstanding = fields.Monetary(string="Outstanding", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue", readonly=True)
    amount_1_30 = fields.Monetary(string="1-30", readonly=True)
    amount_31_60 = fields.Monetary(string="31-60", readonly=True)
    amount_61_90 = fields.Monetary(string="61-90", readonly=True)
    amount_over_90 = fields.Monetary(string="> 90", readonly=True)

    def _query(self):
        overdue = "GREATEST(CURRENT_DATE - COALESCE(inv.date_due, inv.date_invoice), 0)"
        residual = "inv.residual_company_signed"

        # the outstanding amount in the column of its bucket: amount_1_30...
        bucket_amounts = ",\n".join(
            "CASE WHEN %s THEN %s ELSE 0 END AS amount_%s" % (
                ageing_range_sql(overdue, first, last), residual, bucket)
            for bucket, first, last in ageing_ranges() if bucket != "not_due"
        )
        return """
            SELECT
                inv.id AS id,
                inv.commercial_partner_id AS partner_id,
                inv.user_id AS user_id,
                inv.company_id AS company_id,
                company.currency_id AS currency_id,
                inv.id AS invoice_id,
                inv.date_invoice AS date_invoice,
                inv.date_due AS date_due,
                {overdue} AS days_overdue,
                {ageing} AS ageing,
                inv.amount_total_company_signed AS amount_invoiced,
                inv.amount_total_company_signed - {residual} AS amount_paid,
                {residual} AS amount_outstanding,
                CASE WHEN {overdue} > 0 THEN {residual} ELSE 0 END AS amount_overdue,
                {buckets}
            FROM account_invoice inv
            JOIN res_company company ON company.id = inv.company_id
            WHERE inv.type IN ('out_invoice', 'out_refund')
              AND inv.state IN ('open', 'paid')
        """.format(
            overdue=overdue, residual=residual, ageing=ageing_sql(overdue),
            buckets=bucket_amounts,
        )

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # The query is built from constants only.
        self.env.cr.execute(  # pylint: disable=sql-injection
            "CREATE OR REPLACE VIEW %s AS (%s)" % (self._table, self._query())
        )
