# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A small fixed data set for the key indicators, with known answers.

Two salespeople in two teams, January and February 2026, with events on
both sides of the month boundary (31 January late evening, 1 February just
after midnight, UTC). The expected figures are counted by hand in the
comments and in EXPECTED.
"""
from .common import B2BCase, create_user

# Hand counts: salesman (team North) and salesman_other (team South).
EXPECTED = {
    "salesman": {
        "jan": {"contacts_reached": 2, "meetings_new": 1, "meetings_held": 1,
                "proposals": 2, "contracts": 1, "orders": 1, "customers": 1,
                "revenue": 500000.0, "receivables": 1000000.0},
        "feb": {"contacts_reached": 1, "meetings_new": 1, "meetings_held": 3,
                "proposals": 3, "contracts": 1, "orders": 2, "customers": 1,
                "revenue": 3000000.0, "receivables": 1000000.0},
    },
    "salesman_other": {
        "jan": {},
        "feb": {"contacts_reached": 2, "proposals": 1, "orders": 1,
                "customers": 1, "revenue": 700000.0},
    },
}


class KpiCase(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.leader = create_user(
            env, "b2b_kpi_leader", ["sales_team.group_sale_salesman"],
            name="Trần Thị Lan",
        )
        Team = env["crm.team"]
        cls.team_north = Team.create({"name": "Miền Bắc", "user_id": cls.leader.id})
        cls.team_south = Team.create({"name": "Miền Nam"})
        cls.salesman.sale_team_id = cls.team_north
        cls.leader.sale_team_id = cls.team_north
        cls.salesman_other.sale_team_id = cls.team_south

        Partner = env["res.partner"]
        cls.cust1 = cls.customer  # Công ty TNHH Minh Phát
        cls.cust1_contact = Partner.create(
            {"name": "Nguyễn Văn An", "parent_id": cls.cust1.id}
        )
        cls.cust2 = Partner.create({"name": "Công ty CP Hoà Bình", "is_company": True})
        cls.cust3 = Partner.create({"name": "Công ty TNHH Sao Việt", "is_company": True})
        cls.lead_north = env["crm.lead"].create({
            "name": "Phần mềm quản lý kho", "type": "opportunity",
            "partner_id": cls.cust1.id, "team_id": cls.team_north.id,
            "user_id": cls.salesman.id,
        })
        cls.lead_free = env["crm.lead"].create({
            "name": "Tư vấn chuyển đổi số", "type": "opportunity",
            "partner_id": cls.cust3.id, "team_id": False,
            "user_id": cls.salesman_other.id,
        })
        cls._force(cls.lead_free, team_id=None)
        cls.product = env["product.product"].create({
            "name": "Gói triển khai", "type": "service", "list_price": 1.0,
            "taxes_id": [(6, 0, [])],
        })
        cls._create_touchpoints()
        cls._create_orders()
        cls._create_contracts()
        cls._create_invoices()

    # -- helpers -------------------------------------------------------
    @classmethod
    def _force(cls, record, **values):
        """Write columns with SQL: the indicators read the database, and
        this keeps the data set fixed whatever the other features hook."""
        assignments = ", ".join('"%s" = %%s' % name for name in values)
        cls.env.cr.execute(
            "UPDATE %s SET %s WHERE id = %%s" % (record._table, assignments),
            list(values.values()) + [record.id],
        )
        record.invalidate_cache()

    @classmethod
    def _touchpoint(cls, user, lead, partner, date, kind, **values):
        touchpoint = cls.env["b2b.touchpoint"].create({
            "user_id": user.id, "lead_id": lead.id, "partner_id": partner.id,
            "date": date, "kind": kind,
        })
        values.setdefault("call_outcome", None)
        values.setdefault("meeting_state", None)
        # is_new_partner is computed from all the meetings with the company:
        # the hand-counted value is set once every touchpoint exists.
        cls._new_partner_flags.append((touchpoint, values.pop("is_new_partner", False)))
        cls._force(touchpoint, date=date, kind=kind,
                   commercial_partner_id=partner.commercial_partner_id.id, **values)
        return touchpoint

    @classmethod
    def _order(cls, user, team, partner, amount, proposal=None, confirmed=None,
               state=None):
        order = cls.env["sale.order"].create({
            "partner_id": partner.id, "user_id": user.id, "team_id": team.id,
            "order_line": [(0, 0, {
                "product_id": cls.product.id, "name": "Gói triển khai",
                "product_uom_qty": 1, "price_unit": amount, "tax_id": [(6, 0, [])],
            })],
        })
        cls._force(order, b2b_date_proposal=proposal, confirmation_date=confirmed,
                   state=state or ("sale" if confirmed else "sent"))
        return order

    @classmethod
    def _contract(cls, user, team, partner, state, date_signed):
        contract = cls.env["b2b.contract"].create({
            "partner_id": partner.id, "user_id": user.id, "team_id": team.id,
        })
        cls._force(contract, state=state, date_signed=date_signed)
        return contract

    @classmethod
    def _invoice(cls, user, team, partner, amount, date, date_due, kind="out_invoice"):
        account = cls.env["account.account"].search([
            ("user_type_id", "=", cls.env.ref("account.data_account_type_revenue").id),
            ("company_id", "=", cls.company.id),
        ], limit=1)
        invoice = cls.env["account.invoice"].create({
            "partner_id": partner.id, "type": kind, "user_id": user.id,
            "team_id": team.id, "date_invoice": date, "date_due": date_due,
            "invoice_line_ids": [(0, 0, {
                "name": "Gói triển khai", "quantity": 1, "price_unit": amount,
                "account_id": account.id,
            })],
        })
        invoice.action_invoice_open()
        return invoice

    # -- the data set --------------------------------------------------
    @classmethod
    def _create_touchpoints(cls):
        cls._new_partner_flags = []
        cls._create_touchpoint_set()
        for touchpoint, is_new in cls._new_partner_flags:
            cls._force(touchpoint, is_new_partner=is_new)

    @classmethod
    def _create_touchpoint_set(cls):
        s, o = cls.salesman, cls.salesman_other
        lead, free = cls.lead_north, cls.lead_free
        tp = cls._touchpoint
        # salesman, January: contacts 2 (answered, talked late on the 31st),
        # meetings booked with new partners 1, held 1 (existing partner)
        tp(s, lead, cls.cust1_contact, "2026-01-10 09:00:00", "call", call_outcome="answered")
        tp(s, lead, cls.cust2, "2026-01-31 23:30:00", "call", call_outcome="talked")
        tp(s, lead, cls.cust1, "2026-01-15 09:00:00", "call", call_outcome="no_answer")
        tp(s, lead, cls.cust2, "2026-01-20 09:00:00", "meeting",
           meeting_state="planned", is_new_partner=True)
        tp(s, lead, cls.cust3, "2026-01-21 09:00:00", "meeting",
           meeting_state="cancelled", is_new_partner=True)
        tp(s, lead, cls.cust1, "2026-01-25 09:00:00", "meeting", meeting_state="held")
        # salesman, February: contacts 1 (just after midnight on the 1st),
        # meetings new 1, held 3 (1 new, 2 existing) with 2 customers
        tp(s, lead, cls.cust1, "2026-02-01 00:30:00", "call", call_outcome="answered")
        tp(s, lead, cls.cust2, "2026-02-03 09:00:00", "meeting",
           meeting_state="held", is_new_partner=True)
        tp(s, lead, cls.cust1_contact, "2026-02-05 09:00:00", "meeting", meeting_state="held")
        tp(s, lead, cls.cust1, "2026-02-10 09:00:00", "meeting", meeting_state="held")
        tp(s, lead, cls.cust1, "2026-02-11 09:00:00", "email")
        # salesman_other, February: 2 contacts, one on a lead of team North
        tp(o, free, cls.cust3, "2026-02-10 09:00:00", "call", call_outcome="answered")
        tp(o, lead, cls.cust1, "2026-02-12 09:00:00", "call", call_outcome="talked")

    @classmethod
    def _create_orders(cls):
        s, o, north, south = (cls.salesman, cls.salesman_other, cls.team_north,
                              cls.team_south)
        order = cls._order
        # salesman: proposals Jan 2 (SO1, SO4), Feb 3 (SO2, SO3, SO5);
        # orders Jan 1 (SO4, 500,000), Feb 2 (SO1, SO2: 3,000,000, one customer)
        cls.so1 = order(s, north, cls.cust1_contact, 1000000, "2026-01-30 10:00:00",
                        "2026-02-02 10:00:00")
        cls.so2 = order(s, north, cls.cust1, 2000000, "2026-02-05 10:00:00",
                        "2026-02-06 10:00:00")
        cls.so3 = order(s, north, cls.cust2, 900000, "2026-02-07 10:00:00")
        cls.so4 = order(s, north, cls.cust3, 500000, "2026-01-15 10:00:00",
                        "2026-01-31 23:00:00")
        cls.so5 = order(s, north, cls.cust2, 800000, "2026-02-08 10:00:00",
                        "2026-02-09 10:00:00", state="cancel")
        cls.so_draft = order(s, north, cls.cust2, 100000)
        # salesman_other: SO6, 700,000, team South
        cls.so6 = order(o, south, cls.cust3, 700000, "2026-02-09 10:00:00",
                        "2026-02-11 10:00:00")

    @classmethod
    def _create_contracts(cls):
        s, north = cls.salesman, cls.team_north
        cls._contract(s, north, cls.cust1, "signed", "2026-02-01")
        cls._contract(s, north, cls.cust3, "done", "2026-01-31")
        cls._contract(s, north, cls.cust3, "draft", None)
        cls._contract(s, north, cls.cust2, "cancel", "2026-02-02")

    @classmethod
    def _create_invoices(cls):
        s, north = cls.salesman, cls.team_north
        # Jan: invoiced 1,000,000; owed at Jan 31: 1,000,000, none overdue.
        # Feb: invoiced 500,000 - 100,000 (refund); 400,000 paid on Feb 25;
        # owed at Feb 28: 1,000,000, all overdue (due 19, 20 and 15 Feb).
        cls.inv1 = cls._invoice(s, north, cls.cust1, 1000000, "2026-01-20", "2026-02-19")
        cls.inv2 = cls._invoice(s, north, cls.cust3, 500000, "2026-02-10", "2026-02-20")
        cls.refund = cls._invoice(s, north, cls.cust1, 100000, "2026-02-15", "2026-02-15",
                                  kind="out_refund")
        journal = cls.env["account.journal"].search([
            ("type", "=", "bank"), ("company_id", "=", cls.company.id)
        ], limit=1)
        cls.inv1.pay_and_reconcile(journal, 400000, "2026-02-25")
