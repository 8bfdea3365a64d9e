# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The stage's playbook: an opportunity entering a B2B stage gets the
activities of the stage's activity plan, once, on every road."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user

from ..models.crm_stage_playbook import PLAYBOOK_WORDS
from .common import B2bPipelineCase

TODAY = "2026-03-02"


class TestStagePlaybook(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.call = ref("mail.mail_activity_data_call")
        cls.todo = ref("mail.mail_activity_data_todo")
        cls.meeting = ref("mail.mail_activity_data_meeting")

    def playbook(self, lead, stage):
        """The activities of ``stage``'s playbook on ``lead``."""
        summaries = stage.b2b_activity_plan_id.template_ids.mapped("summary")
        return lead.activity_ids.filtered(lambda a: a.summary in summaries)

    def new_lead(self, name="Phần mềm kế toán", **values):
        with freeze_time(TODAY):
            return self.create_lead(name, **values)

    def test_every_b2b_stage_has_a_playbook(self):
        for stage in self.pipeline:
            plan = stage.b2b_activity_plan_id
            self.assertEqual(plan.res_model, "crm.lead", stage.name)
            self.assertTrue(plan.template_ids, stage.name)

    def test_every_word_of_the_shipped_playbooks_is_translated(self):
        """A new playbook step shipped in English only would reach a
        Vietnamese salesperson in English: each name and summary of the
        addon's plans is one of the words said in the user's language."""
        data = self.env["ir.model.data"].search(
            [("module", "=", "b2b_sales_delivery"),
             ("model", "in", ("mail.activity.plan", "mail.activity.plan.template"))]
        )
        plans = self.env["mail.activity.plan"].browse(
            data.filtered(lambda d: d.model == "mail.activity.plan").mapped("res_id"))
        templates = self.env["mail.activity.plan.template"].browse(
            data.filtered(lambda d: d.model == "mail.activity.plan.template").mapped("res_id"))
        self.assertGreater(len(templates), 10)
        words = set(plans.mapped("name")) | set(templates.mapped("summary"))
        self.assertFalse(words - set(PLAYBOOK_WORDS), "words left out of PLAYBOOK_WORDS")

    def test_a_vietnamese_salesperson_reads_the_playbook_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"], overwrite=True)
        seller = new_test_user(
            self.env, login="b2b_playbook_vi", groups="sales_team.group_sale_salesman",
            lang="vi_VN", name="Lan")
        self.team_b2b.member_ids |= seller
        with freeze_time(TODAY):
            # the web client sends the user's language
            lead = self.env["crm.lead"].with_user(seller).with_context(lang="vi_VN").create(
                {"name": "Phần mềm kế toán", "type": "opportunity", "partner_id": self.customer.id,
                 "user_id": seller.id, "team_id": self.team_b2b.id})
        self.assertEqual(
            sorted(lead.activity_ids.mapped("summary")),
            ["Gọi liên hệ và ghi lại kết quả", "Tìm hiểu ai là ai ở phía khách hàng"],
        )
        self.assertIn("Kịch bản: Liên hệ", lead.message_ids[0].body)
        # A company's own words are kept as typed.
        self.stage_contact.b2b_activity_plan_id.template_ids[:1].summary = "Gọi điện"
        other = self.new_lead("Phần mềm nhân sự", user=seller)
        self.assertIn("Gọi điện", other.activity_ids.mapped("summary"))

    def test_created_in_a_stage(self):
        lead = self.new_lead()
        self.assertEqual(lead.stage_id, self.stage_contact)
        activities = self.playbook(lead, self.stage_contact)
        self.assertEqual(
            [(a.activity_type_id, a.user_id, a.date_deadline) for a in activities.sorted("date_deadline")],
            [
                (self.call, self.salesman, date(2026, 3, 2)),
                (self.todo, self.salesman, date(2026, 3, 4)),
            ],
        )
        self.assertEqual(lead.b2b_playbook_stage_ids, self.stage_contact)
        self.assertIn("Playbook: Contact", lead.message_ids[0].body)

    def test_forced_move_then_back_then_plain_write_and_form(self):
        with freeze_time(TODAY):
            lead = self.create_lead("Phần mềm kế toán", stage=self.stage_booked)
            self.assertEqual(len(self.playbook(lead, self.stage_booked)), 2)
            # back to Email Sent (a plain write, as the kanban's drag): its
            # playbook has not run yet
            lead.with_user(self.salesman).write({"stage_id": self.stage_email.id})
            self.assertEqual(len(self.playbook(lead, self.stage_email)), 2)
            # back to Contact on the form's status bar: played on creation
            with Form(lead.with_user(self.salesman)) as form:
                form.stage_id = self.stage_contact
            self.assertEqual(len(self.playbook(lead, self.stage_contact)), 2)
            # forward again, forced: nothing twice
            lead.with_user(self.sales_manager).force_stage(self.stage_booked.id, "Gặp lại")
        self.assertEqual(len(self.playbook(lead, self.stage_booked)), 2)
        self.assertEqual(len(self.playbook(lead, self.stage_email)), 2)
        self.assertEqual(
            lead.b2b_playbook_stage_ids,
            self.stage_contact | self.stage_booked | self.stage_email,
        )

    def test_won(self):
        lead = self.new_lead(stage=self.stage_quotation)
        with freeze_time(TODAY):
            lead.with_user(self.sales_manager).force_stage(self.stage_won.id, "Ký rồi")
        activities = self.playbook(lead, self.stage_won)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.salesman)

    def test_refused_move_schedules_nothing(self):
        lead = self.new_lead()
        with self.assertRaises(UserError):
            lead.with_user(self.salesman).write({"stage_id": self.stage_email.id})
        self.assertFalse(self.playbook(lead, self.stage_email))
        self.assertEqual(lead.b2b_playbook_stage_ids, self.stage_contact)

    def test_team_switched_into_the_b2b_pipeline(self):
        lead = self.new_lead(team=self.team_other, user=self.salesman_other)
        self.assertFalse(lead.stage_id.b2b_activity_plan_id)
        self.assertFalse(lead.b2b_playbook_stage_ids)
        with freeze_time(TODAY):
            lead.write({"team_id": self.team_b2b.id})
        self.assertEqual(lead.stage_id, self.stage_contact)
        activities = self.playbook(lead, self.stage_contact)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.salesman_other)

    def test_lead_converted_and_lost_lead_restored(self):
        lead = self.new_lead(type="lead")
        self.assertFalse(lead.activity_ids)
        with freeze_time(TODAY):
            lead.write({"type": "opportunity"})
        self.assertEqual(len(self.playbook(lead, self.stage_contact)), 2)
        other = self.new_lead("Phần mềm nhân sự", active=False)
        self.assertFalse(other.activity_ids)
        with freeze_time(TODAY):
            other.action_unarchive()
        self.assertEqual(len(self.playbook(other, self.stage_contact)), 2)

    def test_nobody_owns_the_lead(self):
        with freeze_time(TODAY):
            lead = self.env["crm.lead"].with_user(self.sales_manager).create(
                {
                    "name": "Khách vãng lai",
                    "type": "opportunity",
                    "team_id": self.team_b2b.id,
                    "user_id": False,
                }
            )
        self.assertEqual(self.playbook(lead, self.stage_contact).user_id, self.sales_manager)

    def test_stage_without_playbook(self):
        self.stage_contact.b2b_activity_plan_id = False
        lead = self.new_lead()
        self.assertFalse(lead.activity_ids)
        self.assertFalse(lead.b2b_playbook_stage_ids)

    def test_query_count_of_a_launch(self):
        """Launching the playbook on 5 or 50 opportunities costs the same
        number of queries."""
        self.stage_contact.b2b_activity_plan_id = False
        warmup, five, fifty = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "name": f"Cơ hội {n}-{i}",
                        "type": "opportunity",
                        "team_id": self.team_b2b.id,
                        "user_id": self.salesman.id,
                    }
                    for i in range(n)
                ]
            )
            for n in (2, 5, 50)
        )

        # created while Contact had no playbook; now it has one
        self.stage_contact.b2b_activity_plan_id = self.env.ref(
            "b2b_sales_delivery.b2b_playbook_contact"
        )
        counts = []
        for leads in (warmup, five, fifty):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            leads.write({"stage_id": self.stage_contact.id})
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        # not per opportunity (45 more opportunities, 90 more activities):
        # at most a cache warmed by the first batch
        self.assertLessEqual(abs(counts[2] - counts[1]), 1, counts)
        self.assertEqual(len(fifty.activity_ids), 100)

    def test_imported_in_a_stage(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        with freeze_time(TODAY):
            result = Lead.load(
                ["name", "type", "team_id/.id", "user_id/.id"],
                [["Nhập từ Excel", "opportunity", str(self.team_b2b.id), str(self.salesman.id)]],
            )
        lead = Lead.browse(result["ids"])
        self.assertEqual(lead.stage_id, self.stage_contact)
        self.assertEqual(len(self.playbook(lead, self.stage_contact)), 2)
        result = Lead.load(
            ["name", "type", "team_id/.id", "b2b_playbook_stage_ids/.id"],
            [["Nhập", "opportunity", str(self.team_b2b.id), str(self.stage_won.id)]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("stage moves only", result["messages"][0]["message"])

    def test_launched_stages_are_recorded_by_the_moves_only(self):
        lead = self.new_lead()
        for records in (
            lead.with_user(self.salesman),
            lead.sudo(),
            lead.with_user(self.salesman).with_context(b2b_playbook_step=True),
        ):
            with self.assertRaisesRegex(UserError, "stage moves only"):
                records.write({"b2b_playbook_stage_ids": [(5,)]})
        with self.assertRaisesRegex(UserError, "stage moves only"):
            self.env["crm.lead"].with_user(self.salesman).create(
                {
                    "name": "X",
                    "type": "opportunity",
                    "team_id": self.team_b2b.id,
                    "b2b_playbook_stage_ids": [(6, 0, self.pipeline.ids)],
                }
            )
        copy = lead.copy()
        self.assertEqual(copy.b2b_playbook_stage_ids, copy.stage_id)
        self.assertEqual(lead.b2b_playbook_stage_ids, self.stage_contact)
