# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project from the order: created once and only once on every
road (the button, RPC, Odoo's own project on confirmation), linked through
sale_project, carrying the quotation's phases (the same records) with their
milestones; the phases' state changed only by their steps."""

import xmlrpc.client
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from .common_delivery import PLAN_START, DeliveryCase


class TestDeliveryProject(DeliveryCase):
    def test_project_created_once_and_linked(self):
        self.confirm(self.order)
        Order = self.order.with_user(self.salesman)
        project_id = Order.action_create_project()
        self.assertIsInstance(project_id, int)
        project = self.env["project.project"].browse(project_id)
        self.assertEqual(project.name, self.order.name)
        self.assertEqual(project.partner_id, self.customer)
        self.assertEqual(project.company_id, self.order.company_id)
        # Odoo 19's own links: the project's order, the order's projects
        # (and its smart button).
        self.assertEqual(project.sale_order_id, self.order)
        self.assertEqual(self.order.project_id, project)
        self.assertEqual(self.order.project_ids, project)
        self.assertEqual(self.order.project_count, 1)
        self.assertEqual(project.plan_date_start, PLAN_START)
        self.assertEqual(
            (project.buffer_mode, project.buffer_days, project.buffer_percent),
            ("max", 14, 20.0),
        )
        self.assertIn(self.salesman.partner_id, project.message_partner_ids)
        # A second click, by another hand, returns the same project.
        self.assertEqual(
            self.order.with_user(self.project_manager).action_create_project(),
            project_id,
        )
        self.assertEqual(Order.action_create_project(), project_id)
        self.assertEqual(
            self.env["project.project"].search_count(
                [("reinvoiced_sale_order_id", "=", self.order.id)]
            ),
            1,
        )

    def test_rpc_result_is_marshallable(self):
        self.confirm(self.order)
        for _call in range(2):
            result = self.order.with_user(self.salesman).action_create_project()
            xmlrpc.client.dumps((result,), allow_none=False)

    def test_other_orders_keep_sale_projects_answer(self):
        """An order outside the B2B process (no phase, scope or payment
        plan) gets sale_project's own answer, the action opening a new
        project's form: Odoo's callers keep working; the addon's button
        still makes the delivery project."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.salesman.id,
                "order_line": [(0, 0, {"product_id": self.order.order_line[0].product_id.id})],
            }
        )
        self.assertFalse(order._b2b_in_process())
        order.action_confirm()
        # (sale_project's method reads a field of its own, for project users)
        action = order.action_create_project()
        self.assertIsInstance(action, dict)
        self.assertEqual(action["res_model"], "project.template.create.wizard")
        self.assertEqual(action["context"]["default_sale_order_id"], order.id)
        self.assertFalse(order.project_id)
        opened = order.with_user(self.project_manager).action_create_delivery_project()
        self.assertEqual(order.project_id.id, opened["res_id"])
        # A contract makes an order of the process, as phases do: the
        # delivery project's id.
        contract = self.env["b2b.contract"].create(
            {"title": "Hợp đồng dịch vụ", "partner_id": self.customer.id}
        )
        other = order.copy({"b2b_contract_id": contract.id})
        self.assertTrue(other._b2b_in_process())
        other.action_confirm()
        self.assertIsInstance(other.action_create_project(), int)
        # Phases make it an order of the process: the delivery project's id.
        self.assertTrue(self.order._b2b_in_process())
        self.confirm(self.order)
        self.assertIsInstance(self.order.with_user(self.salesman).action_create_project(), int)

    def test_phases_carried_with_milestones(self):
        phases = self.order.phase_ids
        self.assertFalse(phases.project_id)
        self.assertFalse(phases.milestone_id)
        self.confirm(self.order)
        project = self.env["project.project"].browse(
            self.order.with_user(self.salesman).action_create_project()
        )
        # The same records, now in the project.
        self.assertEqual(project.phase_ids, phases)
        self.assertEqual(project.phase_count, 2)
        self.assertTrue(project.allow_milestones)
        self.assertEqual(project.milestone_ids, phases.milestone_id)
        for phase in phases:
            self.assertEqual(
                (phase.milestone_id.name, phase.milestone_id.deadline),
                (phase.name, phase.date_deadline),
            )
            self.assertEqual(phase.milestone_id.project_id, project)
        # Carried once: a second call makes no second milestone.
        self.order.action_create_project()
        self.assertEqual(len(project.milestone_ids), 2)

    def test_confirmation_project_carries_phases(self):
        """A service product creating a project: sale_project's project on
        confirmation is the delivery project, with the phases."""
        order = self.create_order(self.service_project)
        phases = self.create_phases(order)
        self.confirm(order)
        project = order.project_id
        self.assertTrue(project)
        self.assertEqual(project.sale_order_id, order)
        self.assertEqual(project.phase_ids, phases)
        self.assertEqual(project.milestone_ids, phases.milestone_id)
        self.assertEqual(project.plan_date_start, PLAN_START)
        self.assertEqual(order.with_user(self.salesman).action_create_project(), project.id)
        self.assertEqual(
            self.env["project.project"].search_count(
                [("reinvoiced_sale_order_id", "=", order.id)]
            ),
            1,
        )

    def test_button_opens_the_project(self):
        self.confirm(self.order)
        action = self.order.with_user(self.project_manager).action_create_delivery_project()
        self.assertEqual(action["res_model"], "project.project")
        self.assertEqual(action["res_id"], self.order.project_id.id)
        # Odoo's "Create Project" of the Action menu takes the same step.
        server_action = self.env.ref("sale_project.model_sale_order_action_create_project")
        result = server_action.with_context(
            active_model="sale.order", active_id=self.order.id, active_ids=self.order.ids
        ).run()
        self.assertEqual(result["res_id"], self.order.project_id.id)
        self.assertEqual(len(self.order.project_ids), 1)

    def test_button_leaves_a_salesperson_on_the_order(self):
        """The project's form is the delivery team's: a salesperson without
        Project rights gets the project made and stays on the order (the
        form would fail on the project's fields they cannot read)."""
        self.confirm(self.order)
        result = self.order.with_user(self.salesman).action_create_delivery_project()
        self.assertIs(result, True)
        self.assertTrue(self.order.project_id)

    def test_quotation_refused(self):
        with self.assertRaisesRegex(UserError, "once the order is confirmed"):
            self.order.with_user(self.salesman).action_create_project()
        self.assertFalse(self.order.project_id)

    def test_who_creates_the_project(self):
        self.confirm(self.order)
        # A project user who does not sell and does not manage projects.
        with self.assertRaisesRegex(AccessError, "Only salespeople and project managers"):
            self.order.with_user(self.project_user).action_create_project()
        # A salesperson on someone else's order.
        with self.assertRaises(AccessError):
            self.order.with_user(self.salesman_other).action_create_project()
        self.assertFalse(self.order.project_id)

    def test_phase_added_after_the_project(self):
        self.confirm(self.order)
        project = self.env["project.project"].browse(self.order.action_create_project())
        late = self.env["b2b.phase"].with_user(self.salesman).create(
            {"order_id": self.order.id, "name": "Hậu kỳ", "date_deadline": date(2026, 7, 1)}
        )
        self.assertEqual(late.project_id, project)
        self.assertEqual(late.milestone_id.project_id, project)
        on_project = self.env["b2b.phase"].with_user(self.project_user).create(
            {"project_id": project.id, "name": "Bàn giao"}
        )
        self.assertEqual(on_project.order_id, self.order)
        self.assertTrue(on_project.milestone_id)

    def test_phase_of_another_order_refused(self):
        self.confirm(self.order)
        project = self.env["project.project"].browse(self.order.action_create_project())
        other = self.create_order(self.service)
        with self.assertRaisesRegex(ValidationError, "belongs to the project of order"):
            self.env["b2b.phase"].create(
                {"order_id": other.id, "project_id": project.id, "name": "Lạc"}
            )

    def test_milestone_kept_in_step(self):
        self.confirm(self.order)
        self.order.action_create_project()
        phase = self.phase_script.with_user(self.project_manager)
        phase.write({"name": "Kịch bản chi tiết", "date_deadline": date(2026, 3, 20)})
        milestone = phase.milestone_id
        self.assertEqual(
            (milestone.name, milestone.deadline), ("Kịch bản chi tiết", date(2026, 3, 20))
        )
        # Changed in the project's milestone views: the phase follows.
        milestone.with_user(self.project_manager).write(
            {"name": "Kịch bản v2", "deadline": date(2026, 3, 27)}
        )
        self.assertEqual(
            (phase.name, phase.date_deadline), ("Kịch bản v2", date(2026, 3, 27))
        )
        phase.with_user(self.project_manager).unlink()
        self.assertFalse(milestone.exists())

    def test_phases_tab_of_the_quotation(self):
        with Form(self.order.with_user(self.salesman)) as form:
            with form.phase_ids.new() as line:
                line.name = "Nghiệm thu"
                line.date_deadline = date(2026, 7, 15)
        self.assertEqual(len(self.order.phase_ids), 3)
        self.assertEqual(self.order.phase_ids.sorted("id")[-1].state, "planned")

    def test_phases_of_another_company_hidden(self):
        other_company = self.env["res.company"].create({"name": "Minh Phát Đà Nẵng"})
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "company_id": other_company.id}
        )
        phase = self.env["b2b.phase"].create({"order_id": order.id, "name": "Ẩn"})
        self.assertEqual(phase.company_id, other_company)
        Phase = self.env["b2b.phase"].with_user(self.salesman)
        self.assertFalse(Phase.search([("id", "=", phase.id)]))
        with self.assertRaises(AccessError):
            phase.with_user(self.salesman).read(["name"])


