# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checkpoint kinds touchpoint and stakeholder: met and unmet, a better
call outcome satisfies a lesser one, a meeting held satisfies a planned one,
their how-to messages and parameters; the stage data's checkpoints hold a
lead until the real facts are recorded, then let it through."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import B2bPipelineCase

HOW_CALL = (
    "log a call with the Log a Call button or mark a call activity done, with the "
    'outcome "Picked up" or better'
)
HOW_EMAIL = "send an email from the opportunity's chatter"
HOW_MEETING_PLANNED = "schedule the meeting with the Meeting button"
HOW_MEETING_HELD = (
    "schedule the meeting with the Meeting button, then mark its activity done (or "
    "the meeting held in the Touchpoints tab) once it took place"
)
HOW_DEMO = 'log a touchpoint "Demo" in the Touchpoints tab of the opportunity'
HOW_DECISION_MAKER = (
    'add a member of the buying committee with the role "Decision Maker" in the '
    "Buying Committee tab"
)


@tagged("post_install", "-at_install")
class TestCheckpointKinds(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý kho")
        cls.Checkpoint = cls.env["b2b.checkpoint"].with_user(cls.sales_manager)

    def met(self, checkpoint, lead=None):
        lead = lead or self.lead
        return lead.id in checkpoint._get_met_lead_ids(lead)[checkpoint.id]

    def checkpoint(self, **values):
        return self.Checkpoint.create(
            dict({"name": "Thử", "stage_id": self.stage_closing.id}, **values)
        )

    def move(self, lead, stage):
        return lead.with_user(self.salesman).write({"stage_id": stage.id})

    # ------------------------------------------------------------------
    # Touchpoint
    # ------------------------------------------------------------------

    def test_call_outcome_at_least(self):
        self.assertEqual(
            (self.cp_call.kind, self.cp_call.touchpoint_kind, self.cp_call.call_outcome),
            ("touchpoint", "call", "answered"),
        )
        talked = self.checkpoint(
            kind="touchpoint", touchpoint_kind="call", call_outcome="talked"
        )
        any_call = self.checkpoint(kind="touchpoint", touchpoint_kind="call")
        self.assertFalse(self.met(any_call))
        self.log_touchpoint(self.lead, "call", call_outcome="no_answer")
        self.assertEqual(
            (self.met(any_call), self.met(self.cp_call), self.met(talked)),
            (True, False, False),
        )
        self.log_touchpoint(self.lead, "call", call_outcome="answered")
        self.assertEqual((self.met(self.cp_call), self.met(talked)), (True, False))
        lead2 = self.create_lead("Nói chuyện")
        self.log_touchpoint(lead2, "call", call_outcome="talked")
        self.assertEqual((self.met(self.cp_call, lead2), self.met(talked, lead2)), (True, True))

    def test_other_kinds_do_not_count(self):
        self.log_touchpoint(self.lead, "demo")
        self.log_touchpoint(self.lead, "other")
        self.send_email(self.lead)
        self.assertFalse(self.met(self.cp_call))
        self.assertFalse(self.met(self.cp_trial))
        self.assertTrue(self.met(self.cp_demo))
        self.assertTrue(self.met(self.cp_email))

    def test_meeting_held_satisfies_planned(self):
        self.assertFalse(self.met(self.cp_meeting_planned))
        event = self.schedule_meeting(self.lead)
        self.assertEqual(
            (self.met(self.cp_meeting_planned), self.met(self.cp_meeting_held)),
            (True, False),
        )
        self.hold_meeting(event)
        self.assertEqual(
            (self.met(self.cp_meeting_planned), self.met(self.cp_meeting_held)),
            (True, True),
        )
        any_meeting = self.checkpoint(kind="touchpoint", touchpoint_kind="meeting")
        self.assertTrue(self.met(any_meeting))

    def test_cancelled_meeting_satisfies_nothing(self):
        any_meeting = self.checkpoint(kind="touchpoint", touchpoint_kind="meeting")
        event = self.schedule_meeting(self.lead)
        event.with_user(self.salesman).action_archive()
        self.assertEqual(
            (
                self.met(self.cp_meeting_planned),
                self.met(self.cp_meeting_held),
                self.met(any_meeting),
            ),
            (False, False, False),
        )

    def test_touchpoint_checkpoint_parameters(self):
        for values, message in (
            ({}, 'Checkpoint "Thử": choose the kind of touchpoint.'),
            (
                {"touchpoint_kind": "email", "call_outcome": "answered"},
                'Checkpoint "Thử": only a call has an outcome.',
            ),
            (
                {"touchpoint_kind": "demo", "meeting_state": "held"},
                'Checkpoint "Thử": only a meeting is planned or held.',
            ),
        ):
            with self.assertRaises(ValidationError) as error:
                self.checkpoint(kind="touchpoint", **values)
            self.assertEqual(str(error.exception), message)
        with self.assertRaises(ValidationError):
            self.cp_email.touchpoint_kind = False

    def test_how_to_meet_touchpoints(self):
        self.assertEqual(self.cp_call._get_how_to_meet(), HOW_CALL)
        self.assertEqual(self.cp_email._get_how_to_meet(), HOW_EMAIL)
        self.assertEqual(self.cp_meeting_planned._get_how_to_meet(), HOW_MEETING_PLANNED)
        self.assertEqual(self.cp_meeting_held._get_how_to_meet(), HOW_MEETING_HELD)
        self.assertEqual(self.cp_demo._get_how_to_meet(), HOW_DEMO)
        self.assertEqual(
            self.checkpoint(kind="touchpoint", touchpoint_kind="call")._get_how_to_meet(),
            "log a call with the Log a Call button or mark a call activity done",
        )

    # ------------------------------------------------------------------
    # Stakeholder
    # ------------------------------------------------------------------

    def test_stakeholder_with_the_role(self):
        self.assertEqual(
            (self.cp_decision_maker.kind, self.cp_decision_maker.role_id),
            ("stakeholder", self.role_decision_maker),
        )
        self.add_stakeholder(self.lead, self.contact_an, self.role_user)
        self.assertFalse(self.met(self.cp_decision_maker))
        self.add_stakeholder(self.lead, self.contact_an, self.role_decision_maker)
        self.assertTrue(self.met(self.cp_decision_maker))
        self.assertFalse(self.met(self.cp_payer))
        self.add_stakeholder(self.lead, self.contact_hoa, self.role_payer)
        self.assertTrue(self.met(self.cp_payer))
        # Another lead's committee does not count.
        self.assertFalse(self.met(self.cp_payer, self.create_lead("Khác")))

    def test_stakeholder_checkpoint_needs_a_role(self):
        with self.assertRaises(ValidationError) as error:
            self.checkpoint(kind="stakeholder")
        self.assertEqual(
            str(error.exception),
            'Checkpoint "Thử": choose the role of the stakeholder.',
        )
        self.assertEqual(self.cp_decision_maker._get_how_to_meet(), HOW_DECISION_MAKER)

    # ------------------------------------------------------------------
    # The stage data: held until the facts, then through
    # ------------------------------------------------------------------

    def assertRefused(self, lead, stage, *pieces):
        with self.assertRaises(UserError) as error:
            self.move(lead, stage)
        for piece in pieces:
            self.assertIn(piece, str(error.exception))
        self.assertNotEqual(lead.stage_id, stage)

    def test_the_pipeline_through_real_facts(self):
        lead = self.lead
        self.log_touchpoint(lead, "call", call_outcome="no_answer")
        self.assertRefused(
            lead, self.stage_email, '- A call answered (stage "Contact"): ' + HOW_CALL
        )
        self.log_touchpoint(lead, "call", call_outcome="talked")
        self.move(lead, self.stage_email)
        self.assertRefused(
            lead, self.stage_booked, '- An email sent (stage "Email Sent"): ' + HOW_EMAIL
        )
        self.send_email(lead)
        self.move(lead, self.stage_booked)
        self.assertRefused(
            lead,
            self.stage_demo,
            '- A meeting planned (stage "Meeting Booked"): ' + HOW_MEETING_PLANNED,
        )
        event = self.schedule_meeting(lead)
        self.move(lead, self.stage_demo)
        self.log_touchpoint(lead, "demo")
        self.add_stakeholder(lead, self.contact_an, self.role_decision_maker)
        self.assertRefused(
            lead,
            self.stage_nurture,
            '- A meeting held (stage "Meeting & Demo"): ' + HOW_MEETING_HELD,
        )
        self.hold_meeting(event)
        self.move(lead, self.stage_nurture)
        # The trial is optional; the payer is not.
        self.assertRefused(lead, self.stage_closing, "The payer identified")
        self.add_stakeholder(lead, self.contact_hoa, self.role_payer)
        self.move(lead, self.stage_closing)
        self.assertEqual(lead.stage_id, self.stage_closing)

    def test_skipping_stages_names_every_fact_missing(self):
        self.assertRefused(
            self.lead,
            self.stage_closing,
            HOW_CALL,
            HOW_EMAIL,
            HOW_MEETING_PLANNED,
            HOW_MEETING_HELD,
            HOW_DEMO,
            HOW_DECISION_MAKER,
            "The payer identified",
        )
        self.meet_stages(
            self.lead,
            self.stage_contact,
            self.stage_email,
            self.stage_booked,
            self.stage_demo,
            self.stage_nurture,
        )
        self.move(self.lead, self.stage_closing)
        self.assertEqual(self.lead.stage_id, self.stage_closing)

    def test_checklist_shows_the_facts(self):
        lead = self.create_lead("Danh sách", stage=self.stage_demo)
        self.assertEqual((lead.b2b_checkpoint_met_count, lead.b2b_checkpoint_count), (0, 3))
        self.assertIn("The decision maker identified", lead.b2b_checklist)
        self.assertIn("in the Buying Committee tab", lead.b2b_checklist)
        self.add_stakeholder(lead, self.contact_an, self.role_decision_maker)
        self.log_touchpoint(lead, "demo")
        lead.invalidate_recordset()
        self.assertEqual((lead.b2b_checkpoint_met_count, lead.b2b_checkpoint_count), (2, 3))

    def test_one_query_per_kind_whatever_the_number_of_leads(self):
        def leads(count):
            records = self.env["crm.lead"].create(
                [
                    {
                        "name": "Hàng loạt %s" % index,
                        "type": "opportunity",
                        "user_id": self.salesman.id,
                        "team_id": self.team_b2b.id,
                    }
                    for index in range(count)
                ]
            )
            for lead in records:
                self.log_touchpoint(lead, "call", call_outcome="talked")
                self.add_stakeholder(lead, self.contact_an, self.role_decision_maker)
            return records

        five, fifty = leads(5), leads(50)
        touchpoints = self.cp_call | self.cp_email | self.cp_meeting_held
        stakeholders = self.cp_decision_maker | self.cp_payer
        # The checkpoints' parameters read, one query for the facts of all
        # the leads.
        touchpoints.fetch(["touchpoint_kind", "call_outcome", "meeting_state"])
        stakeholders.fetch(["role_id"])
        for records in (five, fifty):
            self.env.flush_all()
            with self.assertQueryCount(1):
                met = touchpoints._get_met_lead_ids_touchpoint(records)
            self.assertEqual(met[self.cp_call.id], set(records.ids))
            self.assertEqual(met[self.cp_email.id], set())
            with self.assertQueryCount(1):
                met = stakeholders._get_met_lead_ids_stakeholder(records)
            self.assertEqual(met[self.cp_decision_maker.id], set(records.ids))
            self.assertEqual(met[self.cp_payer.id], set())

    def test_how_to_meet_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"], overwrite=True
        )
        lead = self.lead.with_user(self.salesman).with_context(lang="vi_VN")
        with self.assertRaises(UserError) as error:
            lead.write({"stage_id": self.stage_email.id})
        self.assertIn(
            '- Một cuộc gọi có nghe máy (giai đoạn "Liên hệ"): ghi cuộc gọi bằng nút '
            "Ghi cuộc gọi hoặc đánh dấu hoàn thành một hoạt động gọi điện, với kết "
            'quả "Nghe máy" hoặc tốt hơn',
            str(error.exception),
        )
