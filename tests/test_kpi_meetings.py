# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Meetings booked counted on the day they are booked, meetings held on the
day they are held (issue 26.3); the day booked is the server's fact; the
indicators by the opportunity's data source."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..utils.steps import with_step
from .common_kpi import KpiCase


@tagged("post_install", "-at_install")
class TestKpiMeetings(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Lịch gặp", b2b_data_source="paid")
        # Booked on 27 March for 6 April: a meeting with a new partner.
        cls.event = cls.at(
            "2026-03-27 02:00:00", cls.schedule_meeting, cls.lead,
            start="2026-04-06 02:00:00", stop="2026-04-06 03:00:00",
        )
        cls.meeting = cls.event.b2b_touchpoint_ids

    def figures(self, date_from, date_to):
        kpis = self.kpis(date_from, date_to, user_ids=[self.salesman.id])
        s = self.salesman.id
        return kpis[(s, "meetings_new")][0], kpis[(s, "meetings_held")][0]

    def test_booked_on_the_day_booked_held_on_the_day_held(self):
        self.assertEqual(str(self.meeting.date_booked), "2026-03-27 02:00:00")
        self.assertEqual(self.figures("2026-03-01", "2026-03-31"), (1, 0))
        self.assertEqual(self.figures("2026-04-01", "2026-04-30"), (0, 0))
        # Moved: still booked on 27 March.
        self.event.with_user(self.salesman).write(
            {"start": "2026-04-09 02:00:00", "stop": "2026-04-09 03:00:00"}
        )
        self.assertEqual(str(self.meeting.date_booked), "2026-03-27 02:00:00")
        # Marked held the day after the meeting: held on the meeting's day.
        self.at("2026-04-10 02:00:00", self.hold_meeting, self.event)
        self.assertEqual(self.figures("2026-03-01", "2026-03-31"), (1, 0))
        self.assertEqual(self.figures("2026-04-09", "2026-04-09"), (0, 1))
        self.assertEqual(self.figures("2026-04-10", "2026-04-30"), (0, 0))
        events = self.env["b2b.kpi.event"].search(
            [("kpi", "in", ("meetings_new", "meetings_held")), ("user_id", "=", self.salesman.id)]
        )
        self.assertEqual(
            sorted((event.kpi, str(event.date)) for event in events),
            [("meetings_held", "2026-04-09 02:00:00"), ("meetings_new", "2026-03-27 02:00:00")],
        )

    def test_booked_when_linked_to_the_opportunity(self):
        event = self.at(
            "2026-03-10 02:00:00",
            self.env["calendar.event"].with_user(self.salesman).create,
            {"name": "Gặp anh An", "start": "2026-03-20 02:00:00", "stop": "2026-03-20 03:00:00"},
        )
        self.assertFalse(event.b2b_touchpoint_ids)
        self.at(
            "2026-03-12 02:00:00", event.with_user(self.salesman).write,
            {"opportunity_id": self.lead.id},
        )
        self.assertEqual(str(event.b2b_touchpoint_ids.date_booked), "2026-03-12 02:00:00")

    def test_date_booked_is_the_servers(self):
        Touchpoint = self.env["b2b.touchpoint"].with_user(self.salesman)
        demo = dict(lead_id=self.lead.id, kind="demo")
        for road in (
            lambda: Touchpoint.create(dict(demo, date_booked="2026-03-01 00:00:00")),
            lambda: self.meeting.with_user(self.salesman).write(
                {"date_booked": "2026-02-01 00:00:00"}
            ),
            # A context key the caller sends opens no step.
            lambda: self.meeting.with_user(self.salesman).with_context(
                b2b_touchpoint_server=True
            ).write({"date_booked": "2026-02-01 00:00:00"}),
            # Sudo is not the server's step either.
            lambda: self.meeting.sudo().write({"date_booked": "2026-02-01 00:00:00"}),
        ):
            with self.assertRaises(UserError):
                road()
        result = Touchpoint.load(
            ["lead_id/.id", "kind", "date_booked"],
            [[str(self.lead.id), "demo", "2026-03-01 00:00:00"]],
        )
        self.assertFalse(result["ids"])
        self.assertEqual(str(self.meeting.date_booked), "2026-03-27 02:00:00")
        # Written again unchanged (a form saving every field): accepted.
        self.meeting.with_user(self.salesman).write({"date_booked": self.meeting.date_booked})
        # The server's step writes it.
        with_step(self.meeting.sudo(), "b2b_touchpoint_server").write(
            {"date_booked": "2026-03-26 02:00:00"}
        )
        self.assertEqual(str(self.meeting.date_booked), "2026-03-26 02:00:00")

    def test_indicators_by_data_source(self):
        free = self.create_lead(
            "Hòa Bình", b2b_data_source="free", partner_id=self.other_customer.id
        )
        self.at(
            "2026-03-03 02:00:00", self.log_touchpoint, free, "call", call_outcome="talked"
        )
        self.at("2026-03-10 02:00:00", self.send_proposal, self.lead)
        self.confirmed_order("2026-03-12", lead=self.lead)
        self.invoice("2026-03-15", 5000000.0)
        Event = self.env["b2b.kpi.event"].with_user(self.sales_manager)
        groups = Event._read_group(
            [("date", ">=", "2026-03-01"), ("date", "<", "2026-04-01"),
             ("user_id", "=", self.salesman.id)],
            ["data_source", "kpi"], ["value:sum"],
        )
        self.assertEqual(
            sorted((source or "", kpi, value) for source, kpi, value in groups),
            [
                ("", "receivables", 5000000.0),
                ("", "revenue", 5000000.0),
                ("free", "contacts_reached", 1.0),
                ("paid", "customers", 1.0),
                ("paid", "meetings_new", 1.0),
                ("paid", "orders", 1.0),
                ("paid", "proposals", 1.0),
            ],
        )
        self.assertEqual(
            Event.search_count([("data_source", "=", "paid"), ("kpi", "=", "meetings_new")]), 1
        )
