# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every event a key indicator counts, one row each (SQL model).

Each branch is the query of Odoo's own search on the documents, with the
domain that defines the event once (``b2b.contract._signed_domain``,
``sale.order._proposal_domain``...): the checkpoint, the counts on the forms
and these figures cannot drift apart. ``get_kpi_values``, the achievement
view, the funnel and the pivots aggregate it with ``_read_group``: a
handful of grouped queries, whatever the number of records.
"""

from datetime import datetime, time, timedelta

from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from ..models.b2b_kpi_target import KPI_CODES

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
            "kind", "call_outcome", "meeting_state", "is_new_partner",
        ],
        "crm.lead": ["team_id"],
        "sale.order": [
            "state", "date_order", "user_id", "team_id", "company_id", "partner_id",
            "opportunity_id", "b2b_date_proposal",
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
        user: every branch reads all the records). One branch per kind of document; the kpi of a branch counting a
        single indicator is a constant of the branch, so that a filter on
        the indicator skips the other branches."""
        Order = self.env["sale.order"]
        branches = [
            (None, self._touchpoint_events(
                [
                    (1, "contacts_reached",
                     [("kind", "=", "call"), ("call_outcome", "in", CALLS_REACHED)]),
                    (2, "meetings_new",
                     [("kind", "=", "meeting"), ("is_new_partner", "=", True),
                      ("meeting_state", "!=", "cancelled")]),
                    (3, "meetings_held",
                     [("kind", "=", "meeting"), ("meeting_state", "=", "held")]),
                ]
            )),
            ("proposals", self._document_events(
                4, "sale.order", Order._proposal_domain(), "b2b_date_proposal"
            )),
            ("contracts", self._document_events(
                5, "b2b.contract", self.env["b2b.contract"]._signed_domain(), "date_signed"
            )),
            ("orders", self._document_events(
                6, "sale.order", [("state", "=", "sale")], "date_order"
            )),
            ("customers", self._new_customer_events(7)),
            ("revenue", self._invoice_events(8, "amount_untaxed_signed")),
            ("receivables", self._invoice_events(9, RECEIVABLE_FIELD)),
        ]
        return SQL(" UNION ALL ").join(
            SQL(
                "SELECT ev.source_id * 16 + ev.branch AS id, ev.date, ev.user_id, "
                "ev.team_id, ev.company_id, ev.partner_id, %s AS kpi, ev.value "
                "FROM (%s) ev",
                SQL("%s::varchar", kpi) if kpi else SQL("ev.kpi"),
                branch,
            )
            for kpi, branch in branches
        )

    @api.model
    def _search_all(self, model, domain):
        """The query of the search of ``model`` on ``domain``, for every
        record (the report's own rules apply to its rows)."""
        return self.env[model].sudo().with_context(active_test=False)._search(domain)

    @api.model
    def _columns(self, branch, source, date, user, team, company, partner, value):
        return SQL(
            "%s AS source_id, %s AS branch, (%s)::timestamp AS date, %s AS user_id, "
            "%s AS team_id, %s AS company_id, %s AS partner_id, (%s)::float8 AS value",
            source, branch, date, user, team, company, partner, value,
        )

    def _touchpoint_events(self, kinds):
        """The touchpoints' indicators in one scan: each touchpoint counts
        in every indicator ``(branch, kpi, domain)`` of ``kinds`` whose
        domain it matches (a first meeting held counts twice)."""
        Touchpoint = "b2b.touchpoint"
        query = self._search_all(
            Touchpoint, Domain.OR(domain for _branch, _kpi, domain in kinds)
        )
        t = query.table
        lead = query.left_join(t, "lead_id", "crm_lead", "id", "lead_id")
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
            SQL.identifier(t, "date"),
            SQL.identifier(t, "user_id"),
            SQL.identifier(lead, "team_id"),
            SQL.identifier(t, "company_id"),
            SQL.identifier(t, "commercial_partner_id"),
            SQL("1"),
        )
        return SQL(
            "SELECT %s, k.kpi FROM %s CROSS JOIN LATERAL (VALUES %s) AS k(branch, kpi, ok) "
            "WHERE %s AND k.ok",
            columns, query.from_clause, matches, query.where_clause,
        )

    def _document_events(self, branch, model, domain, date_field, where=None):
        """One event per record of ``model`` matching ``domain`` (an order,
        a contract), for its salesperson and team, on its ``date_field``;
        ``where(doc alias, partner alias)`` adds a condition."""
        query = self._search_all(model, domain)
        doc = query.table
        partner = query.join(doc, "partner_id", "res_partner", "id", "partner_id")
        if where:
            query.add_where(where(doc, partner))
        return query.select(
            self._columns(
                branch,
                SQL.identifier(doc, "id"),
                SQL.identifier(doc, date_field),
                SQL.identifier(doc, "user_id"),
                SQL.identifier(doc, "team_id"),
                SQL.identifier(doc, "company_id"),
                SQL.identifier(partner, "commercial_partner_id"),
                SQL("1"),
            )
        )

    def _new_customer_events(self, branch):
        """The first confirmed order of each customer company in each
        company (no confirmed order of the same company before it, by date
        then id): a new customer, counted for the order's salesperson on the
        day of the order. An anti-join, so that a period's bounds reach the
        orders' date index."""
        confirmed = [("state", "=", "sale")]
        earlier = self._search_all("sale.order", confirmed)

        def first_of_customer(doc, partner):
            return SQL(
                "NOT EXISTS (SELECT 1 FROM sale_order earlier"
                " JOIN res_partner earlier_partner ON earlier_partner.id = earlier.partner_id"
                " WHERE earlier_partner.commercial_partner_id = %s"
                " AND earlier.company_id = %s"
                " AND (earlier.date_order, earlier.id) < (%s, %s)"
                " AND earlier.id IN %s)",
                SQL.identifier(partner, "commercial_partner_id"),
                SQL.identifier(doc, "company_id"),
                SQL.identifier(doc, "date_order"),
                SQL.identifier(doc, "id"),
                earlier.subselect(),
            )

        return self._document_events(
            branch, "sale.order", confirmed, "date_order", where=first_of_customer
        )

    def _invoice_events(self, branch, amount_field):
        query = self._search_all("account.move", INVOICE_DOMAIN)
        m = query.table
        return query.select(
            self._columns(
                branch,
                SQL.identifier(m, "id"),
                SQL.identifier(m, "invoice_date"),
                SQL.identifier(m, "invoice_user_id"),
                SQL.identifier(m, "team_id"),
                SQL.identifier(m, "company_id"),
                SQL.identifier(m, "commercial_partner_id"),
                SQL.identifier(m, amount_field),
            )
        )

    # ------------------------------------------------------------------
    # The figures of get_kpi_values
    # ------------------------------------------------------------------

    @api.model
    def _get_actuals(self, date_from, date_to, user_ids=None):
        """{(user id, kpi): actual} for [date_from, date_to] in the caller's
        companies (days are UTC days): two grouped queries, the flows of the
        events over the period, and the receivables open on its last day
        read on the invoices themselves (the posted invoices dated up to
        then, at their residual today), where an index serves them."""
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        companies = self.env.companies.ids
        flows = self.sudo()._read_group(
            [
                ("company_id", "in", companies),
                ("user_id", "in", user_ids) if user_ids is not None else ("user_id", "!=", False),
                ("kpi", "!=", "receivables"),
                ("date", ">=", start),
                ("date", "<", end),
            ],
            ["user_id", "kpi"],
            ["value:sum"],
        )
        levels = self.env["account.move"].sudo()._read_group(
            INVOICE_DOMAIN
            + [
                ("company_id", "in", companies),
                ("invoice_user_id", "in", user_ids)
                if user_ids is not None
                else ("invoice_user_id", "!=", False),
                ("invoice_date", "<=", date_to),
            ],
            ["invoice_user_id"],
            [RECEIVABLE_FIELD + ":sum"],
        )
        actuals = {(user.id, kpi): value for user, kpi, value in flows}
        actuals.update({(user.id, "receivables"): value for user, value in levels})
        return actuals
