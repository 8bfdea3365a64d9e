# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Touchpoints recorded where people work: a call activity marked done with
its outcome, the Log a Call button, a mail sent from the chatter, a meeting
of the calendar (planned, held, cancelled with its event), a demo, a trial or
another contact logged by hand. The facts are the server's; the first meeting
with a company is worked out by the server."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MEETING_START, B2bPipelineCase

FACT_REFUSAL = (
    "A touchpoint records who contacted the customer, when, how and what came "
    "of it, and where it comes from (a mail, a calendar event): these facts are "
    "set when it is recorded and cannot be changed. Log a new touchpoint instead."
)
NOW = "2026-03-05 08:00:00"


@tagged("post_install", "-at_install")
class TestTouchpoints(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý nhân sự")
        cls.Touchpoint = cls.env["b2b.touchpoint"].with_user(cls.salesman)

    def call_activity(self, lead=None, **values):
        return (
            (lead or self.lead)
            .with_user(self.salesman)
            .activity_schedule(
                "mail.mail_activity_data_call",
                user_id=self.salesman.id,
                summary="Gọi anh An",
                **values,
            )
        )

    # ------------------------------------------------------------------
    # Calls
    # ------------------------------------------------------------------

    def test_call_activity_marked_done_with_its_outcome(self):
        activity = self.call_activity()
        form = Form(
            activity.with_user(self.salesman), view="mail.mail_activity_view_form_popup"
        )
        form.b2b_call_outcome = "talked"
        form.save()
        with freeze_time(NOW):
            activity.with_user(self.salesman).action_feedback(feedback="Hẹn gặp thứ Hai")
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(
            (
                touchpoint.kind,
                touchpoint.call_outcome,
                touchpoint.user_id,
                touchpoint.date,
                touchpoint.partner_id,
                touchpoint.name,
            ),
            (
                "call",
                "talked",
                self.salesman,
                datetime(2026, 3, 5, 8, 0),
                self.customer,
                "Gọi anh An",
            ),
        )
        self.assertIn("Hẹn gặp thứ Hai", touchpoint.note)
        self.assertFalse(activity.active, "done and archived, as Odoo 19 keeps them")

    def test_call_activity_needs_its_outcome(self):
        activity = self.call_activity()
        with self.assertRaises(UserError) as error:
            activity.with_user(self.salesman).action_feedback()
        self.assertEqual(
            str(error.exception),
            'What came of the call "Gọi anh An"? Open the activity, choose its '
            "outcome (no answer, picked up, conversation held) and mark it done "
            "there.",
        )
        self.assertTrue(activity.active)
        self.assertFalse(self.lead.touchpoint_ids)

    def test_other_activities_record_no_call(self):
        todo = self.lead.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.salesman.id
        )
        partner_call = self.customer.activity_schedule(
            "mail.mail_activity_data_call", user_id=self.salesman.id
        )
        (todo | partner_call).action_feedback()
        self.assertFalse(self.env["b2b.touchpoint"].search([]))

    def test_log_a_call_button(self):
        action = self.lead.with_user(self.salesman).action_log_call()
        self.assertEqual(action["res_model"], "b2b.log.call.wizard")
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.salesman)
            .with_context(action["context"])
        )
        self.assertEqual(form.partner_id, self.customer)
        form.partner_id = self.contact_an
        form.call_outcome = "no_answer"
        form.name = "Không nghe máy, gọi lại chiều"
        with freeze_time(NOW):
            form.save().action_log()
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(
            (touchpoint.kind, touchpoint.call_outcome, touchpoint.partner_id),
            ("call", "no_answer", self.contact_an),
        )
        self.assertEqual(
            (touchpoint.user_id, touchpoint.date),
            (self.salesman, datetime(2026, 3, 5, 8, 0)),
        )
        note = self.lead.message_ids[0]
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertIn("Call logged: No answer", note.body)
        self.assertEqual(len(self.lead.touchpoint_ids), 1, "a note is not a mail")

    def test_a_call_has_an_outcome_and_only_a_call(self):
        with self.assertRaises(ValidationError) as error:
            self.Touchpoint.create({"lead_id": self.lead.id, "kind": "call"})
        self.assertEqual(str(error.exception), "Say what came of the call: its outcome.")
        with self.assertRaises(ValidationError) as error:
            self.Touchpoint.create(
                {"lead_id": self.lead.id, "kind": "demo", "call_outcome": "talked"}
            )
        self.assertEqual(str(error.exception), "Only a call has a call outcome.")
        # The server's roads are held to the same shape.
        Server = self.env["b2b.touchpoint"]._as_server()
        for kind, state in (("demo", "held"), ("meeting", False)):
            with self.assertRaises(ValidationError) as error:
                Server.create(
                    {"lead_id": self.lead.id, "kind": kind, "meeting_state": state}
                )
            self.assertEqual(str(error.exception), "Only a meeting has a meeting state.")

    # ------------------------------------------------------------------
    # Emails
    # ------------------------------------------------------------------

    def test_mail_sent_from_the_chatter(self):
        with freeze_time(NOW):
            message = self.send_email(self.lead)
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(
            (
                touchpoint.kind,
                touchpoint.mail_message_id,
                touchpoint.user_id,
                touchpoint.partner_id,
                touchpoint.name,
                touchpoint.date,
            ),
            (
                "email",
                message,
                self.salesman,
                self.contact_an,
                "Giới thiệu giải pháp",
                datetime(2026, 3, 5, 8, 0),
            ),
        )

    def test_notes_and_mails_received_are_no_touchpoint(self):
        lead = self.lead.with_user(self.salesman)
        lead.message_post(body="Ghi chú nội bộ", subtype_xmlid="mail.mt_note")
        self.lead.message_post(
            body="Cảm ơn anh",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            author_id=self.contact_an.id,
        )
        self.assertFalse(self.lead.touchpoint_ids)

    # ------------------------------------------------------------------
    # Meetings
    # ------------------------------------------------------------------

    def test_meeting_follows_its_calendar_event(self):
        event = self.schedule_meeting(self.lead)
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(
            (
                touchpoint.kind,
                touchpoint.meeting_state,
                touchpoint.calendar_event_id,
                touchpoint.date,
                touchpoint.user_id,
            ),
            ("meeting", "planned", event, datetime(2026, 3, 2, 9, 0), self.salesman),
        )
        event.with_user(self.salesman).write(
            {"start": "2026-03-03 14:00:00", "stop": "2026-03-03 15:00:00"}
        )
        self.assertEqual(touchpoint.date, datetime(2026, 3, 3, 14, 0))
        event.with_user(self.salesman).action_archive()
        self.assertEqual(touchpoint.meeting_state, "cancelled")
        event.with_user(self.salesman).action_unarchive()
        self.assertEqual(touchpoint.meeting_state, "planned")
        # Its meeting activity marked done: held; archived later, still held.
        self.hold_meeting(event)
        self.assertEqual(touchpoint.meeting_state, "held")
        event.with_user(self.salesman).action_archive()
        self.assertEqual(touchpoint.meeting_state, "held")

    def test_deleted_event_cancels_its_meeting(self):
        event = self.schedule_meeting(self.lead)
        touchpoint = event.b2b_touchpoint_ids
        event.with_user(self.salesman).unlink()
        self.assertEqual(touchpoint.meeting_state, "cancelled")
        self.assertFalse(touchpoint.calendar_event_id)

    def test_event_without_opportunity_is_no_touchpoint(self):
        self.env["calendar.event"].with_user(self.salesman).create(
            {"name": "Họp nội bộ", "start": MEETING_START, "stop": MEETING_START}
        )
        self.assertFalse(self.env["b2b.touchpoint"].search([]))

    def test_mark_held_by_hand(self):
        event = self.schedule_meeting(self.lead)
        touchpoint = event.b2b_touchpoint_ids.with_user(self.salesman)
        with freeze_time("2026-03-01 09:00:00"), self.assertRaises(UserError) as error:
            touchpoint.action_mark_held()
        self.assertEqual(str(error.exception), "A meeting is held once its time has come.")
        with freeze_time(NOW):
            self.assertIs(touchpoint.action_mark_held(), True)
        self.assertEqual(touchpoint.meeting_state, "held")
        demo = self.log_touchpoint(self.lead, "demo")
        with self.assertRaises(UserError) as error:
            demo.action_mark_held()
        self.assertEqual(str(error.exception), "Only a meeting can be held.")
        other = self.schedule_meeting(self.lead, name="Gặp lần hai")
        other.with_user(self.salesman).action_archive()
        with self.assertRaises(UserError) as error:
            other.b2b_touchpoint_ids.with_user(self.salesman).action_mark_held()
        self.assertEqual(str(error.exception), "A cancelled meeting cannot be held.")

    def test_mark_held_refused_on_another_salesperson_opportunity(self):
        lead = self.create_lead("Của người khác", user=self.salesman_other)
        event = self.schedule_meeting(lead, user=self.salesman_other)
        with self.assertRaises(AccessError):
            event.b2b_touchpoint_ids.with_user(self.salesman).action_mark_held()
        self.assertEqual(event.b2b_touchpoint_ids.meeting_state, "planned")

    # ------------------------------------------------------------------
    # Logged by hand
    # ------------------------------------------------------------------

    def test_demo_trial_other_logged_on_the_opportunity(self):
        form = Form(self.lead.with_user(self.salesman), view="crm.crm_lead_view_form")
        with form.touchpoint_ids.new() as line:
            line.kind = "demo"
            line.name = "Trình diễn phân hệ chấm công"
        form.save()
        for kind in ("trial", "other"):
            self.log_touchpoint(self.lead, kind)
        self.assertEqual(
            sorted(self.lead.touchpoint_ids.mapped("kind")), ["demo", "other", "trial"]
        )
        self.assertEqual(self.lead.touchpoint_ids.user_id, self.salesman)
        self.assertEqual(self.lead.touchpoint_ids.partner_id, self.customer)
        self.assertEqual(self.lead.b2b_touchpoint_count, 3)
        action = self.lead.with_user(self.salesman).action_view_touchpoints()
        self.assertEqual(action["domain"], [("lead_id", "=", self.lead.id)])

    # ------------------------------------------------------------------
    # The facts are the server's
    # ------------------------------------------------------------------

    def test_mails_and_meetings_are_not_logged_by_hand(self):
        for kind in ("email", "meeting"):
            with self.assertRaises(UserError) as error:
                self.Touchpoint.create({"lead_id": self.lead.id, "kind": kind})
            self.assertIn("cannot be logged by hand", str(error.exception))
        self.assertFalse(self.lead.touchpoint_ids)

    def test_forged_facts_refused_on_create(self):
        message = self.send_email(self.lead)
        event = self.schedule_meeting(self.lead)
        for forged in (
            {"mail_message_id": message.id},
            {"calendar_event_id": event.id},
            {"meeting_state": "held"},
            {"is_new_partner": True},
        ):
            with self.assertRaises(UserError) as error:
                self.Touchpoint.create(
                    dict(forged, lead_id=self.lead.id, kind="demo")
                )
            self.assertEqual(str(error.exception), FACT_REFUSAL)
        # Who and when: the user and now, whatever is sent.
        with freeze_time(NOW):
            touchpoint = self.Touchpoint.create(
                {
                    "lead_id": self.lead.id,
                    "kind": "demo",
                    "user_id": self.sales_manager.id,
                    "date": "2020-01-01 00:00:00",
                }
            )
        self.assertEqual(
            (touchpoint.user_id, touchpoint.date),
            (self.salesman, datetime(2026, 3, 5, 8, 0)),
        )

    def test_forged_facts_refused_on_write(self):
        with freeze_time(NOW):
            call = self.log_touchpoint(self.lead, "call", call_outcome="no_answer")
        meeting = self.schedule_meeting(self.lead).b2b_touchpoint_ids
        message = self.send_email(self.lead)
        other_lead = self.create_lead("Khác")
        for touchpoint, vals in (
            (call, {"user_id": self.sales_manager.id}),
            (call, {"date": "2020-01-01 00:00:00"}),
            (call, {"call_outcome": "talked"}),
            (call, {"kind": "demo", "call_outcome": False}),
            (call, {"lead_id": other_lead.id}),
            (call, {"mail_message_id": message.id}),
            (meeting, {"meeting_state": "held"}),
            (meeting, {"calendar_event_id": False}),
            (meeting, {"is_new_partner": False}),
        ):
            with self.assertRaises(UserError) as error:
                touchpoint.with_user(self.salesman).write(vals)
            self.assertEqual(str(error.exception), FACT_REFUSAL)
        self.assertEqual(
            (call.call_outcome, call.user_id, meeting.meeting_state),
            ("no_answer", self.salesman, "planned"),
        )
        # Written again unchanged (a form saving every field), and what it
        # says: accepted.
        call.with_user(self.salesman).write(
            {"user_id": self.salesman.id, "name": "Gọi lại lúc 15 giờ"}
        )
        self.assertEqual(call.name, "Gọi lại lúc 15 giờ")

    def test_touchpoints_of_others_opportunities(self):
        other = self.create_lead("Của người khác", user=self.salesman_other)
        with self.assertRaises(AccessError):
            self.log_touchpoint(other, "demo")
        theirs = self.log_touchpoint(other, "demo", user=self.salesman_other)
        self.assertFalse(self.Touchpoint.search([("id", "=", theirs.id)]))
        # Touchpoints are history: a salesperson does not delete them.
        mine = self.log_touchpoint(self.lead, "demo")
        with self.assertRaises(AccessError):
            mine.with_user(self.salesman).unlink()
        mine.with_user(self.sales_manager).unlink()
        self.assertFalse(mine.exists())

    # ------------------------------------------------------------------
    # New partner: the first meeting with a company
    # ------------------------------------------------------------------

    def test_first_meeting_with_a_company_is_a_new_partner(self):
        first = self.schedule_meeting(self.lead).b2b_touchpoint_ids
        lead2 = self.create_lead("Cơ hội thứ hai", partner_id=self.contact_hoa.id)
        second = self.schedule_meeting(
            lead2, start="2026-04-01 09:00:00", stop="2026-04-01 10:00:00"
        ).b2b_touchpoint_ids
        demo = self.log_touchpoint(self.lead, "demo")
        self.assertEqual(first.commercial_partner_id, second.commercial_partner_id)
        self.assertEqual(
            (first.is_new_partner, second.is_new_partner, demo.is_new_partner),
            (True, False, False),
        )
        # The first one cancelled: the second one is the first meeting.
        first.calendar_event_id.with_user(self.salesman).action_archive()
        self.assertEqual((first.is_new_partner, second.is_new_partner), (False, True))
        # An earlier meeting planned later takes the flag.
        earlier = self.schedule_meeting(
            lead2, start="2026-02-01 09:00:00", stop="2026-02-01 10:00:00"
        ).b2b_touchpoint_ids
        self.assertEqual((earlier.is_new_partner, second.is_new_partner), (True, False))
        # Another company: its own first meeting.
        company = self.env["res.partner"].create(
            {"name": "Công ty Cổ phần Hoàng Long", "is_company": True}
        )
        lead3 = self.create_lead("Hoàng Long", partner_id=company.id)
        third = self.schedule_meeting(lead3).b2b_touchpoint_ids
        self.assertTrue(third.is_new_partner)
        self.assertTrue(earlier.is_new_partner)
