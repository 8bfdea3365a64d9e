# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every event a key indicator counts, one row each (SQL model).

Each branch is the query of Odoo's own search on the documents, with the
domain that defines the event once (``b2b.contract._signed_domain``,
``b2b.proposal._proposal_domain``...): the checkpoint, the counts on the forms
and these figures cannot drift apart. The achievement view, the funnel and
the pivots read the events; ``get_kpi_values`` sums the same branches, each
narrowed to the period in its own WHERE (``_period_sql``), in one grouped
query, whatever the number of records.
"""

from datetime import datetime, time, timedelta

from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from ..models.b2b_kpi_target import KPI_CODES
from ..models.crm_lead_committee import DATA_SOURCES

# Posted customer invoices and credit notes: revenue and receivables.
INVOICE_DOMAIN = [
    ("state", "=", "posted"),
    ("move_type", "in", ("out_invoice", "out_refund")),
]
# What a customer owes on an invoice (company currency, credit notes
# negative).
RECEIVABLE_FIELD = "amount_residual_signed"
# The calls that reached the contact: picked up, or a conversation held.
CALLS_REACHED = ("answered", "talked")
# The opportunity of each kind of document, whose data source the events
# carry (a model with a ``lead_id`` needs no line).
LEAD_FIELDS = {"sale.order": "opportunity_id"}


class PeriodBound:
    """A bound of the period in the SQL built once (``_period_sql``),
    replaced by its value at each call."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<period %s>" % self.name


# The first moment, first day, last day and the moment after the period.
BOUNDS = tuple(PeriodBound(name) for name in ("start", "date_from", "date_to", "end"))


