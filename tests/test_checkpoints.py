# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stage checkpoints: held on every road a lead moves forward by, for every
user; moving back is free; the refusal names what is missing and how to meet
it; forcing is a sales manager's logged step; the facts cannot be forged."""

from datetime import datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import html2plaintext, mute_logger

from .common import B2bPipelineCase

HOW_MANUAL = "tick it in the Checkpoints tab of the opportunity"
HOW_REVENUE = 'fill in "Expected Revenue" on the opportunity'
HOW_QUOTATION = (
    "create a quotation with the New Quotation button, then send it by email or "
    "confirm it"
)
FOOTER = "Complete them, or ask a sales manager to force the move with a reason."


@tagged("post_install", "-at_install")
class TestCheckpoints(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The guard itself, on every road, is tested here on manual
        # checkpoints: the stage data's checkpoints proven by touchpoints
        # and by the buying committee are ticked by hand in this class, and
        # tested with their own facts in test_checkpoint_kinds.py.
        cls.env["b2b.checkpoint"].search(
            [("kind", "in", ("touchpoint", "stakeholder"))]
        ).write({"kind": "manual"})
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý kho")

    def move(self, lead, stage, user=None):
        return lead.with_user(user or self.salesman).write({"stage_id": stage.id})

    def assertRefused(self, step, *pieces):
        """``step`` raises a UserError holding each of ``pieces``; returns the
        message."""
        with self.assertRaises(UserError) as error:
            step()
        message = str(error.exception)
        for piece in pieces:
            self.assertIn(piece, message)
        return message

    @staticmethod
    def line(checkpoint, how=HOW_MANUAL):
        return '- %s (stage "%s"): %s' % (
            checkpoint.name,
            checkpoint.stage_id.name,
            how,
        )

    # ------------------------------------------------------------------
    # The roads
    # ------------------------------------------------------------------

    def test_write_forward_names_lead_checkpoint_stage_and_how(self):
        message = self.assertRefused(
            lambda: self.move(self.lead, self.stage_email),
            "These opportunities cannot move forward: checkpoints are not met.",
            '"Minh Phát - Phần mềm quản lý kho", to the stage "Email Sent":',
            '- A call answered (stage "Contact"): ' + HOW_MANUAL,
            FOOTER,
        )
        self.assertNotIn("An email sent", message)
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        self.tick(self.lead, self.cp_call)
        self.move(self.lead, self.stage_email)
        self.assertEqual(self.lead.stage_id, self.stage_email)

    def test_skipping_stages_needs_all_their_checkpoints(self):
        self.tick(self.lead, self.cp_call)
        message = self.assertRefused(
            lambda: self.move(self.lead, self.stage_demo),
            self.line(self.cp_email),
            self.line(self.cp_meeting_planned),
        )
        self.assertNotIn("A call answered", message)
        self.assertNotIn("A meeting held", message, "the target's own: not yet")
        self.tick(self.lead, self.cp_email, self.cp_meeting_planned)
        self.move(self.lead, self.stage_demo)
        self.assertEqual(self.lead.stage_id, self.stage_demo)

    def test_moving_back_is_free(self):
        lead = self.create_lead("Lùi lại", stage=self.stage_closing)
        self.move(lead, self.stage_email)
        self.assertEqual(lead.stage_id, self.stage_email)
        self.move(lead, self.stage_contact)
        self.assertEqual(lead.stage_id, self.stage_contact)

    def test_optional_checkpoints_never_block(self):
        lead = self.create_lead("Dùng thử", stage=self.stage_nurture)
        message = self.assertRefused(
            lambda: self.move(lead, self.stage_closing), self.line(self.cp_payer)
        )
        self.assertNotIn("A trial run", message)
        self.tick(lead, self.cp_payer)
        self.move(lead, self.stage_closing)
        self.assertEqual(lead.stage_id, self.stage_closing)
        self.assertFalse(
            lead.b2b_checkpoint_tick_ids.filtered(
                lambda tick: tick.checkpoint_id == self.cp_trial
            )
        )

    def test_field_checkpoint_and_facts_written_with_the_move(self):
        lead = self.create_lead("Chốt đơn", stage=self.stage_closing)
        self.tick(lead, self.cp_terms)
        message = self.assertRefused(
            lambda: self.move(lead, self.stage_quotation),
            self.line(self.cp_revenue, HOW_REVENUE),
        )
        self.assertNotIn("Terms agreed", message)
        # The form saves the revenue and the stage in one write: it counts.
        lead.with_user(self.salesman).write(
            {"expected_revenue": 180000000, "stage_id": self.stage_quotation.id}
        )
        self.assertEqual(lead.stage_id, self.stage_quotation)

    def test_quotation_checkpoint(self):
        lead = self.create_lead("Báo giá", stage=self.stage_quotation)
        order = self.send_quotation(lead, state="draft")
        self.assertRefused(
            lambda: lead.with_user(self.salesman).action_set_won(),
            '"Báo giá", to the stage "Contract":',
            self.line(self.cp_quotation, HOW_QUOTATION),
        )
        order.state = "sent"
        self.sign_contract(lead)
        lead.with_user(self.salesman).action_set_won()
        self.assertEqual(lead.stage_id, self.stage_won)
        self.assertEqual(lead.won_status, "won")
        # A confirmed quotation counts too.
        other = self.create_lead("Đơn hàng", stage=self.stage_quotation)
        self.send_quotation(other, state="sale")
        self.sign_contract(other)
        self.move(other, self.stage_won)
        self.assertEqual(other.stage_id, self.stage_won)

    def test_create_at_a_late_stage_enters_from_the_start(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        base = {"name": "Vào muộn", "type": "opportunity"}
        base["team_id"] = self.team_b2b.id
        vals = dict(base, stage_id=self.stage_booked.id)
        self.assertRefused(
            lambda: Lead.create(vals),
            '"Vào muộn", to the stage "Meeting Booked":',
            self.line(self.cp_call),
            self.line(self.cp_email),
        )
        # The kanban's quick create in a column: the stage comes as a default.
        self.assertRefused(
            lambda: Lead.with_context(default_stage_id=self.stage_email.id).create(
                base
            ),
            self.line(self.cp_call),
        )
        # Straight to won.
        self.assertRefused(
            lambda: Lead.create(dict(vals, stage_id=self.stage_won.id)),
            self.line(self.cp_quotation, HOW_QUOTATION),
        )
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "Vào muộn")]))
        # With its facts given along, the new lead may enter late.
        lead = Lead.create(
            dict(
                vals,
                stage_id=self.stage_email.id,
                b2b_checkpoint_tick_ids=[(0, 0, {"checkpoint_id": self.cp_call.id})],
            )
        )
        self.assertEqual(lead.stage_id, self.stage_email)

    def test_copy_restarts_at_the_first_stage(self):
        lead = self.create_lead("Bản gốc", stage=self.stage_closing)
        self.meet_stages(lead, self.stage_contact, self.stage_email)
        copy = lead.with_user(self.salesman).copy()
        self.assertEqual(copy.stage_id, self.stage_contact)
        self.assertFalse(copy.b2b_checkpoint_tick_ids, "facts are not copied")
        self.assertRefused(
            lambda: lead.with_user(self.salesman).copy(
                {"name": "Bản sao", "stage_id": self.stage_email.id}
            ),
            '"Bản sao", to the stage "Email Sent":',
            self.line(self.cp_call),
        )

    def test_import_goes_through_the_same_rule(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        result = Lead.load(
            ["name", "type", "team_id/.id", "stage_id/.id"],
            [
                [
                    "Nhập khẩu",
                    "opportunity",
                    str(self.team_b2b.id),
                    str(self.stage_email.id),
                ]
            ],
        )
        self.assertFalse(result["ids"])
        self.assertIn(self.line(self.cp_call), result["messages"][0]["message"])
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "Nhập khẩu")]))
        # An import updating an existing opportunity.
        result = Lead.load(
            [".id", "stage_id/.id"], [[str(self.lead.id), str(self.stage_email.id)]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(self.line(self.cp_call), result["messages"][0]["message"])
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_merge_checks_the_merged_stage(self):
        # crm keeps the most advanced opportunity as the head and takes the
        # first stage set: a head without a stage takes the tail's.
        head = self.create_lead("Cơ hội chính")
        head.with_user(self.salesman).write({"stage_id": False})
        tail = self.create_lead("Đầu mối", stage=self.stage_nurture, type="lead")
        message = self.assertRefused(
            lambda: (head | tail).with_user(self.salesman).merge_opportunity(),
            '"Cơ hội chính", to the stage "Nurture & Trial":',
            self.line(self.cp_call),
            self.line(self.cp_decision_maker),
        )
        self.assertNotIn("The payer identified", message)
        self.assertTrue(tail.exists())
        self.assertFalse(head.stage_id)
        # The tail's ticks are facts of the merged opportunity.
        self.meet_stages(
            tail,
            self.stage_contact,
            self.stage_email,
            self.stage_booked,
            self.stage_demo,
        )
        merged = (head | tail).with_user(self.salesman).merge_opportunity()
        self.assertEqual(merged, head)
        self.assertFalse(tail.exists())
        self.assertEqual(head.stage_id, self.stage_nurture)
        self.assertEqual(len(head.b2b_checkpoint_tick_ids), 6)

    def test_set_won_needs_every_earlier_stage(self):
        message = self.assertRefused(
            lambda: self.lead.with_user(self.salesman).action_set_won_rainbowman(),
            '"Minh Phát - Phần mềm quản lý kho", to the stage "Contract":',
            self.line(self.cp_call),
            self.line(self.cp_payer),
            self.line(self.cp_revenue, HOW_REVENUE),
            self.line(self.cp_quotation, HOW_QUOTATION),
        )
        self.assertEqual(message.count("\n- "), 11)
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        self.assertNotEqual(self.lead.won_status, "won")
        self.meet_stages(self.lead, *self.required)
        self.lead.with_user(self.salesman).action_set_won()
        self.assertEqual(self.lead.stage_id, self.stage_won)
        self.assertEqual(self.lead.won_status, "won")

    def test_stage_cleared_then_set_back_enters_from_the_start(self):
        lead = self.create_lead("Xóa giai đoạn", stage=self.stage_email)
        lead.with_user(self.salesman).write({"stage_id": False})
        self.assertFalse(lead.stage_id)
        self.assertRefused(
            lambda: self.move(lead, self.stage_email), self.line(self.cp_call)
        )
        self.move(lead, self.stage_contact)
        self.assertEqual(lead.stage_id, self.stage_contact)

    def test_team_switch_enters_the_other_pipeline_from_its_start(self):
        lead = self.create_lead(
            "Từ bán lẻ", user=self.salesman_other, team=self.team_other
        )
        self.assertFalse(lead.stage_id.b2b_pipeline)
        self.assertRefused(
            lambda: lead.with_user(self.sales_manager).write(
                {"team_id": self.team_b2b.id, "stage_id": self.stage_closing.id}
            ),
            '"Từ bán lẻ", to the stage "Closing":',
            self.line(self.cp_call),
            self.line(self.cp_payer),
        )
        self.assertEqual(lead.team_id, self.team_other)
        # And back: a lead forced to Closing, sent to the other team, comes
        # back at Closing from the start of the B2B pipeline.
        lead = self.create_lead("Đi rồi về", stage=self.stage_closing)
        lead.with_user(self.sales_manager).team_id = self.team_other
        self.assertFalse(lead.stage_id.b2b_pipeline)
        self.assertRefused(
            lambda: lead.with_user(self.sales_manager).write(
                {"team_id": self.team_b2b.id, "stage_id": self.stage_closing.id}
            ),
            self.line(self.cp_call),
        )
        self.meet_stages(lead, *list(self.required)[:5])
        lead.with_user(self.sales_manager).write(
            {"team_id": self.team_b2b.id, "stage_id": self.stage_closing.id}
        )
        self.assertEqual(lead.stage_id, self.stage_closing)

    def test_form_stage_change_as_salesperson(self):
        form = Form(self.lead.with_user(self.salesman), view="crm.crm_lead_view_form")
        form.stage_id = self.stage_email
        with self.assertRaises(UserError):
            form.save()
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        form = Form(self.lead.with_user(self.salesman), view="crm.crm_lead_view_form")
        with form.b2b_checkpoint_tick_ids.new() as tick:
            tick.checkpoint_id = self.cp_call
            tick.note = "Anh An nghe máy"
        form.stage_id = self.stage_email
        form.save()
        self.assertEqual(self.lead.stage_id, self.stage_email)
        self.assertEqual(self.lead.b2b_checkpoint_tick_ids.user_id, self.salesman)

    # ------------------------------------------------------------------
    # No one and nothing switches the rule off
    # ------------------------------------------------------------------

    def test_refused_to_every_user(self):
        admin = self.env.ref("base.user_admin")
        for lead in (
            self.lead.with_user(self.sales_manager),
            self.lead.with_user(admin),
            self.lead.sudo(),
            self.lead,
        ):
            self.assertRefused(
                lambda lead=lead: lead.write({"stage_id": self.stage_email.id}),
                self.line(self.cp_call),
            )
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_a_context_key_sent_by_the_caller_does_not_bypass(self):
        for value in (True, 1, "1", "b2b_force_stage"):
            Lead = (
                self.env["crm.lead"]
                .with_user(self.sales_manager)
                .with_context(b2b_force_stage=value)
            )
            self.assertRefused(
                lambda Lead=Lead: Lead.browse(self.lead.id).write(
                    {"stage_id": self.stage_email.id}
                ),
                self.line(self.cp_call),
            )
            self.assertRefused(
                lambda Lead=Lead: Lead.create(
                    {
                        "name": "Ngữ cảnh",
                        "type": "opportunity",
                        "team_id": self.team_b2b.id,
                        "stage_id": self.stage_email.id,
                    }
                ),
                self.line(self.cp_call),
            )
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    # ------------------------------------------------------------------
    # The sales manager's override
    # ------------------------------------------------------------------

    def test_force_stage_logs_a_note(self):
        Lead = self.lead.with_user(self.sales_manager)
        self.assertIs(
            Lead.force_stage(
                self.stage_booked.id, "  Khách hàng cũ, đã gặp trực tiếp "
            ),
            True,
        )
        self.assertEqual(self.lead.stage_id, self.stage_booked)
        note = self.lead.message_ids[0]
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(note.author_id, self.sales_manager.partner_id)
        text = html2plaintext(note.body)
        self.assertIn('Stage forced to "Meeting Booked" by Phạm Thị Dung.', text)
        self.assertIn("Reason:* Khách hàng cũ, đã gặp trực tiếp\n", text)
        self.assertIn("Checkpoints skipped:", text)
        self.assertIn("A call answered (Contact)", text)
        self.assertIn("An email sent (Email Sent)", text)
        self.assertNotIn("A meeting planned", text)

    def test_force_stage_refused_to_a_salesperson(self):
        with self.assertRaises(AccessError) as error:
            self.lead.with_user(self.salesman).force_stage(self.stage_email.id, "Vội")
        self.assertEqual(
            str(error.exception),
            "Only a sales manager can force an opportunity past its checkpoints.",
        )
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_force_stage_needs_a_reason(self):
        Lead = self.lead.with_user(self.sales_manager)
        for reason in ("", "   ", None, False, 42):
            with self.assertRaises(UserError) as error:
                Lead.force_stage(self.stage_email.id, reason)
            self.assertEqual(
                str(error.exception), "Give the reason for forcing the stage."
            )
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_force_stage_refuses_a_bad_stage(self):
        Lead = self.lead.with_user(self.sales_manager)
        missing = self.env["crm.stage"].search([], order="id desc", limit=1).id + 1000
        for stage_id, message in (
            ("3", "Give the stage to move to by its id, a whole number."),
            (None, "Give the stage to move to by its id, a whole number."),
            (True, "Give the stage to move to by its id, a whole number."),
            (2.5, "Give the stage to move to by its id, a whole number."),
            (
                [self.stage_email.id],
                "Give the stage to move to by its id, a whole number.",
            ),
            (0, "The stage to move to does not exist."),
            (-1, "The stage to move to does not exist."),
            (2**40, "The stage to move to does not exist."),
            (missing, "The stage to move to does not exist."),
        ):
            with self.assertRaises(UserError) as error:
                Lead.force_stage(stage_id, "Lý do")
            self.assertEqual(str(error.exception), message)
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_force_wizard(self):
        lead2 = self.create_lead("Thứ hai")
        Wizard = self.env["b2b.stage.force.wizard"]
        with self.assertRaises(AccessError):
            Wizard.with_user(self.salesman).create(
                {
                    "lead_ids": [(6, 0, self.lead.ids)],
                    "stage_id": self.stage_email.id,
                    "reason": "Gọi qua Zalo",
                }
            )
        action = (self.lead | lead2).with_user(self.sales_manager).action_force_stage()
        form = Form(
            Wizard.with_user(self.sales_manager).with_context(action["context"])
        )
        form.stage_id = self.stage_email
        form.reason = "Gọi qua Zalo"
        form.save().action_force()
        self.assertEqual((self.lead | lead2).stage_id, self.stage_email)
        self.assertIn("Gọi qua Zalo", lead2.message_ids[0].body)

    # ------------------------------------------------------------------
    # The checkpoints, their checklist and their ticks
    # ------------------------------------------------------------------

    def test_checklist_of_the_current_stage(self):
        lead = self.create_lead("Danh sách", stage=self.stage_nurture)
        self.assertEqual(
            (lead.b2b_checkpoint_met_count, lead.b2b_checkpoint_count), (0, 2)
        )
        self.assertIn("A trial run", lead.b2b_checklist)
        self.assertIn("<em>(optional)</em>", lead.b2b_checklist)
        self.assertNotIn("text-success", lead.b2b_checklist)
        self.tick(lead, self.cp_payer)
        lead.invalidate_recordset()
        self.assertEqual(
            (lead.b2b_checkpoint_met_count, lead.b2b_checkpoint_count), (1, 2)
        )
        self.assertIn('<li class="text-success" title="', lead.b2b_checklist)
        self.assertEqual(lead.b2b_stage_guidance, self.stage_nurture.b2b_guidance)

    def test_checkpoint_of_another_company_does_not_apply(self):
        company = self.env.company
        self.lead.company_id = company
        other = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        checkpoint = self.env["b2b.checkpoint"].create(
            {
                "name": "Hồ sơ pháp lý",
                "stage_id": self.stage_contact.id,
                "kind": "manual",
                "company_id": other.id,
            }
        )
        self.tick(self.lead, self.cp_call)
        self.move(self.lead, self.stage_email)
        self.assertEqual(self.lead.stage_id, self.stage_email)
        self.move(self.lead, self.stage_contact)
        checkpoint.company_id = company
        self.assertRefused(
            lambda: self.move(self.lead, self.stage_email), self.line(checkpoint)
        )

    def test_archived_checkpoints_do_not_apply(self):
        self.cp_call.active = False
        self.move(self.lead, self.stage_email)
        self.assertEqual(self.lead.stage_id, self.stage_email)

    def test_tick_facts_are_set_by_the_server(self):
        with freeze_time("2026-03-02 09:00:00"):
            tick = (
                self.env["b2b.checkpoint.tick"]
                .with_user(self.salesman)
                .create(
                    {
                        "lead_id": self.lead.id,
                        "checkpoint_id": self.cp_call.id,
                        "user_id": self.sales_manager.id,
                        "date": "2020-01-01 00:00:00",
                    }
                )
            )
        self.assertEqual(tick.user_id, self.salesman)
        self.assertEqual(tick.date, datetime(2026, 3, 2, 9, 0, 0))
        Tick = tick.with_user(self.salesman)
        other_lead = self.create_lead("Khác")
        for vals in (
            {"user_id": self.sales_manager.id},
            {"date": "2020-01-01 00:00:00"},
            {"lead_id": other_lead.id},
            {"checkpoint_id": self.cp_email.id},
        ):
            with self.assertRaises(UserError) as error:
                Tick.write(vals)
            self.assertEqual(
                str(error.exception),
                "A tick records who ticked what and when: remove it and tick again "
                "instead of changing it.",
            )
        # Written again unchanged (a form saving every field): accepted.
        Tick.write({"user_id": self.salesman.id, "note": "Anh An nghe máy"})
        self.assertEqual(
            (tick.user_id, tick.date, tick.lead_id, tick.note),
            (
                self.salesman,
                datetime(2026, 3, 2, 9, 0, 0),
                self.lead,
                "Anh An nghe máy",
            ),
        )

    def test_only_manual_checkpoints_are_ticked_once(self):
        with self.assertRaises(ValidationError) as error:
            self.tick(self.lead, self.cp_revenue)
        self.assertEqual(
            str(error.exception),
            'Only a manual checkpoint can be ticked; "The expected revenue estimated" '
            "is checked from the opportunity's records.",
        )
        self.tick(self.lead, self.cp_call)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.tick(self.lead, self.cp_call)
            self.env.flush_all()

    def test_a_salesperson_ticks_only_their_own_opportunities(self):
        lead = self.create_lead("Của người khác", user=self.salesman_other)
        with self.assertRaises(AccessError):
            self.tick(lead, self.cp_call)
        self.assertFalse(lead.b2b_checkpoint_tick_ids)

    def test_field_checkpoint_needs_a_stored_field_of_the_opportunity(self):
        Checkpoint = self.env["b2b.checkpoint"].with_user(self.sales_manager)
        Fields = self.env["ir.model.fields"]
        for field in (
            Fields,
            Fields._get("crm.lead", "b2b_checkpoint_count"),
            Fields._get("res.partner", "name"),
        ):
            with self.assertRaises(ValidationError) as error:
                Checkpoint.create(
                    {
                        "name": "Ngân sách",
                        "stage_id": self.stage_closing.id,
                        "kind": "field",
                        "field_id": field.id,
                    }
                )
            self.assertEqual(
                str(error.exception),
                'Checkpoint "Ngân sách": choose a stored field of the opportunity.',
            )
        with self.assertRaises(AccessError):
            self.env["b2b.checkpoint"].with_user(self.salesman).create(
                {"name": "Ngân sách", "stage_id": self.stage_closing.id}
            )

    def test_messages_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"], overwrite=True
        )
        lead = self.lead.with_user(self.salesman).with_context(lang="vi_VN")
        message = self.assertRefused(
            lambda: lead.write({"stage_id": self.stage_email.id}),
            '- Một cuộc gọi có nghe máy (giai đoạn "Liên hệ"): ',
            'sang giai đoạn "Gửi mail":',
        )
        self.assertNotIn("cannot move forward", message)

    # ------------------------------------------------------------------
    # The cost does not grow with the number of leads
    # ------------------------------------------------------------------

    def leads_at_contact(self, count, ticked=True):
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": "Hàng loạt %s" % index,
                    "type": "opportunity",
                    "partner_id": self.customer.id,
                    "user_id": self.salesman.id,
                    "team_id": self.team_b2b.id,
                    "expected_revenue": 1000 * index,
                }
                for index in range(count)
            ]
        )
        if ticked:
            self.env["b2b.checkpoint.tick"].create(
                [
                    {"lead_id": lead.id, "checkpoint_id": self.cp_call.id}
                    for lead in leads
                ]
            )
        return leads

    def count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_query_count_of_the_guard(self):
        """Checking a move costs the same for 5 and 50 leads."""
        warmup, five, fifty = (self.leads_at_contact(n) for n in (2, 5, 50))

        def check(leads):
            leads = leads.with_user(self.salesman)
            origins = {lead.id: lead.stage_id for lead in leads}
            leads.invalidate_recordset()
            self.env.cr.execute(
                "UPDATE crm_lead SET stage_id = %s WHERE id IN %s",
                (self.stage_quotation.id, tuple(leads.ids)),
            )
            return lambda: self.assertEqual(
                len(leads._get_unmet_checkpoints(origins)), len(leads)
            )

        self.count_queries(check(warmup))
        count_5 = self.count_queries(check(five))
        count_50 = self.count_queries(check(fifty))
        self.assertEqual(count_5, count_50)
        # Measured: the stages, the checkpoints and their fields, one query
        # per kind of checkpoint (field, manual), the leads.
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            fifty.with_user(self.salesman)._get_unmet_checkpoints(
                {lead.id: self.stage_contact for lead in fifty}
            )

    def test_query_count_of_a_move(self):
        """Moving 5 or 50 leads forward costs the same number of queries."""
        # The guard alone: the stage's playbook has its own query count
        # (test_stage_playbook.py).
        self.stage_email.b2b_activity_plan_id = False
        warmup, five, fifty = (
            self.leads_at_contact(n)
            .with_user(self.salesman)
            .with_context(tracking_disable=True)
            for n in (2, 5, 50)
        )

        def move(leads):
            return lambda: leads.write({"stage_id": self.stage_email.id})

        self.count_queries(move(warmup))
        count_5 = self.count_queries(move(five))
        count_50 = self.count_queries(move(fifty))
        self.assertEqual(count_5, count_50)
        self.assertEqual((five | fifty).stage_id, self.stage_email)
        # Measured bound of the whole move (crm's write, the savepoint, the
        # guard), without mail tracking, which logs a message per lead.
        back = (
            self.leads_at_contact(50)
            .with_user(self.salesman)
            .with_context(tracking_disable=True)
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(16):
            back.write({"stage_id": self.stage_email.id})

    def test_query_count_of_the_checklist(self):
        warmup, five, fifty = (self.leads_at_contact(n) for n in (2, 5, 50))

        def read(leads):
            return lambda: leads.with_user(self.salesman).read(
                ["b2b_checklist", "b2b_checkpoint_count", "b2b_checkpoint_met_count"]
            )

        self.count_queries(read(warmup))
        count_5 = self.count_queries(read(five))
        self.assertEqual(count_5, self.count_queries(read(fifty)))
        self.assertLessEqual(count_5, 4)
        self.assertEqual(set(fifty.mapped("b2b_checkpoint_met_count")), {1})
