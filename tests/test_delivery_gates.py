# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery's gates the seed's way: the first phase of a project starts
only when every member of the team agreed to the current plan, or a project
manager waived it for that version with a reason; moving the plan asks the
team again (an activity each); a project from a template gets the seed's
five kinds of resource too."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from . import test_rpc
from .common_delivery import DeliveryCase

WAIVER_STEP = "a project manager waives it with a reason"
AGREE_ACTIVITY = "b2b_sales_delivery.mail_activity_type_b2b_agree_plan"


class TestDeliveryGates(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = new_test_user(
            cls.env,
            login="b2b_gates_member",
            groups="project.group_project_user",
            name="Ngô Thị Giang",
        )
        cls.confirm(cls.order)
        cls.project = cls.env["project.project"].browse(
            cls.order.with_user(cls.salesman).action_create_project()
        )
        cls.project.write(
            {"user_id": cls.project_manager.id, "privacy_visibility": "employees"}
        )
        cls.env["project.task"].create(
            {"name": "Viết kịch bản", "project_id": cls.project.id, "user_ids": cls.member.ids}
        )
        cls.project.with_user(cls.project_manager).action_b2b_sync_team()

    def agree(self, user):
        return self.project.with_user(user).action_b2b_agree_plan()

    def activity_users(self):
        return self.project.activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.env.ref(AGREE_ACTIVITY)
        ).user_id

    def test_first_phase_waits_for_every_member(self):
        self.assertEqual(self.activity_users(), self.project_manager | self.member)
        phase = self.phase_script.with_user(self.project_manager)
        with self.assertRaisesRegex(UserError, "Ngô Thị Giang"):
            phase.action_start()
        self.agree(self.project_manager)
        self.assertEqual(self.activity_users(), self.member)
        with self.assertRaisesRegex(UserError, "has not agreed to the current plan"):
            phase.action_start()
        self.assertEqual(self.phase_script.state, "planned")
        self.agree(self.member)
        self.assertFalse(self.activity_users())
        self.assertTrue(self.project.b2b_team_agreed)
        phase.action_start()
        self.assertEqual(self.phase_script.state, "in_progress")
        # The plan moves while the first phase runs: the next phase is not
        # the first, it starts without a new agreement.
        self.phase_shooting.with_user(self.project_manager).date_deadline = date(2026, 6, 15)
        self.assertFalse(self.project.b2b_team_agreed)
        self.phase_shooting.with_user(self.project_manager).action_start()
        self.assertEqual(self.phase_shooting.state, "in_progress")

    def test_plan_moves_ask_the_team_again(self):
        self.agree(self.project_manager)
        self.agree(self.member)
        version = self.project.b2b_plan_version
        moves = [
            lambda: setattr(self.phase_script.with_user(self.project_manager), "date_deadline", date(2026, 3, 20)),
            lambda: self.project.with_user(self.project_manager).write({"buffer_days": 21}),
            lambda: self.env["b2b.phase"].with_user(self.project_manager).create(
                {"project_id": self.project.id, "name": "Dựng phim", "sequence": 3}
            ),
            lambda: self.project.phase_ids.filtered(lambda p: p.name == "Dựng phim").unlink(),
        ]
        for move in moves:
            move()
            version += 1
            self.assertEqual(self.project.b2b_plan_version, version)
            self.assertFalse(self.project.b2b_team_agreed)
            self.assertEqual(self.activity_users(), self.project_manager | self.member)
            self.agree(self.project_manager)
            self.agree(self.member)
            self.assertTrue(self.project.b2b_team_agreed)
        # Writing the same buffer moves nothing.
        self.project.with_user(self.project_manager).write({"buffer_days": 21})
        self.assertEqual(self.project.b2b_plan_version, version)

    def test_waiver_by_project_manager_for_one_version(self):
        for user in (self.member, self.salesman):
            with self.assertRaises(AccessError):
                self.project.with_user(user).action_waive_team_agreement("Gấp")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self.project.with_user(self.project_manager).action_waive_team_agreement(" ")
        wizard = Form(
            self.env["b2b.plan.waiver.wizard"]
            .with_user(self.project_manager)
            .with_context(**self.project.action_open_plan_waiver()["context"])
        )
        wizard.reason = "Khách cần bắt đầu ngay, đội đồng ý miệng"
        wizard.save().action_waive()
        self.assertEqual(self.project.b2b_plan_waived_by, self.project_manager)
        self.assertEqual(self.project.b2b_plan_waiver_version, self.project.b2b_plan_version)
        self.assertIn(
            "Khách cần bắt đầu ngay", "".join(self.project.message_ids.mapped("body"))
        )
        self.assertTrue(self.project.b2b_plan_gate_open)
        # A new version of the plan: the waiver no longer holds.
        self.phase_script.with_user(self.project_manager).date_deadline = date(2026, 3, 20)
        self.assertFalse(self.project.b2b_plan_gate_open)
        with self.assertRaisesRegex(UserError, "has not agreed"):
            self.phase_script.with_user(self.project_manager).action_start()
        self.project.with_user(self.project_manager).action_waive_team_agreement("Lần 2")
        self.phase_script.with_user(self.project_manager).action_start()
        self.assertEqual(self.phase_script.state, "in_progress")

    def test_waiver_facts_only_through_the_step(self):
        facts = {"b2b_plan_waived_by": self.project_manager.id, "b2b_plan_waiver_version": 1}
        for project in (self.project.with_user(self.project_manager), self.project.sudo()):
            with self.assertRaisesRegex(UserError, WAIVER_STEP):
                project.write(facts)
        for value in (True, 1, "1"):
            with self.assertRaisesRegex(UserError, WAIVER_STEP):
                self.project.with_user(self.project_manager).with_context(
                    b2b_plan_waiver_step=value
                ).write(facts)
        Project = self.env["project.project"].with_user(self.project_manager)
        with self.assertRaisesRegex(UserError, WAIVER_STEP):
            Project.create({"name": "Dự án tự miễn", **facts})
        result = Project.load(["name", "b2b_plan_waiver_reason"], [["Dự án nhập", "Tự ghi"]])
        self.assertFalse(result["ids"])
        self.assertIn(WAIVER_STEP, result["messages"][0]["message"])
        self.project.with_user(self.project_manager).action_waive_team_agreement("Gấp")
        copy = self.project.copy()
        self.assertFalse(copy.b2b_plan_waived_by)
        self.assertFalse(copy.b2b_plan_gate_open)

    def test_project_without_team_is_not_agreed(self):
        order = self.create_order(self.service)
        phase = self.create_phases(order)[0]
        self.confirm(order)
        order.with_user(self.salesman).action_create_project()
        self.assertFalse(order.project_id.b2b_team_agreed)
        with self.assertRaisesRegex(UserError, "has no team yet"):
            phase.with_user(self.project_manager).action_start()

    def test_template_project_gets_the_five_resources(self):
        template = self.env["project.project"].create({"name": "Mẫu dự án video"})
        product = self.env["product.product"].create(
            {
                "name": "Sản xuất phim doanh nghiệp",
                "type": "service",
                "list_price": 150000000,
                "service_tracking": "project_only",
                "project_template_id": template.id,
            }
        )
        order = self.create_order(product)
        self.confirm(order)
        project = order.project_id
        self.assertTrue(project)
        self.assertNotEqual(project, template)
        self.assertEqual(
            project.resource_line_ids.mapped("category"),
            ["people", "documents", "budget", "venue_equipment", "other"],
        )
        self.assertFalse(project.is_resource_ready)
        self.assertFalse(template.resource_line_ids)


