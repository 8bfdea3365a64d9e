# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Questions during the delivery: asked on the project with an owner who
gets an activity, answered only by ``action_answer(answer)`` (the answer,
its date and who gave it set by the step), reopened by ``action_reopen()``;
the status and the answer's facts refused on every other road; the overdue
filter; the project's count; the project's privacy and its company."""

import xmlrpc.client
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project

ASKED_ON = date(2026, 3, 9)
DUE_ON = date(2026, 3, 11)


class QuestionCase(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.project.user_id = cls.project_manager
        cls.Question = cls.env["b2b.question"].with_user(cls.project_user)

    def _question(self, **values):
        return self.Question.create(
            dict(
                {
                    "project_id": self.project.id,
                    "name": "Logo nào dùng cho màn hình mở đầu?",
                    "user_id": self.project_manager.id,
                    "date_asked": ASKED_ON,
                    "date_due": DUE_ON,
                },
                **values,
            )
        )


class TestDeliveryQuestions(QuestionCase):
    def test_ask_answer_reopen(self):
        with Form(self.Question) as form:
            form.project_id = self.project
            form.name = "Ai duyệt kịch bản phía khách hàng?"
            form.phase_id = self.phase_script
            form.user_id = self.project_manager
            form.date_asked = ASKED_ON
            form.date_due = DUE_ON
        question = form.save()
        self.assertEqual(question.state, "open")
        self.assertEqual(question.source, "team")
        activity = question.activity_ids
        self.assertEqual(activity.user_id, self.project_manager)
        self.assertEqual(activity.date_deadline, DUE_ON)
        self.assertEqual(self.project.b2b_question_open_count, 1)
        # A new owner gets the activity.
        question.user_id = self.project_user
        self.assertEqual(question.activity_ids.user_id, self.project_user)
        question.user_id = self.project_manager
        self.assertEqual(question.activity_ids.user_id, self.project_manager)

        with freeze_time("2026-03-10 04:00:00"):
            self.assertIs(
                question.with_user(self.project_manager).action_answer(
                    "  Anh An, trưởng phòng marketing.  "
                ),
                True,
            )
        self.assertEqual(question.state, "answered")
        self.assertEqual(question.answer, "Anh An, trưởng phòng marketing.")
        self.assertEqual(question.date_answered, date(2026, 3, 10))
        self.assertEqual(question.answered_uid, self.project_manager)
        self.assertFalse(question.activity_ids)
        self.assertEqual(self.project.b2b_question_open_count, 0)

        self.assertIs(question.action_reopen(), True)
        self.assertEqual(question.state, "open")
        self.assertFalse(question.answer)
        self.assertFalse(question.date_answered)
        self.assertFalse(question.answered_uid)
        self.assertEqual(question.activity_ids.user_id, self.project_manager)

    def test_answer_needs_text_and_an_open_question(self):
        question = self._question()
        for empty in ("", "   ", False, None, 42):
            with self.assertRaisesRegex(UserError, "Write the answer"):
                question.action_answer(empty)
        self.assertEqual(question.state, "open")
        question.action_answer("Logo mới, bản màu.")
        with self.assertRaisesRegex(UserError, "already answered"):
            question.action_answer("Logo cũ.")
        self.assertEqual(question.answer, "Logo mới, bản màu.")

    def test_answer_wizard(self):
        question = self._question()
        action = question.action_open_answer_wizard()
        with Form(
            self.env[action["res_model"]].with_user(self.project_user).with_context(
                action["context"]
            )
        ) as form:
            form.answer = "Dùng logo trên website."
        form.save().action_answer()
        self.assertEqual(question.state, "answered")
        self.assertEqual(question.answered_uid, self.project_user)

    def test_state_and_answer_only_through_steps(self):
        for values in (
            {"state": "answered"},
            {"answer": "Tự trả lời"},
            {"date_answered": ASKED_ON},
            {"answered_uid": self.project_user.id},
        ):
            with self.assertRaises(UserError):
                self._question(**values)
            with self.assertRaises(UserError):
                self.Question.with_context(b2b_question_step=True).create(
                    {"project_id": self.project.id, "name": "Giả mạo", **values}
                )
        question = self._question()
        for values in (
            {"state": "answered"},
            {"answer": "Tự trả lời"},
            {"date_answered": ASKED_ON},
            {"answered_uid": self.project_user.id},
        ):
            for env_question in (
                question,
                question.sudo(),
                question.with_context(b2b_question_step=True),
                question.with_context(b2b_question_step="1"),
            ):
                with self.assertRaises(UserError):
                    env_question.write(values)
            with self.assertRaises(UserError):
                question.copy(values)
        # Through the project's lines (another model's write).
        with self.assertRaises(UserError):
            self.project.write(
                {"b2b_question_ids": [(1, question.id, {"state": "answered", "answer": "Có"})]}
            )
        with self.assertRaises(UserError):
            self.project.write(
                {"b2b_question_ids": [(0, 0, {"name": "Mới", "state": "answered"})]}
            )
        self.assertEqual(question.state, "open")
        self.assertFalse(question.answer)
        # The other fields stay editable.
        question.write({"name": "Logo nào dùng?", "date_due": date(2026, 3, 12)})
        # An import meets the same rule.
        result = self.Question.load(
            ["project_id/.id", "name", "user_id/.id", "state"],
            [[str(self.project.id), "Nhập", str(self.project_manager.id), "answered"]],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertEqual(
            self.env["b2b.question"].search_count([("name", "=", "Nhập")]), 0
        )

    def test_copy_is_an_open_question(self):
        question = self._question()
        question.action_answer("Logo mới.")
        copy = question.copy()
        self.assertEqual(copy.state, "open")
        self.assertFalse(copy.answer)
        self.assertFalse(copy.date_answered)
        self.assertFalse(copy.answered_uid)

    def test_overdue(self):
        late = self._question()
        on_time = self._question(name="Còn hạn", date_due=date(2026, 3, 20))
        answered = self._question(name="Đã trả lời")
        answered.action_answer("Có.")
        with freeze_time("2026-03-12 04:00:00"):
            overdue = self.Question.search(
                [("project_id", "=", self.project.id), ("is_overdue", "=", True)]
            )
            self.assertEqual(overdue, late)
            self.assertTrue(late.is_overdue)
            self.assertFalse(on_time.is_overdue)
            self.assertFalse(answered.is_overdue)
            not_overdue = self.Question.search(
                [("project_id", "=", self.project.id), ("is_overdue", "=", False)]
            )
            self.assertEqual(not_overdue, on_time | answered)

    def test_task_and_phase_of_the_project(self):
        other = self.env["project.project"].create({"name": "Dự án khác"})
        task = self.env["project.task"].create({"name": "Việc khác", "project_id": other.id})
        with self.assertRaisesRegex(UserError, "not part of the project"):
            self._question(task_id=task.id)
        other_phase = self.env["b2b.phase"].create({"project_id": other.id, "name": "Giai đoạn khác"})
        own_task = self.env["project.task"].create(
            {"name": "Viết kịch bản", "project_id": self.project.id}
        )
        question = self._question(task_id=own_task.id, phase_id=self.phase_script.id)
        with self.assertRaisesRegex(UserError, "not part of the project"):
            question.sudo().write({"project_id": other.id})
        with self.assertRaisesRegex(UserError, "not part of the project"):
            question.write({"phase_id": other_phase.id})

    def test_project_privacy_and_company(self):
        outsider = new_test_user(
            self.env,
            login="b2b_question_outsider",
            groups="project.group_project_user",
        )
        self.project.privacy_visibility = "followers"
        with self.assertRaises(AccessError):
            self.env["b2b.question"].with_user(outsider).create(
                {"project_id": self.project.id, "name": "Ngoài dự án", "user_id": outsider.id}
            )
        question = self._question()
        other_company = self.env["res.company"].create({"name": "Công ty khác"})
        other_user = new_test_user(
            self.env,
            login="b2b_question_other_company",
            groups="project.group_project_manager",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        self.assertFalse(
            self.env["b2b.question"].with_user(other_user).search([("id", "=", question.id)])
        )
        self.assertEqual(question.company_id, self.project.company_id)

    def test_smart_button(self):
        self._question()
        self._question(name="Câu hỏi thứ hai")
        action = self.project.with_user(self.project_user).action_view_b2b_questions()
        self.assertEqual(action["res_model"], "b2b.question")
        self.assertEqual(self.env["b2b.question"].search_count(action["domain"]), 2)
        self.assertEqual(action["context"]["default_user_id"], self.project_manager.id)


@tagged("post_install", "-at_install")
class TestDeliveryQuestionsRpc(HttpCase, QuestionCase):
    def rpc(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(
                self.env.cr.dbname, user.login, user.login, {}
            )
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def test_question_over_rpc(self):
        user = self.project_user
        question_id = self.rpc(
            user,
            "b2b.question",
            "create",
            [{"project_id": self.project.id, "name": "Qua RPC", "user_id": user.id}],
        )[0]
        question = self.env["b2b.question"].browse(question_id)
        for context in ({"b2b_question_step": True}, {"b2b_question_step": "1"}, {}):
            with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as fault:
                self.rpc(
                    user,
                    "b2b.question",
                    "write",
                    [question_id],
                    {"state": "answered", "answer": "Giả"},
                    context=context,
                )
            self.assertIn("only through its steps", fault.exception.faultString)
        self.assertEqual(question.state, "open")
        self.assertIs(
            self.rpc(user, "b2b.question", "action_answer", [question_id], "Trả lời qua RPC"),
            True,
        )
        question.invalidate_recordset()
        self.assertEqual(question.state, "answered")
        self.assertEqual(question.answered_uid, user)
        self.assertIs(self.rpc(user, "b2b.question", "action_reopen", [question_id]), True)
        question.invalidate_recordset()
        self.assertEqual(question.state, "open")