class B2bKpiEvent(models.Model):
    """One event counted by a key indicator."""

    _name = "b2b.kpi.event"
    _description = "Key Indicator Event"
    _auto = False
    _rec_name = "kpi"
    _order = "date desc, id desc"
    _depends = {
        "b2b.touchpoint": [
            "date", "user_id", "lead_id", "company_id", "commercial_partner_id",
            "kind", "call_outcome", "meeting_state", "is_new_partner", "date_booked",
        ],
        "crm.lead": ["team_id", "b2b_data_source"],
        "sale.order": [
            "state", "date_order", "user_id", "team_id", "company_id", "partner_id",
            "opportunity_id",
        ],
        "b2b.proposal": [
            "date_first_sent", "user_id", "team_id", "company_id", "partner_id",
        ],
        "b2b.contract": [
            "state", "date_signed", "user_id", "team_id", "company_id", "partner_id",
        ],
        "account.move": [
            "state", "move_type", "invoice_date", "invoice_user_id", "team_id",
            "company_id", "commercial_partner_id", "amount_untaxed_signed",
            "amount_residual_signed",
        ],
        "res.partner": ["commercial_partner_id"],
    }

    # The moment of the event (a day at midnight UTC for a signature or an
    # invoice): kept a timestamp so that a period's bounds use the
    # documents' own date indexes.
    date = fields.Datetime(readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    kpi = fields.Selection(KPI_CODES, string="Indicator", readonly=True)
    data_source = fields.Selection(
        DATA_SOURCES,
        readonly=True,
        help="The data source of the opportunity of the touchpoint, order or "
        "contract (none for an invoice).",
    )
    value = fields.Float(readonly=True, help="1 for a count; the amount for money.")

    @property
    def _table_query(self):
        return self._events_sql()

    # ------------------------------------------------------------------
    # The branches: one per indicator
    # ------------------------------------------------------------------

    @tools.ormcache()
    def _events_sql(self):
        """The SQL of the events, built once per registry (it depends on no
        user: every branch reads all the records)."""
        return SQL(" UNION ALL ").join(
            SQL(
                "SELECT ev.source_id * 16 + ev.branch AS id, ev.date, ev.user_id, "
                "ev.team_id, ev.company_id, ev.partner_id, %s AS kpi, ev.value, "
                "ev.data_source "
                "FROM (%s) ev",
                SQL("%s::varchar", kpi) if kpi else SQL("ev.kpi"),
                branch,
            )
            for kpi, branch in self._branches()
        )

    def _branches(self, period=None):
        """``[(kpi, SQL)]``: the events of each kind of document, one SELECT
        per branch (``kpi`` None: the branch gives it per row). The kpi of a
        branch counting a single indicator is a constant of the branch, so
        that a filter on the indicator skips the other branches.

        ``period`` (see ``_period_sql``) narrows each branch, in its own
        WHERE, to the documents of the period, companies and salespeople
        asked, so that each table's date index serves it, and keeps only the
        columns the figures sum (no join for the team or the customer)."""
        return [
            # Calls on the day of the call, meetings held on the meeting's
            # date; meetings with new partners on the day they were booked.
            (None, self._touchpoint_events(
                [
                    (1, "contacts_reached",
                     [("kind", "=", "call"), ("call_outcome", "in", CALLS_REACHED)]),
                    (3, "meetings_held",
                     [("kind", "=", "meeting"), ("meeting_state", "=", "held")]),
                ],
                period,
            )),
            ("meetings_new", self._touchpoint_events(
                [
                    (2, "meetings_new",
                     [("kind", "=", "meeting"), ("is_new_partner", "=", True),
                      ("meeting_state", "!=", "cancelled")]),
                ],
                period,
                date_field="date_booked",
            )),
            ("proposals", self._document_events(
                4, "b2b.proposal", self.env["b2b.proposal"]._proposal_domain(),
                "date_first_sent", period,
            )),
            ("contracts", self._document_events(
                5, "b2b.contract", self.env["b2b.contract"]._signed_domain(), "date_signed",
                period,
            )),
            ("orders", self._document_events(
                6, "sale.order", [("state", "=", "sale")], "date_order", period
            )),
            ("customers", self._new_customer_events(7, period)),
            ("revenue", self._invoice_events(8, "amount_untaxed_signed", period)),
            ("receivables", self._invoice_events(
                9, RECEIVABLE_FIELD, period and dict(period, level=True)
            )),
        ]

    @api.model
    def _search_all(self, model, domain):
        """The query of the search of ``model`` on ``domain``, for every
        record (the report's own rules apply to its rows)."""
        return self.env[model].sudo().with_context(active_test=False)._search(domain)

    @api.model
    def _search_period(self, model, domain, date_field, user_field, period):
        """The query of ``_search_all(model, domain)`` narrowed to
        ``period``: its companies, its salespeople (or any), and the
        documents of a flow dated in it, of a level (``period['level']``)
        dated up to its last day. The bounds are ``PeriodBound`` markers,
        given their values by ``_period_sql`` at each call, so that the SQL
        is built once."""
        if not period:
            return self._search_all(model, domain)
        user_ids = period["user_ids"]
        query = self._search_all(model, Domain.AND([
            domain,
            [("company_id", "in", period["company_ids"])],
            [(user_field, "in", user_ids) if user_ids is not None else (user_field, "!=", False)],
        ]))
        column = SQL.identifier(query.table, date_field)
        if self.env[model]._fields[date_field].type == "datetime":
            lower, upper = SQL("%s >= %s", column, BOUNDS[0]), SQL("%s < %s", column, BOUNDS[3])
        else:
            lower, upper = SQL("%s >= %s", column, BOUNDS[1]), SQL("%s <= %s", column, BOUNDS[2])
        query.add_where(upper)
        if not period.get("level"):
            query.add_where(lower)
        return query

    @api.model
    def _columns(
        self, branch, source, date, user, team, company, partner, value, period,
        data_source=None,
    ):
        """The columns of a branch; ``team``, ``partner`` and
        ``data_source`` are called (they may join a table) only for the full
        events, not for a ``period``'s figures, which sum ``value`` per
        salesperson only."""
        if period:
            return SQL("%s AS user_id, (%s)::float8 AS value", user, value)
        return SQL(
            "%s AS source_id, %s AS branch, (%s)::timestamp AS date, %s AS user_id, "
            "%s AS team_id, %s AS company_id, %s AS partner_id, (%s)::float8 AS value, "
            "(%s)::varchar AS data_source",
            source, branch, date, user, team(), company, partner(), value,
            data_source() if data_source else SQL("NULL"),
        )

    @api.model
    def _data_source(self, query, alias, lead_column):
        """The data source of the opportunity ``alias.lead_column`` (a left
        join: a document without opportunity has none)."""
        lead = query.left_join(alias, lead_column, "crm_lead", "id", lead_column)
        return SQL.identifier(lead, "b2b_data_source")

    def _touchpoint_events(self, kinds, period=None, date_field="date"):
        """The touchpoints' indicators in one scan: each touchpoint counts
        in every indicator ``(branch, kpi, domain)`` of ``kinds`` whose
        domain it matches, on its ``date_field`` (a first meeting held
        counts in two scans: booked, held)."""
        Touchpoint = "b2b.touchpoint"
        query = self._search_period(
            Touchpoint, Domain.OR(domain for _branch, _kpi, domain in kinds),
            date_field, "user_id", period,
        )
        t = query.table
        matches = SQL(", ").join(
            SQL(
                "(%s, %s::varchar, %s)",
                branch, kpi, self._search_all(Touchpoint, domain).where_clause,
            )
            for branch, kpi, domain in kinds
        )
        columns = self._columns(
            SQL("k.branch"),
            SQL.identifier(t, "id"),
            SQL.identifier(t, date_field),
            SQL.identifier(t, "user_id"),
            lambda: SQL.identifier(
                query.left_join(t, "lead_id", "crm_lead", "id", "lead_id"), "team_id"
            ),
            SQL.identifier(t, "company_id"),
            lambda: SQL.identifier(t, "commercial_partner_id"),
            SQL("1"),
            period,
            lambda: self._data_source(query, t, "lead_id"),
        )
        return SQL(
            "SELECT %s, k.kpi FROM %s CROSS JOIN LATERAL (VALUES %s) AS k(branch, kpi, ok) "
            "WHERE %s AND k.ok",
            columns, query.from_clause, matches, query.where_clause,
        )

    def _document_events(self, branch, model, domain, date_field, period=None, where=None):
        """One event per record of ``model`` matching ``domain`` (an order,
        a contract), for its salesperson and team, on its ``date_field``;
        ``where(query, doc alias)`` adds a condition."""
        query = self._search_period(model, domain, date_field, "user_id", period)
        doc = query.table
        if where:
            query.add_where(where(query, doc))
        fields_ = self.env[model]._fields
        lead_field = LEAD_FIELDS.get(model) or ("lead_id" if "lead_id" in fields_ else None)
        return query.select(
            self._columns(
                branch,
                SQL.identifier(doc, "id"),
                SQL.identifier(doc, date_field),
                SQL.identifier(doc, "user_id"),
                lambda: SQL.identifier(doc, "team_id"),
                SQL.identifier(doc, "company_id"),
                lambda: SQL.identifier(
                    query.join(doc, "partner_id", "res_partner", "id", "partner_id"),
                    "commercial_partner_id",
                ),
                SQL("1"),
                period,
                lead_field and (lambda: self._data_source(query, doc, lead_field)),
            )
        )

    def _new_customer_events(self, branch, period=None):
        """The first confirmed order of each customer company in each
        company (no confirmed order of the same company before it, by date
        then id): a new customer, counted for the order's salesperson on the
        day of the order. An anti-join, so that a period's bounds reach the
        orders' date index."""
        confirmed = [("state", "=", "sale")]
        # The confirmed orders as a derived table (PostgreSQL flattens it:
        # the domain's condition lands on the inner scan).
        earlier = self._search_all("sale.order", confirmed).select(
            "id", "date_order", "company_id", "partner_id"
        )

        def first_of_customer(query, doc):
            partner = query.join(doc, "partner_id", "res_partner", "id", "partner_id")
            return SQL(
                "NOT EXISTS (SELECT 1 FROM (%s) earlier"
                " JOIN res_partner earlier_partner ON earlier_partner.id = earlier.partner_id"
                " WHERE earlier_partner.commercial_partner_id = %s"
                " AND earlier.company_id = %s"
                " AND (earlier.date_order, earlier.id) < (%s, %s))",
                earlier,
                SQL.identifier(partner, "commercial_partner_id"),
                SQL.identifier(doc, "company_id"),
                SQL.identifier(doc, "date_order"),
                SQL.identifier(doc, "id"),
            )

        return self._document_events(
            branch, "sale.order", confirmed, "date_order", period, where=first_of_customer
        )

    def _invoice_events(self, branch, amount_field, period=None):
        model = "account.move"
        query = self._search_period(
            model, INVOICE_DOMAIN, "invoice_date", "invoice_user_id", period
        )
        m = query.table
        return query.select(
            self._columns(
                branch,
                SQL.identifier(m, "id"),
                SQL.identifier(m, "invoice_date"),
                SQL.identifier(m, "invoice_user_id"),
                lambda: SQL.identifier(m, "team_id"),
                SQL.identifier(m, "company_id"),
                lambda: SQL.identifier(m, "commercial_partner_id"),
                SQL.identifier(m, amount_field),
                period,
            )
        )

    # ------------------------------------------------------------------
    # The figures of get_kpi_values
    # ------------------------------------------------------------------

    @api.model
    def _period_sql(self, date_from, date_to, user_ids=None):
        """The SQL of ``(user_id, kpi, actual)`` for [date_from, date_to]
        in the caller's companies (days are UTC days), of ``user_ids`` (None:
        every salesperson): the same branches as the events, each narrowed
        to the period in its own WHERE (the flows dated in the period, the
        receivables open on its last day: the posted invoices dated up to
        then, at their residual today), each grouped by salesperson."""
        sql = self._period_sql_cached(
            tuple(self.env.companies.ids), None if user_ids is None else tuple(user_ids)
        )
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        values = dict(zip(BOUNDS, (start, date_from, date_to, end), strict=True))
        return SQL(
            sql.code,
            *(
                values[param] if isinstance(param, PeriodBound) else param
                for param in sql.params
            ),
            to_flush=sql.to_flush,
        )

    @tools.ormcache("company_ids", "user_ids")
    def _period_sql_cached(self, company_ids, user_ids):
        """``_period_sql`` with ``BOUNDS`` for the period's bounds, built
        once per registry for given companies and salespeople."""
        period = {"company_ids": list(company_ids), "user_ids": user_ids and list(user_ids)}
        return SQL(" UNION ALL ").join(
            SQL(
                "SELECT ev.user_id, %s, sum(ev.value) FROM (%s) ev GROUP BY ev.user_id%s",
                SQL("%s::varchar", kpi) if kpi else SQL("ev.kpi"),
                branch,
                SQL("") if kpi else SQL(", ev.kpi"),
            )
            for kpi, branch in self._branches(period)
        )

    @api.model
    def _get_actuals(self, date_from, date_to, user_ids=None):
        """{(user id, kpi): actual} for [date_from, date_to]: one grouped
        query, planned without parallel workers: its branches, each served
        by an index over one period, are done before workers would have
        started (measured by ``benchmarks/kpi_benchmark.py``); the setting
        is put back in the same transaction right after."""
        # What the ORM flushes before searching the view: the fields of
        # the documents it reads (the pending writes count).
        for model, fnames in self._depends.items():
            self.env[model].flush_model(fnames)
        cr = self.env.cr
        cr.execute(
            SQL(
                "SET LOCAL max_parallel_workers_per_gather = 0; %s",
                self._period_sql(date_from, date_to, user_ids),
            )
        )
        try:
            rows = cr.fetchall()
        finally:
            cr.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")
        return {(uid, kpi): value for uid, kpi, value in rows}