@tagged("post_install", "-at_install")
class TestDeliveryGatesRpc(HttpCase, DeliveryCase):
    call = test_rpc.TestRpc.call
    assertFault = test_rpc.TestRpc.assertFault

    def test_gate_and_waiver_over_xmlrpc(self):
        self.confirm(self.order)
        project = self.agree_plan(
            self.env["project.project"].browse(self.order.action_create_project())
        )
        project.sudo().user_id = self.project_user
        self.assertFault(
            lambda: self.call(
                self.project_manager, "b2b.phase", "action_start", [self.phase_script.id]
            ),
            "has not agreed to the current plan",
        )
        self.assertFault(
            lambda: self.call(
                self.project_user,
                "project.project",
                "action_waive_team_agreement",
                [project.id],
                "Gấp",
            ),
            "Only project managers",
        )
        self.assertFault(
            lambda: self.call(
                self.project_manager,
                "project.project",
                "write",
                [project.id],
                {"b2b_plan_waiver_version": project.b2b_plan_version},
                context={"b2b_plan_waiver_step": True},
            ),
            WAIVER_STEP,
        )
        self.assertIs(
            self.call(
                self.project_manager,
                "project.project",
                "action_waive_team_agreement",
                [project.id],
                "Gấp",
            ),
            True,
        )
        self.assertIs(
            self.call(self.project_manager, "b2b.phase", "action_start", [self.phase_script.id]),
            True,
        )
