# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The indicators as each reader sees them: a sales team's leader
(crm.team.user_id) reads their team members' figures (get_kpi_values, the
events, the targets, the achievement, the weekly mail), a salesperson their
own, a sales manager everyone's; and the funnel counts what the indicators
count."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools.safe_eval import safe_eval

from .common_kpi import KpiCase

MARCH = ("2026-03-01", "2026-03-31")
FUNNEL = ("contacts_reached", "meetings_held", "proposals", "contracts", "orders")


class TestKpiTeamLeader(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env,
            login="b2b_kpi_team_leader",
            groups="sales_team.group_sale_salesman",
            name="Vũ Thị Hạnh",
            email="hanh@example.com",
        )
        cls.team_b2b.user_id = cls.leader
        lead = cls.create_lead("Minh Phát - Kho")
        cls.at("2026-03-03 02:00:00", cls.log_touchpoint, lead, "call", call_outcome="talked")
        cls.at("2026-03-04 02:00:00", cls.log_touchpoint, lead, "call", call_outcome="no_answer")
        event = cls.schedule_meeting(lead, start="2026-03-02 09:00:00", stop="2026-03-02 10:00:00")
        cls.hold_meeting(event)
        cls.at("2026-03-05 04:00:00", cls.send_proposal, lead)
        cls.at("2026-03-05 04:00:00", cls.send_quotation, lead).user_id = cls.salesman
        cls.sign_contract(lead, "2026-03-10")
        cls.confirmed_order("2026-03-12")
        cls.confirmed_order("2026-03-25")
        cls.confirmed_order("2026-03-13", partner=cls.other_customer, user=cls.salesman_other)
        Target = cls.Target.with_user(cls.sales_manager)
        cls.t_own, cls.t_other = Target.create(
            [
                {"user_id": user.id, "kpi": "orders", "target": value,
                 "date_from": MARCH[0], "date_to": MARCH[1]}
                for user, value in ((cls.salesman, 3), (cls.salesman_other, 5))
            ]
        )

    def test_team_leader_reads_their_team(self):
        figures = self.kpis(*MARCH, user=self.leader, user_ids=[self.salesman.id])
        self.assertEqual(figures[(self.salesman.id, "orders")], (2, 3.0))
        everyone = self.kpis(*MARCH, user=self.leader)
        self.assertEqual({uid for uid, _kpi in everyone}, {self.salesman.id, self.leader.id})
        with self.assertRaises(AccessError):
            self.kpis(*MARCH, user=self.leader, user_ids=[self.salesman_other.id])
        # The views read the same: the events, the targets, the achievement.
        for model in ("b2b.kpi.event", "b2b.kpi.target", "b2b.kpi.achievement"):
            rows = self.env[model].with_user(self.leader).search([("user_id", "!=", False)])
            self.assertEqual(set(rows.user_id.ids), {self.salesman.id}, model)
        self.assertEqual(
            self.Target.with_user(self.leader).search([("user_id", "!=", False)]), self.t_own
        )
        # No longer the team's leader: their own figures only.
        self.team_b2b.user_id = False
        with self.assertRaises(AccessError):
            self.kpis(*MARCH, user=self.leader, user_ids=[self.salesman.id])
        self.assertFalse(self.env["b2b.kpi.event"].with_user(self.leader).search([]))

    def test_member_reads_not_the_leader_nor_the_team(self):
        with self.assertRaises(AccessError):
            self.kpis(*MARCH, user=self.salesman, user_ids=[self.leader.id])
        self.assertEqual(
            set(self.env["b2b.kpi.event"].with_user(self.salesman).search([]).user_id.ids),
            {self.salesman.id},
        )

    def test_weekly_mail_team_leader(self):
        self.salesman.email = "binh@example.com"
        self.salesman_other.email = "cuong@example.com"
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.Target.with_user(self.sales_manager).send_kpi_mail(*MARCH)
        to_leader = (Mail.search([]) - before).filtered(
            lambda mail: "hanh@example.com" in (mail.email_to or "")
            or self.leader.partner_id in mail.recipient_ids
        )
        self.assertEqual(len(to_leader), 1)
        self.assertIn(self.salesman.name, to_leader.body_html)
        self.assertNotIn(self.salesman_other.name, to_leader.body_html)

    def test_funnel(self):
        """The funnel (its action's filter, grouped by indicator) counts
        what get_kpi_values counts, step by step."""
        search = self.env.ref("b2b_sales_delivery.b2b_kpi_event_view_search")
        node = etree.fromstring(search.arch).xpath("//filter[@name='funnel']")[0]
        domain = safe_eval(node.get("domain"))
        Event = self.env["b2b.kpi.event"].with_user(self.sales_manager)
        groups = Event.formatted_read_group(
            domain
            + [("user_id", "=", self.salesman.id),
               ("date", ">=", MARCH[0]), ("date", "<", "2026-04-01")],
            ["kpi"],
            ["value:sum"],
        )
        funnel = {group["kpi"]: group["value:sum"] for group in groups}
        figures = self.kpis(*MARCH, user_ids=[self.salesman.id])
        self.assertEqual(
            funnel, {kpi: figures[(self.salesman.id, kpi)][0] for kpi in FUNNEL}
        )
        self.assertEqual(
            (funnel["contacts_reached"], funnel["meetings_held"], funnel["orders"]), (1, 1, 2)
        )
