# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The events the key indicators count, one row each, as a SQL view.

Every call reached, meeting, proposal, contract, order, invoice and
receivable movement is one row of ``b2b.kpi.report`` (UNION ALL over the
documents, no Python loop over records); pivots, graphs, the funnel and
``b2b.kpi.target.get_kpi_values()`` aggregate it with ``read_group``, so
record rules apply and the query count does not depend on the data.
"""
from psycopg2 import sql

from odoo import api, fields, models, tools

from ..models.b2b_contract import contract_signed_sql
from ..models.b2b_kpi_target import KPI_CODES
from ..models.b2b_touchpoint import meeting_not_cancelled_sql

REPORT_KPIS = KPI_CODES + [("revenue_invoiced", "Revenue invoiced")]
FUNNEL_STEPS = [
    ("1_contacts", "1. Contacts reached"),
    ("2_meetings", "2. Meetings held"),
    ("3_proposals", "3. Proposals"),
    ("4_contracts", "4. Contracts"),
    ("5_orders", "5. Orders"),
]
KPI_DETAILS = [
    ("answered", "Answered"),
    ("talked", "Conversation held"),
    ("new", "New partner"),
    ("existing", "Existing partner"),
    ("ordered", "Ordered"),
    ("invoiced", "Invoiced"),
    ("refunded", "Refunded"),
    ("receivable", "Amount due"),
    ("collected", "Collected"),
]
# Distinct count of the ids in a group (read_group applies the field's
# group_operator as ``<operator>(<column>)``; nulls are not counted).
COUNT_DISTINCT_SQL = """
    CREATE OR REPLACE FUNCTION b2b_count_distinct_final(integer[])
        RETURNS integer LANGUAGE sql IMMUTABLE
        AS 'SELECT count(DISTINCT x)::integer FROM unnest($1) x';
    CREATE OR REPLACE AGGREGATE b2b_count_distinct(integer) (
        SFUNC = array_append, STYPE = integer[],
        FINALFUNC = b2b_count_distinct_final, INITCOND = '{}'
    );
