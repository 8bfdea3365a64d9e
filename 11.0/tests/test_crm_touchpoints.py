# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Touchpoints are created where users work: calls, meetings, emails."""
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .common_crm import DATE, B2BCrmCase


class TestCrmTouchpoints(B2BCrmCase):
    def schedule_call(self, lead, user=None):
        user = user or self.salesman
        return self.env["mail.activity"].sudo(user).create({
            "res_model_id": self.env.ref("crm.model_crm_lead").id,
            "res_id": lead.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
            "summary": "Gọi lại cho anh An",
            "date_deadline": "2026-03-03",
            "user_id": user.id,
        })

    def create_meeting(self, lead, start="2026-03-05 02:00:00", user=None):
        return self.env["calendar.event"].sudo(user or self.salesman).with_context(
            default_opportunity_id=lead.id
        ).create({
            "name": "Gặp anh An tại văn phòng Minh Phát",
            "start": start, "stop": "2026-03-05 03:00:00",
            "start_datetime": start, "stop_datetime": "2026-03-05 03:00:00",
            "duration": 1.0,
            "partner_ids": [(6, 0, [self.contact.id])],
        })

    def test_call_activity_done_records_outcome(self):
        activity = self.schedule_call(self.lead)
        self.assertTrue(activity.b2b_is_lead_call)
        activity.b2b_call_outcome = "talked"
        activity.action_feedback("Anh An quan tâm, hẹn gặp tuần sau")
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(len(touchpoint), 1)
        self.assertEqual(touchpoint.kind, "call")
        self.assertEqual(touchpoint.call_outcome, "talked")
        self.assertEqual(touchpoint.user_id, self.salesman)
        self.assertEqual(touchpoint.partner_id, self.customer)
        self.assertEqual(touchpoint.name, "Gọi lại cho anh An")
        self.assertIn("Anh An quan tâm", touchpoint.note)
        self.assertFalse(activity.exists())

    def test_call_activity_done_without_outcome_asks(self):
        activity = self.schedule_call(self.lead)
        with self.assertRaises(UserError) as error:
            activity.action_feedback()
        self.assertIn("Gọi lại cho anh An", error.exception.name)
        self.assertTrue(activity.exists())
        self.assertFalse(self.lead.touchpoint_ids)

    def test_other_activities_create_no_call(self):
        activity = self.schedule_call(self.lead)
        activity.activity_type_id = self.env.ref("mail.mail_activity_data_todo")
        self.assertFalse(activity.b2b_is_lead_call)
        activity.action_feedback()
        self.assertFalse(self.lead.touchpoint_ids)

    def test_log_call_wizard(self):
        wizard = self.env["b2b.log.call.wizard"].sudo(self.salesman).create({
            "lead_id": self.lead.id, "partner_id": self.contact.id,
            "date": DATE, "call_outcome": "no_answer",
        })
        wizard.action_log()
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(
            (touchpoint.kind, touchpoint.call_outcome, touchpoint.date,
             touchpoint.partner_id, touchpoint.commercial_partner_id),
            ("call", "no_answer", DATE, self.contact, self.customer),
        )
        self.assertIn("No answer", self.lead.message_ids[0].body)

    def test_meeting_follows_the_event(self):
        event = self.create_meeting(self.lead)
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(len(touchpoint), 1)
        self.assertEqual(
            (touchpoint.kind, touchpoint.meeting_state, touchpoint.date,
             touchpoint.calendar_event_id, touchpoint.user_id),
            ("meeting", "planned", "2026-03-05 02:00:00", event, self.salesman),
        )
        event.sudo(self.salesman).write({
            "start": "2026-03-06 02:00:00", "stop": "2026-03-06 03:00:00",
            "start_datetime": "2026-03-06 02:00:00",
            "stop_datetime": "2026-03-06 03:00:00",
        })
        self.assertEqual(touchpoint.date, "2026-03-06 02:00:00")
        event.sudo(self.salesman).write({"active": False})
        self.assertEqual(touchpoint.meeting_state, "cancelled")
        event.sudo(self.salesman).write({"active": True})
        self.assertEqual(touchpoint.meeting_state, "planned")
        event.sudo(self.salesman).unlink()
        self.assertEqual(touchpoint.meeting_state, "cancelled")
        self.assertFalse(touchpoint.calendar_event_id)

    def test_meeting_activity_done_marks_held(self):
        event = self.create_meeting(self.lead)
        activity = event.activity_ids
        self.assertEqual(len(activity), 1)
        activity.sudo(self.salesman).action_feedback("Đã demo")
        self.assertEqual(self.lead.touchpoint_ids.meeting_state, "held")

    def test_event_without_opportunity_has_no_touchpoint(self):
        event = self.env["calendar.event"].sudo(self.salesman).create({
            "name": "Họp nội bộ", "start": DATE, "stop": "2026-03-02 10:00:00",
            "duration": 1.0,
        })
        self.assertFalse(event.b2b_touchpoint_ids)

    def test_is_new_partner_only_on_first_meeting_with_company(self):
        other_lead = self.create_lead("Minh Phát - Mở rộng", partner=self.contact)
        second = self.add_touchpoint(other_lead, "meeting", date="2026-03-09 09:00:00")
        self.assertTrue(second.is_new_partner)
        first = self.add_touchpoint(self.lead, "meeting", date=DATE)
        call = self.add_touchpoint(self.lead, "call", date="2026-03-01 09:00:00",
                                   call_outcome="talked")
        self.assertEqual(
            (first.is_new_partner, second.is_new_partner, call.is_new_partner),
            (True, False, False),
        )
        self.assertEqual(second.commercial_partner_id, self.customer)
        first.action_cancel_meeting()
        self.assertEqual((first.is_new_partner, second.is_new_partner), (False, True))
        other_customer = self.env["res.partner"].create(
            {"name": "Công ty CP Sao Việt", "is_company": True})
        third = self.add_touchpoint(
            self.create_lead("Sao Việt", partner=other_customer), "meeting",
            date="2026-03-10 09:00:00")
        self.assertTrue(third.is_new_partner)
        second.unlink()
        self.assertFalse(first.is_new_partner)

    def test_email_from_chatter(self):
        lead = self.lead.sudo(self.salesman)
        message = lead.message_post(
            body="Kính gửi anh An, em gửi anh tài liệu giới thiệu.",
            subject="Giới thiệu giải pháp", message_type="comment",
            subtype="mail.mt_comment",
        )
        touchpoint = self.lead.touchpoint_ids
        self.assertEqual(len(touchpoint), 1)
        self.assertEqual(
            (touchpoint.kind, touchpoint.mail_message_id, touchpoint.user_id,
             touchpoint.name),
            ("email", message, self.salesman, "Giới thiệu giải pháp"),
        )

    def test_notes_and_incoming_mail_are_not_emails_sent(self):
        lead = self.lead.sudo(self.salesman)
        lead.message_post(body="Ghi chú nội bộ", message_type="comment",
                          subtype="mail.mt_note")
        lead.message_post(body="Khách trả lời", message_type="email",
                          subtype="mail.mt_comment")
        self.assertFalse(self.lead.touchpoint_ids)

    def test_add_contact_to_committee(self):
        wizard = self.env["b2b.stakeholder.contact.wizard"].sudo(self.salesman).create({
            "lead_id": self.lead.id, "name": "Trần Thị Bình",
            "function": "Kế toán trưởng", "email": "binh@minhphat.example.com",
            "role_ids": [(6, 0, self.role_payer.ids)], "attitude": "supporter",
        })
        wizard.action_add()
        member = self.lead.stakeholder_ids
        self.assertEqual(len(member), 1)
        self.assertEqual(member.partner_id.name, "Trần Thị Bình")
        self.assertEqual(member.partner_id.parent_id, self.customer)
        self.assertEqual((member.role_ids, member.attitude),
                         (self.role_payer, "supporter"))
        self.assertEqual(self.lead.b2b_role_coverage, "1/5")
        self.assertEqual(self.lead.b2b_role_covered_ids, self.role_payer)
        self.assertNotIn(self.role_payer, self.lead.b2b_role_missing_ids)
        self.assertIn(self.role_decision_maker, self.lead.b2b_role_missing_ids)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.add_stakeholder(self.lead, member.partner_id, self.role_user)

    def test_meeting_state_only_on_meetings(self):
        call = self.add_touchpoint(self.lead, "call", call_outcome="answered")
        with self.assertRaises(UserError):
            call.action_mark_held()
        self.assertFalse(call.meeting_state)
        meeting = self.add_touchpoint(self.lead, "meeting")
        self.assertEqual(meeting.meeting_state, "planned")
        meeting.sudo(self.salesman).action_mark_held()
        self.assertEqual(meeting.meeting_state, "held")