class TestPhaseState(DeliveryCase):
    """The state moves only through the phase's steps, on every road."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm(cls.order)
        cls.agree_plan(cls.env["project.project"].browse(cls.order.action_create_project()))
        cls.phase = cls.phase_script.with_user(cls.project_user)

    def test_steps(self):
        self.assertEqual(self.phase.state, "planned")
        with self.assertRaisesRegex(UserError, "Only a phase in progress"):
            self.phase.action_to_accept()
        self.assertIs(self.phase.action_start(), True)
        self.assertEqual(self.phase.state, "in_progress")
        with self.assertRaisesRegex(UserError, "Only a planned phase can start"):
            self.phase.action_start()
        self.assertIs(self.phase.action_to_accept(), True)
        self.assertEqual(self.phase.state, "to_accept")
        with self.assertRaisesRegex(UserError, "Only a phase in progress"):
            self.phase.action_to_accept()

    def test_quotation_phase_does_not_start(self):
        order = self.create_order(self.service)
        phase, _other = self.create_phases(order)
        with self.assertRaisesRegex(UserError, "create the project of its order first"):
            phase.with_user(self.salesman).action_start()
        self.assertEqual(phase.state, "planned")

    def test_write_refused(self):
        self.phase.action_start()
        self.phase.action_to_accept()
        for user in (self.project_user, self.project_manager, self.salesman):
            for state in ("accepted", "planned"):
                with self.assertRaisesRegex(UserError, "changes only through its steps"):
                    self.phase_script.with_user(user).write({"state": state})
        # Even as superuser, or with a context key of the same name.
        with self.assertRaisesRegex(UserError, "changes only through its steps"):
            self.phase_script.sudo().with_context(b2b_phase_step=True).write(
                {"state": "accepted"}
            )
        self.assertEqual(self.phase_script.state, "to_accept")
        # A form saving the state unchanged passes.
        self.phase_script.write({"state": "to_accept", "name": "Kịch bản"})

    def test_create_refused(self):
        with self.assertRaisesRegex(UserError, "changes only through its steps"):
            self.env["b2b.phase"].with_user(self.salesman).create(
                {"order_id": self.order.id, "name": "Nhảy cóc", "state": "accepted"}
            )

    def test_copy_refused(self):
        copy = self.phase_script.copy()
        self.assertEqual(copy.state, "planned")
        with self.assertRaisesRegex(UserError, "changes only through its steps"):
            self.phase_script.copy({"state": "accepted"})

    def test_import_refused(self):
        result = self.env["b2b.phase"].load(
            ["order_id/.id", "name", "state"],
            [[str(self.order.id), "Nhập", "accepted"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("changes only through its steps", result["messages"][0]["message"])
        self.assertFalse(self.env["b2b.phase"].search([("name", "=", "Nhập")]))

    def test_form_cannot_set_state(self):
        form = Form(self.env["b2b.phase"].with_user(self.salesman))
        form.order_id = self.order
        form.name = "Biểu mẫu"
        with self.assertRaises(AssertionError):
            form.state = "accepted"
        self.assertEqual(form.save().state, "planned")

    def test_salesman_without_project_rights_keeps_planning(self):
        user = new_test_user(
            self.env, login="b2b_delivery_sales_only", groups="sales_team.group_sale_salesman"
        )
        order = self.create_order(self.service, user=user)
        phases = self.create_phases(order, user=user)
        self.confirm(order, user=user)
        project = self.env["project.project"].browse(
            order.with_user(user).action_create_project()
        )
        self.assertEqual(project.phase_ids, phases)
