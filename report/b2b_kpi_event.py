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

from odoo import api, fields, models
from odoo.tools import SQL

from ..models.b2b_kpi_target import KPI_CODES

# Posted customer invoices and credit notes: revenue and receivables.
INVOICE_DOMAIN = [
    ("state", "=", "posted"),
    ("move_type", "in", ("out_invoice", "out_refund")),
]
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

    date = fields.Date(readonly=True)
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

    def _events_sql(self):
        branches = [
            (1, self._touchpoint_events(
                "contacts_reached",
                [("kind", "=", "call"), ("call_outcome", "in", CALLS_REACHED)],
            )),
            (2, self._touchpoint_events(
                "meetings_new",
                [
                    ("kind", "=", "meeting"),
                    ("is_new_partner", "=", True),
                    ("meeting_state", "!=", "cancelled"),
                ],
            )),
            (3, self._touchpoint_events(
                "meetings_held", [("kind", "=", "meeting"), ("meeting_state", "=", "held")]
            )),
            (4, self._document_events(
                "sale.order",
                self.env["sale.order"]._proposal_domain(),
                "proposals",
                "b2b_date_proposal",
            )),
            (5, self._document_events(
                "b2b.contract", self.env["b2b.contract"]._signed_domain(), "contracts",
                "date_signed",
            )),
            (6, self._document_events(
                "sale.order", [("state", "=", "sale")], "orders", "date_order"
            )),
            (7, self._new_customer_events()),
            (8, self._invoice_events("revenue", "amount_untaxed_signed")),
            (9, self._invoice_events("receivables", "amount_residual_signed")),
        ]
        return SQL(" UNION ALL ").join(
            SQL(
                "SELECT ev.source_id * 16 + %s AS id, ev.date, ev.user_id, ev.team_id, "
                "ev.company_id, ev.partner_id, ev.kpi, ev.value FROM (%s) ev",
                number,
                branch,
            )
            for number, branch in branches
        )

    @api.model
    def _search_all(self, model, domain):
        """The query of the search of ``model`` on ``domain``, for every
        record (the report's own rules apply to its rows)."""
        return self.env[model].sudo().with_context(active_test=False)._search(domain)

    @api.model
    def _columns(self, query, source, date, user, team, company, partner, kpi, value):
        return query.select(
            SQL(
                "%s AS source_id, (%s)::date AS date, %s AS user_id, %s AS team_id, "
                "%s AS company_id, %s AS partner_id, %s::varchar AS kpi, "
                "(%s)::float8 AS value",
                source, date, user, team, company, partner, kpi, value,
            )
        )

    def _touchpoint_events(self, kpi, domain):
        query = self._search_all("b2b.touchpoint", domain)
        t = query.table
        lead = query.left_join(t, "lead_id", "crm_lead", "id", "lead_id")
        return self._columns(
            query,
            SQL.identifier(t, "id"),
            SQL.identifier(t, "date"),
            SQL.identifier(t, "user_id"),
            SQL.identifier(lead, "team_id"),
            SQL.identifier(t, "company_id"),
            SQL.identifier(t, "commercial_partner_id"),
            kpi,
            SQL("1"),
        )

    def _document_events(self, model, domain, kpi, date_field):
        """One event per record of ``model`` matching ``domain`` (an order,
        a contract), for its salesperson and team, on its ``date_field``."""
        query = self._search_all(model, domain)
        doc = query.table
        partner = query.join(doc, "partner_id", "res_partner", "id", "partner_id")
        return self._columns(
            query,
            SQL.identifier(doc, "id"),
            SQL.identifier(doc, date_field),
            SQL.identifier(doc, "user_id"),
            SQL.identifier(doc, "team_id"),
            SQL.identifier(doc, "company_id"),
            SQL.identifier(partner, "commercial_partner_id"),
            kpi,
            SQL("1"),
        )

    def _new_customer_events(self):
        """The first confirmed order of each customer company in each
        company: a new customer, counted for the order's salesperson on the
        day of the order."""
        orders = self._document_events(
            "sale.order", [("state", "=", "sale")], "customers", "date_order"
        )
        return SQL(
            "SELECT DISTINCT ON (first.partner_id, first.company_id) * FROM (%s) first "
            "ORDER BY first.partner_id, first.company_id, first.date, first.source_id",
            orders,
        )

    def _invoice_events(self, kpi, amount_field):
        query = self._search_all("account.move", INVOICE_DOMAIN)
        m = query.table
        return self._columns(
            query,
            SQL.identifier(m, "id"),
            SQL.identifier(m, "invoice_date"),
            SQL.identifier(m, "invoice_user_id"),
            SQL.identifier(m, "team_id"),
            SQL.identifier(m, "company_id"),
            SQL.identifier(m, "commercial_partner_id"),
            kpi,
            SQL.identifier(m, amount_field),
        )

    # ------------------------------------------------------------------
    # The figures of get_kpi_values
    # ------------------------------------------------------------------

    @api.model
    def _get_actuals(self, date_from, date_to, user_ids=None):
        """{(user id, kpi): actual} for [date_from, date_to] in the caller's
        companies: two grouped queries, the flows over the period and the
        receivables open on its last day (invoices dated up to then, at
        their residual today)."""
        events = self.sudo()
        base = [("company_id", "in", self.env.companies.ids)]
        base.append(("user_id", "in", user_ids) if user_ids is not None else ("user_id", "!=", False))
        flows = events._read_group(
            base + [("kpi", "!=", "receivables"), ("date", ">=", date_from), ("date", "<=", date_to)],
            ["user_id", "kpi"],
            ["value:sum"],
        )
        levels = events._read_group(
            base + [("kpi", "=", "receivables"), ("date", "<=", date_to)],
            ["user_id"],
            ["value:sum"],
        )
        actuals = {(user.id, kpi): value for user, kpi, value in flows}
        actuals.update({(user.id, "receivables"): value for user, value in levels})
        return actuals
