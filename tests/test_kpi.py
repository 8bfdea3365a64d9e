# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The nine key indicators: each counted right on fixed days, targets
prorated to the period, a salesperson reads their own figures and a
manager everyone's; the achievement view, the copy to the next period and
the weekly mail."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_kpi import KpiCase

MARCH = ("2026-03-01", "2026-03-31")


@tagged("post_install", "-at_install")
class TestKpi(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.salesman
        lead = cls.create_lead("Minh Phát - Kho")
        # Contacts: two calls reached, one not; one in April.
        cls.at("2026-03-03 02:00:00", cls.log_touchpoint, lead, "call", call_outcome="answered")
        cls.at("2026-03-04 02:00:00", cls.log_touchpoint, lead, "call", call_outcome="talked")
        cls.at("2026-03-04 03:00:00", cls.log_touchpoint, lead, "call", call_outcome="no_answer")
        cls.at("2026-04-01 02:00:00", cls.log_touchpoint, lead, "call", call_outcome="talked")
        # Meetings: the first with the customer (new partner), booked in
        # March and held; a second one planned (an existing partner).
        event = cls.at(
            "2026-03-01 08:00:00", cls.schedule_meeting, lead,
            start="2026-03-02 09:00:00", stop="2026-03-02 10:00:00",
        )
        cls.hold_meeting(event)
        cls.at(
            "2026-03-01 08:00:00", cls.schedule_meeting, lead,
            start="2026-03-20 09:00:00", stop="2026-03-20 10:00:00",
        )
        # Proposals: two sent in March (one revised and sent again), a
        # draft, one sent in April; the quotations sent count as no proposal.
        proposal = cls.at("2026-03-05 04:00:00", cls.send_proposal, lead)
        proposal.with_user(s).action_revise("Thêm chi nhánh")
        cls.at("2026-03-07 04:00:00", proposal.with_user(s).action_send_mail)
        cls.at("2026-03-06 04:00:00", cls.send_proposal, lead)
        cls.env["b2b.proposal"].with_user(s).create({"lead_id": lead.id})
        cls.at("2026-04-02 04:00:00", cls.send_proposal, lead)
        cls.at("2026-03-05 04:00:00", cls.send_quotation, lead).user_id = s
        cls.at("2026-03-06 04:00:00", cls.send_quotation, lead, state="sale").user_id = s
        cls.send_quotation(lead, state="draft").user_id = s
        # Contracts: one signed in March, one signed then cancelled, one
        # signed in April.
        cls.sign_contract(lead, "2026-03-10")
        cls.sign_contract(lead, "2026-03-11").action_cancel()
        cls.sign_contract(lead, "2026-04-01")
        # Orders: the customer's first order in March (a new customer) and
        # a second one; Hòa Bình ordered in February already.
        cls.confirmed_order("2026-02-15", partner=cls.other_customer)
        cls.confirmed_order("2026-03-12", amount=5000000.0)
        cls.confirmed_order("2026-03-25", amount=2000000.0)
        cls.confirmed_order("2026-03-26", partner=cls.other_customer)
        # Revenue: invoices less credit notes; receivables: open on the last day.
        cls.invoice("2026-02-20", 3000000.0)
        cls.invoice("2026-03-15", 5000000.0)
        cls.invoice("2026-03-20", 1000000.0, move_type="out_refund")
        cls.invoice("2026-04-03", 7000000.0)
        # The other salesperson's own figures.
        other_lead = cls.create_lead(
            "Hòa Bình", user=cls.salesman_other, team=cls.team_other,
            partner_id=cls.other_customer.id,
        )
        cls.at(
            "2026-03-09 02:00:00", cls.log_touchpoint, other_lead, "call",
            user=cls.salesman_other, call_outcome="talked",
        )

    def test_each_indicator_counted(self):
        kpis = self.kpis(*MARCH)
        s = self.salesman.id
        self.assertEqual(
            {kpi: kpis[(s, kpi)][0] for kpi in (
                "contacts_reached", "meetings_new", "meetings_held", "proposals",
                "contracts", "orders", "customers", "revenue", "receivables",
            )},
            {
                "contacts_reached": 2,
                "meetings_new": 1,
                "meetings_held": 1,
                "proposals": 2,
                "contracts": 1,
                "orders": 4,  # the quotation confirmed on its creation counts too
                "customers": 1,
                "revenue": 4000000.0,
                "receivables": 7000000.0,
            },
        )
        self.assertEqual(kpis[(self.salesman_other.id, "contacts_reached")], (1, 0.0))

    def test_pending_writes_counted(self):
        move = self.invoice("2026-03-20", 500000.0, user=self.salesman_other)
        self.assertEqual(self.kpis(*MARCH)[(self.salesman_other.id, "revenue")][0], 500000.0)
        # Written in the same transaction, not flushed yet: counted.
        move.invoice_user_id = self.salesman
        kpis = self.kpis(*MARCH)
        self.assertEqual(kpis[(self.salesman.id, "revenue")][0], 4500000.0)
        self.assertEqual(kpis[(self.salesman_other.id, "revenue")][0], 0.0)

    def test_other_periods(self):
        april = self.kpis("2026-04-01", "2026-04-30")
        s = self.salesman.id
        self.assertEqual(april[(s, "contacts_reached")][0], 1)
        self.assertEqual(april[(s, "proposals")][0], 1)
        self.assertEqual(april[(s, "contracts")][0], 1)
        self.assertEqual(april[(s, "orders")][0], 0)
        self.assertEqual(april[(s, "revenue")][0], 7000000.0)
        # Receivables are a level: everything open on the last day.
        self.assertEqual(april[(s, "receivables")][0], 14000000.0)
        february = self.kpis("2026-02-01", "2026-02-28", user_ids=[s])
        self.assertEqual(february[(s, "customers")][0], 1)
        self.assertEqual(february[(s, "receivables")][0], 3000000.0)

    def test_targets_prorated_by_days(self):
        Target = self.Target.with_user(self.sales_manager)
        s = self.salesman.id
        Target.create([
            {"user_id": s, "kpi": "proposals", "target": 31,
             "date_from": "2026-03-01", "date_to": "2026-03-31"},
            {"user_id": s, "kpi": "revenue", "target": 90000000,
             "date_from": "2026-01-01", "date_to": "2026-03-31"},
            {"user_id": s, "kpi": "receivables", "target": 5000000,
             "date_from": "2026-03-01", "date_to": "2026-03-31"},
        ])
        march = self.kpis(*MARCH)
        self.assertEqual(march[(s, "proposals")], (2, 31.0))
        self.assertEqual(march[(s, "revenue")], (4000000.0, 31000000.0))
        self.assertEqual(march[(s, "receivables")][1], 5000000.0)
        ten_days = self.kpis("2026-03-01", "2026-03-10")
        self.assertEqual(ten_days[(s, "proposals")][1], 10.0)
        self.assertEqual(ten_days[(s, "receivables")][1], 5000000.0)
        april_first = self.kpis("2026-04-01", "2026-04-01")
        self.assertEqual(april_first[(s, "receivables")][1], 0.0)
        self.assertEqual(april_first[(s, "proposals")][1], 0.0)

    def test_result_carries_over_rpc(self):
        rows = self.Target.with_user(self.sales_manager).get_kpi_values(*MARCH)
        users = {row["user_id"] for row in rows}
        self.assertEqual(users, {self.salesman.id, self.salesman_other.id})
        self.assertEqual(len(rows), 9 * 2)
        for row in rows:
            self.assertEqual(set(row), {"user_id", "kpi", "actual", "target"})
            self.assertFalse([v for v in row.values() if v is None])

    def test_arguments_checked(self):
        Target = self.Target.with_user(self.sales_manager)
        for args, message in (
            (("2026-03-31", "2026-03-01"), "must end on or after its first day"),
            (("01/03/2026", "2026-03-31"), "must be a date written YYYY-MM-DD"),
            ((None, "2026-03-31"), "must be a date written YYYY-MM-DD"),
            (("2026-03-01", "2026-03-31", "5"), "as a list of user ids"),
            (("2026-03-01", "2026-03-31", [True]), "as a list of user ids"),
            (("2026-03-01", "2026-03-31", [2**31]), "as a list of user ids"),
        ):
            with self.assertRaises(UserError) as error:
                Target.get_kpi_values(*args)
            self.assertIn(message, str(error.exception))

    def test_salesperson_reads_own_figures(self):
        mine = self.kpis(*MARCH, user=self.salesman)
        self.assertEqual({uid for uid, _kpi in mine}, {self.salesman.id})
        self.assertEqual(mine[(self.salesman.id, "proposals")][0], 2)
        with self.assertRaises(AccessError):
            self.kpis(*MARCH, user=self.salesman, user_ids=[self.salesman_other.id])
        # The report views follow the same rule.
        Event = self.env["b2b.kpi.event"]
        self.assertEqual(
            set(Event.with_user(self.salesman).search([]).user_id.ids), {self.salesman.id}
        )
        self.assertEqual(
            set(Event.with_user(self.sales_manager).search([("date", ">=", MARCH[0])]).user_id.ids),
            {self.salesman.id, self.salesman_other.id},
        )

    def test_one_grouped_query_for_the_figures(self):
        Target = self.Target.with_user(self.sales_manager)
        Target.get_kpi_values(*MARCH)
        self.env.cr.execute("SHOW max_parallel_workers_per_gather")
        setting = self.env.cr.fetchone()[0]
        with self.assertQueryCount(3):
            Target.get_kpi_values(*MARCH)
        # The figures are planned without parallel workers; the setting is
        # put back for the rest of the transaction.
        self.env.cr.execute("SHOW max_parallel_workers_per_gather")
        self.assertEqual(self.env.cr.fetchone()[0], setting)

    def test_other_company_figures_not_counted(self):
        company = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        self.sales_manager.company_ids |= company
        only_there = self.Target.with_user(self.sales_manager).with_company(company)
        rows = only_there.with_context(allowed_company_ids=[company.id]).get_kpi_values(*MARCH)
        self.assertFalse(rows)

    # ------------------------------------------------------------------
    # Targets, achievement, copy, mail
    # ------------------------------------------------------------------

    def test_target_rules(self):
        Target = self.Target.with_user(self.sales_manager)
        values = {"user_id": self.salesman.id, "kpi": "orders", "target": 4,
                  "date_from": "2026-03-01", "date_to": "2026-03-31"}
        target = Target.create(values)
        self.assertEqual(target.period_type, "month")
        with self.assertRaises(ValidationError):
            Target.create(dict(values, date_from="2026-03-15", date_to="2026-04-14"))
        with self.assertRaises(AccessError):
            self.Target.with_user(self.salesman).create(dict(values, kpi="customers"))
        with self.assertRaises(AccessError):
            target.with_user(self.salesman).write({"target": 40})

    def test_achievement_report(self):
        Target = self.Target.with_user(self.sales_manager)
        mine = Target.create({"user_id": self.salesman.id, "kpi": "revenue", "target": 8000000,
                              "date_from": "2026-03-01", "date_to": "2026-03-31"})
        team = Target.create({"team_id": self.team_b2b.id, "kpi": "contracts", "target": 4,
                              "date_from": "2026-03-01", "date_to": "2026-03-31"})
        other = Target.create({"user_id": self.salesman_other.id, "kpi": "contacts_reached",
                               "target": 10, "date_from": "2026-03-01", "date_to": "2026-03-31"})
        Achievement = self.env["b2b.kpi.achievement"]
        rows = {row.id: row for row in Achievement.with_user(self.sales_manager).search([])}
        self.assertEqual((rows[mine.id].actual, rows[mine.id].achievement), (4000000.0, 50.0))
        self.assertEqual((rows[team.id].actual, rows[team.id].achievement), (1.0, 25.0))
        self.assertEqual(rows[other.id].actual, 1.0)
        seen = Achievement.with_user(self.salesman).search([])
        self.assertEqual(set(seen.ids), {mine.id, team.id})

    def test_copy_to_the_next_period(self):
        Target = self.Target.with_user(self.sales_manager)
        Target.create([
            {"user_id": self.salesman.id, "kpi": kpi, "target": 5,
             "date_from": "2026-03-01", "date_to": "2026-03-31"}
            for kpi in ("orders", "contracts")
        ])
        kept = Target.create({"user_id": self.salesman.id, "kpi": "orders", "target": 9,
                              "date_from": "2026-04-01", "date_to": "2026-04-30"})
        wizard = Form(
            self.env["b2b.kpi.target.copy"].with_user(self.sales_manager)
        )
        wizard.date_from = "2026-03-01"
        wizard.date_to = "2026-03-31"
        self.assertEqual(str(wizard.next_date_to), "2026-04-30")
        action = wizard.save().action_copy()
        created = Target.search(action["domain"])
        self.assertEqual(
            [(t.kpi, t.target, str(t.date_from), str(t.date_to)) for t in created],
            [("contracts", 5.0, "2026-04-01", "2026-04-30")],
        )
        self.assertEqual(kept.target, 9)
        with self.assertRaises(UserError):
            Target.copy_to_next_period("2026-06-01", "2026-06-30")
        with self.assertRaises(AccessError):
            self.Target.with_user(self.salesman).copy_to_next_period(*MARCH)

    @staticmethod
    def to(mail, address):
        return address in mail.recipient_ids.mapped("email")

    def test_weekly_mail(self):
        self.salesman.email = "binh@example.com"
        self.sales_manager.email = "dung@example.com"
        self.salesman_other.email = "cuong@example.com"
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        count = self.Target.with_user(self.sales_manager).send_kpi_mail("2026-03-09", "2026-03-15")
        mails = Mail.search([]) - before
        self.assertEqual(count, len(mails))
        for address in ("binh@example.com", "dung@example.com", "cuong@example.com"):
            self.assertEqual(len(mails.filtered(lambda m, a=address: self.to(m, a))), 1)
        to_binh = mails.filtered(lambda m: self.to(m, "binh@example.com"))
        self.assertIn("Trần Thị Bình", to_binh.body_html)
        self.assertNotIn("Lê Văn Cường", to_binh.body_html)
        to_dung = mails.filtered(lambda m: self.to(m, "dung@example.com"))
        self.assertIn("Lê Văn Cường", to_dung.body_html)
        with self.assertRaises(AccessError):
            self.Target.with_user(self.salesman).send_kpi_mail(*MARCH)
        cron = self.env.ref("b2b_sales_delivery.ir_cron_b2b_kpi_weekly_mail")
        self.assertEqual(cron.code, "model._cron_send_kpi_mail()")
