# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buying decision on the opportunity: the committee's goals typed in
the opportunity's form and summed up per level, the criteria, the budget,
the decision date tracked on the chatter; the approval steps, whose answer is
their own step on every road; the checkpoint kind "decision known"."""

import xmlrpc.client
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import B2bPipelineCase

ANSWER_REFUSAL = "The answer to an approval step is recorded with its buttons"
DECISION_FIELDS = ("b2b_decision_criteria", "b2b_budget_status", "b2b_decision_date")
HOW_DECISION = (
    "fill in the Buying Decision tab of the opportunity: the decision criteria, a "
    "budget status other than Unknown, the decision date and at least one approval "
    "step"
)


class DecisionCase(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý nhân sự")
        cls.member_an = cls.add_stakeholder(cls.lead, cls.contact_an, cls.role_decision_maker)
        cls.Step = cls.env["b2b.approval.step"].with_user(cls.salesman)

    @classmethod
    def approval_step(cls, lead=None, **values):
        lead = lead or cls.lead
        return cls.Step.create(dict({"lead_id": lead.id, "name": "Giám đốc duyệt"}, **values))

    @classmethod
    def decide(cls, lead):
        """The whole buying decision known on ``lead``."""
        lead.with_user(cls.salesman).write(
            {
                "b2b_decision_criteria": "Giá, tính năng chấm công",
                "b2b_budget_status": "approved",
                "b2b_decision_date": "2026-04-15",
            }
        )
        return cls.approval_step(lead)


@tagged("post_install", "-at_install")
class TestDecision(DecisionCase):
    def test_goals_typed_on_the_opportunity_and_summed_per_level(self):
        form = Form(self.lead.with_user(self.salesman), view="crm.crm_lead_view_form")
        with form.stakeholder_ids.edit(0) as member:
            member.goal_personal = "Được thăng chức"
            member.goal_company = "Mở chi nhánh thứ hai"
            member.benefit_management = True
        with form.stakeholder_ids.new() as member:
            member.partner_id = self.contact_hoa
            member.goal_department = "Tính lương đúng hạn"
            member.benefit_cost = True
        form.save()
        hoa = self.lead.stakeholder_ids.filtered(lambda m: m.partner_id == self.contact_hoa)
        self.assertEqual((hoa.goal_department, hoa.benefit_cost), ("Tính lương đúng hạn", True))
        self.assertTrue(self.member_an.benefit_management)
        self.assertEqual(
            (
                self.lead.b2b_goal_personal_summary,
                self.lead.b2b_goal_department_summary,
                self.lead.b2b_goal_company_summary,
            ),
            (
                "Nguyễn Văn An: Được thăng chức",
                "Trần Thị Hoa: Tính lương đúng hạn",
                "Nguyễn Văn An: Mở chi nhánh thứ hai",
            ),
        )

    def test_decision_filled_in_the_form_and_tracked(self):
        self.assertEqual(self.lead.b2b_budget_status, "unknown")
        self.assertEqual(
            self.lead.b2b_decision_missing,
            "the decision criteria, the budget status, the decision date, an approval step",
        )
        form = Form(self.lead.with_user(self.salesman), view="crm.crm_lead_view_form")
        form.b2b_decision_criteria = "Đúng luật lao động; có khách hàng cùng ngành"
        form.b2b_budget_status = "planned"
        form.b2b_budget_amount = 250000000
        form.b2b_decision_date = date(2026, 4, 15)
        with form.b2b_approval_step_ids.new() as step:
            step.name = "Kế toán trưởng duyệt chi phí"
            step.stakeholder_id = self.member_an
            step.date = date(2026, 4, 1)
        form.save()
        step = self.lead.b2b_approval_step_ids
        self.assertEqual(
            (step.partner_id, step.state, step.date_decided), (self.contact_an, "pending", False)
        )
        self.assertFalse(self.lead.b2b_decision_missing)
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.lead.message_ids.tracking_value_ids.field_id.mapped("name")
        for name in (
            "b2b_decision_criteria",
            "b2b_budget_status",
            "b2b_budget_amount",
            "b2b_decision_date",
        ):
            self.assertIn(name, tracked)

    def test_approver_of_another_opportunity_refused(self):
        other = self.create_lead("Minh Phát - Kho")
        member = self.add_stakeholder(other, self.contact_hoa, self.role_payer)
        with self.assertRaisesRegex(ValidationError, "member of the buying committee of this"):
            self.approval_step(stakeholder_id=member.id)

    def test_answer_is_its_own_step(self):
        step = self.approval_step(stakeholder_id=self.member_an.id)
        step.with_user(self.salesman).action_approve("2026-04-10")
        self.assertEqual((step.state, step.date_decided), ("approved", date(2026, 4, 10)))
        note = self.lead.message_ids[0]
        self.assertIn("Giám đốc duyệt", note.body)
        self.assertIn("Approved", note.body)
        with self.assertRaisesRegex(UserError, "must be a date written YYYY-MM-DD"):
            step.with_user(self.salesman).action_reject("mai")
        step.with_user(self.salesman).action_reset_pending()
        self.assertEqual((step.state, step.date_decided), ("pending", False))
        with self.assertRaisesRegex(UserError, "already pending"):
            step.with_user(self.salesman).action_reset_pending()
        step.with_user(self.salesman).action_reject("2026-04-11")
        self.assertEqual(step.state, "rejected")

    def test_answer_refused_on_every_other_road(self):
        step = self.approval_step()
        roads = {
            "create": lambda: self.approval_step(state="approved"),
            "create with a date": lambda: self.approval_step(date_decided="2026-04-10"),
            "write": lambda: step.with_user(self.salesman).write({"state": "approved"}),
            "sudo": lambda: step.sudo().write({"date_decided": "2026-04-10"}),
            "context key": lambda: step.with_user(self.salesman)
            .with_context(b2b_approval_step=True)
            .write({"state": "approved"}),
        }
        for road, attempt in roads.items():
            with self.subTest(road=road), self.assertRaisesRegex(UserError, ANSWER_REFUSAL):
                attempt()
        self.assertEqual(step.state, "pending")
        # Saving the form again with every field unchanged passes.
        step.with_user(self.salesman).write({"state": "pending", "name": "Giám đốc ký"})
        step.with_user(self.salesman).action_approve("2026-04-10")
        copied = step.copy()
        self.assertEqual((copied.state, copied.date_decided), ("pending", False))
        result = self.Step.load(
            ["lead_id/.id", "name", "state"], [[str(self.lead.id), "Nhập khẩu", "approved"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(ANSWER_REFUSAL, result["messages"][0]["message"])
        result = self.Step.load(["lead_id/.id", "name"], [[str(self.lead.id), "Nhập khẩu"]])
        self.assertEqual(self.Step.browse(result["ids"]).state, "pending")

    def test_checkpoint_decision_known(self):
        checkpoint = (
            self.env["b2b.checkpoint"]
            .with_user(self.sales_manager)
            .create({"name": "Biết quy trình ra quyết định", "stage_id": self.stage_contact.id,
                     "kind": "decision"})
        )
        self.meet(self.lead, self.cp_call)
        lead = self.lead.with_user(self.salesman)
        with self.assertRaises(UserError) as refused:
            lead.write({"stage_id": self.stage_email.id})
        self.assertIn(HOW_DECISION, str(refused.exception))
        self.assertIn("Biết quy trình ra quyết định", str(refused.exception))
        # Each part missing keeps the checkpoint unmet.
        self.decide(self.lead)
        known = {name: self.lead[name] for name in DECISION_FIELDS}
        for name, unknown in zip(DECISION_FIELDS, ("  ", "unknown", False)):
            with self.subTest(missing=name):
                lead.write({name: unknown})
                met = checkpoint._get_met_lead_ids(self.lead)[checkpoint.id]
                lead.write({name: known[name]})
                self.assertNotIn(self.lead.id, met)
        other = self.create_lead("Minh Phát - Kho")
        other.with_user(self.salesman).write(
            {"b2b_decision_criteria": "Giá", "b2b_budget_status": "none", "b2b_decision_date": "2026-04-15"}
        )
        met = checkpoint._get_met_lead_ids(self.lead | other)[checkpoint.id]
        self.assertEqual(met, {self.lead.id}, "no approval step on the other")
        lead.write({"stage_id": self.stage_email.id})
        self.assertEqual(self.lead.stage_id, self.stage_email)


@tagged("post_install", "-at_install")
class TestDecisionRpc(HttpCase, DecisionCase):
    def call(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, user.login, user.login, {})
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def test_decision_over_rpc(self):
        user = self.salesman
        self.assertTrue(
            self.call(user, "crm.lead", "write", [self.lead.id],
                      {"b2b_decision_criteria": "Giá", "b2b_budget_status": "approved",
                       "b2b_decision_date": "2026-04-15"})
        )
        step_id = self.call(user, "b2b.approval.step", "create",
                            {"lead_id": self.lead.id, "name": "Giám đốc duyệt"})
        self.assertIsInstance(step_id, int)
        self.assertIs(self.call(user, "b2b.approval.step", "action_approve", [step_id],
                                day="2026-04-10"), True)
        for attempt in (
            lambda: self.call(user, "b2b.approval.step", "write", [step_id],
                              {"state": "rejected"}, context={"b2b_approval_step": True}),
            lambda: self.call(user, "b2b.approval.step", "action_reject", [step_id],
                              day="hôm qua"),
        ):
            with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault):
                attempt()
        step = self.env["b2b.approval.step"].browse(step_id)
        self.assertEqual((step.state, step.date_decided), ("approved", date(2026, 4, 10)))
        self.assertFalse(self.lead.b2b_decision_missing)