"""
# Expression indexes for the day of a datetime, which the view filters on.
DAY_INDEXES = [
    ("b2b_touchpoint", "b2b_touchpoint_kpi_day_index", "(date::date)"),
    ("sale_order", "sale_order_b2b_proposal_day_index", "(b2b_date_proposal::date)"),
    ("sale_order", "sale_order_b2b_confirmation_day_index", "(confirmation_date::date)"),
]

# The measures: each event row carries its figure in its own column.
COUNT_MEASURES = [
    "contacts_answered", "contacts_talked", "contacts_reached", "meetings_new",
    "meetings_held", "meetings_held_new", "meetings_held_existing", "proposals",
    "contracts", "orders",
]
AMOUNT_MEASURES = ["revenue", "revenue_invoiced", "receivables"]
DISTINCT_MEASURES = ["customers", "meeting_customers"]

TEAM_OF = "COALESCE({doc}.team_id, u.sale_team_id)"
RATE_AT_CONFIRMATION = """COALESCE((SELECT r.rate FROM res_currency_rate r
        WHERE r.currency_id = {currency} AND r.name <= so.confirmation_date
          AND (r.company_id IS NULL OR r.company_id = so.company_id)
        ORDER BY r.name DESC LIMIT 1), 1.0)"""
ORDER_AMOUNT = """CASE WHEN pl.currency_id = co.currency_id THEN so.amount_untaxed
    ELSE so.amount_untaxed * %s / %s END""" % (
    RATE_AT_CONFIRMATION.format(currency="co.currency_id"),
    RATE_AT_CONFIRMATION.format(currency="pl.currency_id"),
)
INVOICE_OF_LINE = """
    JOIN account_invoice i ON i.id = aml.invoice_id AND aml.account_id = i.account_id
    LEFT JOIN res_users u ON u.id = i.user_id"""
RECEIVABLE_JOIN = "account_move_line aml" + INVOICE_OF_LINE
RECONCILED_JOIN = """account_partial_reconcile apr
    JOIN account_move_line aml ON aml.id = apr.{side}""" + INVOICE_OF_LINE
RECEIVABLE_WHERE = "i.type IN ('out_invoice', 'out_refund') AND i.state IN ('open', 'paid')"

# What the branches of one kind of document share.
TOUCHPOINT = {
    "from": """b2b_touchpoint t
        LEFT JOIN crm_lead l ON l.id = t.lead_id
        LEFT JOIN res_users u ON u.id = t.user_id""",
    "id": "t.id", "date": "t.date::date", "user_id": "t.user_id",
    "team_id": TEAM_OF.format(doc="l"), "company_id": "t.company_id",
    "partner_id": "t.commercial_partner_id", "value": "1",
}
ORDER = {
    "from": """sale_order so
        JOIN res_partner p ON p.id = so.partner_id
        LEFT JOIN res_users u ON u.id = so.user_id""",
    "where": "so.state IN ('sale', 'done') AND so.confirmation_date IS NOT NULL",
    "id": "so.id", "date": "so.confirmation_date::date", "user_id": "so.user_id",
    "team_id": TEAM_OF.format(doc="so"), "company_id": "so.company_id",
    "partner_id": "p.commercial_partner_id", "value": "1",
}
INVOICE = {
    "from": RECEIVABLE_JOIN, "where": RECEIVABLE_WHERE, "user_id": "i.user_id",
    "team_id": TEAM_OF.format(doc="i"), "company_id": "i.company_id",
    "partner_id": "i.commercial_partner_id", "kpi": "'receivables'",
    "date_due": "i.date_due",
}
RECONCILED = dict(INVOICE, id="apr.id", date="apr.max_date", detail="'collected'")

# One branch of the UNION ALL per kind of event. ``id`` keeps rows unique:
# the source id times 16 plus the branch number.
BRANCHES = [
    dict(  # calls answered or with a conversation held
        TOUCHPOINT, kpi="'contacts_reached'", detail="t.call_outcome",
        funnel_step="'1_contacts'", contacts_reached="1",
        where="t.kind = 'call' AND t.call_outcome IN ('answered', 'talked')",
        contacts_answered="CASE WHEN t.call_outcome = 'answered' THEN 1 ELSE 0 END",
        contacts_talked="CASE WHEN t.call_outcome = 'talked' THEN 1 ELSE 0 END",
    ),
    dict(  # meetings booked with new partners, unless cancelled
        TOUCHPOINT, kpi="'meetings_new'", detail="'new'", meetings_new="1",
        where="t.kind = 'meeting' AND t.is_new_partner AND "
              + meeting_not_cancelled_sql("t"),
    ),
    dict(  # meetings held, new and existing partners
        TOUCHPOINT, kpi="'meetings_held'", funnel_step="'2_meetings'",
        where="t.kind = 'meeting' AND t.meeting_state = 'held'",
        detail="CASE WHEN t.is_new_partner THEN 'new' ELSE 'existing' END",
        meetings_held="1", meeting_customers="t.commercial_partner_id",
        meetings_held_new="CASE WHEN t.is_new_partner THEN 1 ELSE 0 END",
        meetings_held_existing="CASE WHEN t.is_new_partner THEN 0 ELSE 1 END",
    ),
    dict(  # cooperation proposals: quotations sent for the first time
        ORDER, kpi="'proposals'", funnel_step="'3_proposals'", proposals="1",
        where="so.b2b_date_proposal IS NOT NULL", date="so.b2b_date_proposal::date",
    ),
    {   # contracts signed
        "from": """b2b_contract c
            JOIN res_partner p ON p.id = c.partner_id
            LEFT JOIN res_users u ON u.id = c.user_id""",
        # counted on the day of the signature
        "where": contract_signed_sql("c") + " AND c.date_signed IS NOT NULL",
        "id": "c.id", "date": "c.date_signed", "user_id": "c.user_id",
        "team_id": TEAM_OF.format(doc="c"), "company_id": "c.company_id",
        "partner_id": "p.commercial_partner_id", "kpi": "'contracts'",
        "funnel_step": "'4_contracts'", "value": "1", "contracts": "1",
    },
    dict(  # orders confirmed, and the customers who placed them
        ORDER, kpi="'orders'", funnel_step="'5_orders'", orders="1",
        customers="p.commercial_partner_id",
    ),
    dict(  # revenue of the orders confirmed, untaxed, in the company currency
        ORDER, kpi="'revenue'", detail="'ordered'", value=ORDER_AMOUNT,
        revenue=ORDER_AMOUNT,
        **{"from": ORDER["from"] + """
        JOIN res_company co ON co.id = so.company_id
        JOIN product_pricelist pl ON pl.id = so.pricelist_id"""},
    ),
    dict(  # revenue invoiced: customer invoices minus refunds, untaxed
        INVOICE, id="i.id", date="i.date_invoice", kpi="'revenue_invoiced'",
        detail="CASE WHEN i.type = 'out_refund' THEN 'refunded' ELSE 'invoiced' END",
        value="i.amount_untaxed_signed", revenue_invoiced="i.amount_untaxed_signed",
        date_due="NULL",
        **{"from": "account_invoice i LEFT JOIN res_users u ON u.id = i.user_id"},
    ),
    dict(  # receivables: the amount due of each customer invoice or refund...
        INVOICE, id="aml.id", date="aml.date", detail="'receivable'",
        value="aml.balance", receivables="aml.balance",
    ),
    dict(  # ... less what was reconciled with it (payments, refunds), when matched
        RECONCILED, value="-apr.amount", receivables="-apr.amount",
        **{"from": RECONCILED_JOIN.format(side="debit_move_id")},
    ),
    dict(
        RECONCILED, value="apr.amount", receivables="apr.amount",
        **{"from": RECONCILED_JOIN.format(side="credit_move_id")},
    ),
]


def _branch_sql(number, branch):
    columns = [
        "(%s) * 16 + %d AS id" % (branch["id"], number),
        "%s AS date" % branch["date"],
        "%s AS user_id" % branch["user_id"],
        "%s AS team_id" % branch["team_id"],
        "%s AS company_id" % branch["company_id"],
        "%s AS partner_id" % branch["partner_id"],
        "%s::varchar AS kpi" % branch["kpi"],
        "%s::varchar AS detail" % branch.get("detail", "NULL"),
        "%s::varchar AS funnel_step" % branch.get("funnel_step", "NULL"),
        "%s::date AS date_due" % branch.get("date_due", "NULL"),
        "(%s)::float8 AS value" % branch["value"],
    ]
    columns += ["(%s)::integer AS %s" % (branch.get(m, "0"), m) for m in COUNT_MEASURES]
    columns += [
        "(%s)::float8 AS %s" % (branch.get(m, "0"), m) for m in AMOUNT_MEASURES
    ]
    columns += [
        "(%s)::integer AS %s" % (branch.get(m, "NULL"), m) for m in DISTINCT_MEASURES
    ]
    return "SELECT %s\n  FROM %s\n WHERE %s" % (
        ",\n       ".join(columns), branch["from"], branch["where"]
    )


def kpi_report_sql():
    """The SELECT of the view: one branch per kind of event."""
    return "\nUNION ALL\n".join(
        _branch_sql(number, branch) for number, branch in enumerate(BRANCHES, 1)
    )


class B2bKpiReport(models.Model):
    """One event counted by a key indicator (SQL view)."""

    _name = "b2b.kpi.report"
    _description = "Key Indicator Events"
    _auto = False
    _rec_name = "kpi"
    _order = "date desc, id desc"

    date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    kpi = fields.Selection(REPORT_KPIS, string="Indicator", readonly=True)
    detail = fields.Selection(KPI_DETAILS, readonly=True)
    funnel_step = fields.Selection(FUNNEL_STEPS, string="Funnel Step", readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    value = fields.Float(readonly=True)
    contacts_answered = fields.Integer(string="Calls answered", readonly=True)
    contacts_talked = fields.Integer(string="Conversations held", readonly=True)
    contacts_reached = fields.Integer(string="Contacts reached", readonly=True)
    meetings_new = fields.Integer(string="Meetings booked (new partners)", readonly=True)
    meetings_held = fields.Integer(string="Meetings held", readonly=True)
    meetings_held_new = fields.Integer(
        string="Meetings held (new partners)", readonly=True
    )
    meetings_held_existing = fields.Integer(
        string="Meetings held (existing partners)", readonly=True
    )
    meeting_customers = fields.Integer(
        string="Customers met", readonly=True, group_operator="b2b_count_distinct"
    )
    proposals = fields.Integer(string="Cooperation proposals", readonly=True)
    contracts = fields.Integer(string="Contracts signed", readonly=True)
    orders = fields.Integer(string="Orders confirmed", readonly=True)
    customers = fields.Integer(
        string="Customers with an order", readonly=True,
        group_operator="b2b_count_distinct",
    )
    revenue = fields.Float(string="Revenue (orders)", readonly=True)
    revenue_invoiced = fields.Float(string="Revenue (invoiced)", readonly=True)
    receivables = fields.Float(
        string="Receivables (change)", readonly=True,
        help="Amounts invoiced less amounts collected: summed up to a day, "
        "what customers owe on that day.",
    )

    @api.model_cr
    def init(self):
        cr = self.env.cr
        cr.execute(COUNT_DISTINCT_SQL)
        for table, index, expression in DAY_INDEXES:
            cr.execute(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} ({})").format(
                sql.Identifier(index), sql.Identifier(table), sql.SQL(expression)
            ))
        tools.drop_view_if_exists(cr, self._table)
        cr.execute(sql.SQL("CREATE VIEW {} AS ({})").format(
            sql.Identifier(self._table), sql.SQL(kpi_report_sql())
        ))

    # ------------------------------------------------------------------
    # Figures of get_kpi_values()
    # ------------------------------------------------------------------
    @api.model
    def _kpi_actuals(self, date_from, date_to, user_ids=None):
        """{user id: {kpi: (actual, detail)}} for [date_from, date_to].

        Three ``read_group`` calls, whatever the number of records: the
        flows in the period, the receivables as of its last day and the part
        of them overdue on that day. Record rules of the caller apply.
        """
        date_from = fields.Date.to_string(date_from)
        date_to = fields.Date.to_string(date_to)
        users = [("user_id", "in", list(user_ids))] if user_ids else [
            ("user_id", "!=", False)
        ]
        measures = COUNT_MEASURES + DISTINCT_MEASURES + ["revenue", "revenue_invoiced"]
        flows = self.read_group(
            users + [("date", ">=", date_from), ("date", "<=", date_to),
                     ("kpi", "!=", "receivables")],
            measures + ["user_id"], ["user_id"], lazy=False,
        )
        level = [("kpi", "=", "receivables"), ("date", "<=", date_to)]
        outstanding = self.read_group(
            users + level, ["receivables", "user_id"], ["user_id"], lazy=False
        )
        overdue = self.read_group(
            users + level + [("date_due", "<", date_to)],
            ["receivables", "user_id"], ["user_id"], lazy=False,
        )
        actuals = {}
        for row in flows:
            actuals[row["user_id"][0]] = self._kpi_flow_values(row)
        overdue = {row["user_id"][0]: row["receivables"] or 0.0 for row in overdue}
        for row in outstanding:
            uid = row["user_id"][0]
            amount = round(row["receivables"] or 0.0, 2)
            actuals.setdefault(uid, {})["receivables"] = (amount, {
                "outstanding": amount, "overdue": round(overdue.get(uid, 0.0), 2),
            })
        return actuals

    @api.model
    def _kpi_flow_values(self, row):
        """{kpi: (actual, detail)} from one row of the flows' read_group."""
        def get(name):
            return row.get(name) or 0

        held, met = get("meetings_held"), get("meeting_customers")
        revenue = round(get("revenue"), 2)
        return {
            "contacts_reached": (get("contacts_reached"), {
                "answered": get("contacts_answered"), "talked": get("contacts_talked"),
            }),
            "meetings_new": (get("meetings_new"), {}),
            "meetings_held": (held, {
                "new": get("meetings_held_new"),
                "existing": get("meetings_held_existing"),
                "customers": met,
                "frequency": round(float(held) / met, 2) if met else 0.0,
            }),
            "proposals": (get("proposals"), {}),
            "contracts": (get("contracts"), {}),
            "orders": (get("orders"), {}),
            "customers": (get("customers"), {}),
            "revenue": (revenue, {
                "ordered": revenue, "invoiced": round(get("revenue_invoiced"), 2),
            }),
        }
