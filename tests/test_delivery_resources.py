# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's resources and their readiness: proposed on every
road that makes the delivery project, ready only when every line is."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from .common_delivery import DeliveryCase


def create_delivery_project(case):
    """The delivery project of ``case.order``, confirmed and created by its
    salesperson, followed by the project user (a delivery team member)."""
    case.confirm(case.order)
    project = case.env["project.project"].browse(
        case.order.with_user(case.salesman).action_create_project()
    )
    project.message_subscribe(partner_ids=case.project_user.partner_id.ids)
    return project


class TestDeliveryResources(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)

    def test_new_project_proposes_one_line_per_kind(self):
        lines = self.project.resource_line_ids
        self.assertEqual(
            lines.mapped("category"),
            ["people", "documents", "budget", "venue_equipment", "other"],
        )
        self.assertTrue(all(lines.mapped("name")))
        self.assertFalse(self.project.is_resource_ready)
        self.assertEqual(self.project.resource_ready_ratio, 0.0)
        self.assertEqual(self.project.resource_line_count, 5)

    def test_project_of_confirmation_proposes_lines(self):
        order = self.create_order(self.service_project)
        self.confirm(order)
        project = order.project_id
        self.assertTrue(project)
        self.assertEqual(len(project.resource_line_ids), 5)

    def test_second_call_adds_no_lines(self):
        self.order.with_user(self.salesman).action_create_project()
        self.assertEqual(len(self.project.resource_line_ids), 5)

    def test_project_without_lines_is_not_ready(self):
        project = self.env["project.project"].create({"name": "Dự án trống"})
        self.assertFalse(project.is_resource_ready)
        self.assertEqual(project.resource_ready_ratio, 0.0)

    def test_readiness_follows_the_lines(self):
        lines = self.project.resource_line_ids.with_user(self.project_user)
        lines[:2].write({"is_ready": True, "user_id": self.project_user.id})
        self.assertEqual(self.project.resource_ready_ratio, 40.0)
        self.assertFalse(self.project.is_resource_ready)
        lines.write({"is_ready": True})
        self.assertTrue(self.project.is_resource_ready)
        self.assertEqual(self.project.resource_ready_ratio, 100.0)
        # A new line not ready yet: the project is not ready any more.
        self.env["b2b.resource.line"].with_user(self.project_user).create(
            {"project_id": self.project.id, "category": "other", "name": "Máy quay"}
        )
        self.assertFalse(self.project.is_resource_ready)
        self.assertAlmostEqual(self.project.resource_ready_ratio, 500 / 6)

    def test_project_manager_edits_lines_on_the_form(self):
        project = self.project.with_user(self.project_manager)
        with Form(project) as form:
            with form.resource_line_ids.edit(0) as line:
                line.is_ready = True
                line.user_id = self.project_user
        self.assertEqual(self.project.resource_line_ids[0].user_id, self.project_user)
        self.assertEqual(self.project.resource_ready_ratio, 20.0)

    def test_other_company_does_not_see_lines(self):
        company = self.env["res.company"].create({"name": "Công ty Khác"})
        outsider = new_test_user(
            self.env,
            login="b2b_resource_outsider",
            groups="project.group_project_manager",
            company_id=company.id,
            company_ids=[company.id],
        )
        Line = self.env["b2b.resource.line"].with_user(outsider)
        self.assertFalse(Line.search([("project_id", "=", self.project.id)]))
        with self.assertRaises(AccessError):
            self.project.resource_line_ids[0].with_user(outsider).read(["name"])

    def test_project_user_only_on_projects_they_read(self):
        stranger = new_test_user(
            self.env, login="b2b_resource_stranger", groups="project.group_project_user"
        )
        Line = self.env["b2b.resource.line"].with_user(stranger)
        with self.assertRaises(AccessError):
            Line.create({"project_id": self.project.id, "name": "Máy chiếu"})
        line = self.project.resource_line_ids[0]
        with self.assertRaises(AccessError):
            line.with_user(stranger).write({"is_ready": True})
        with self.assertRaises(AccessError):
            line.with_user(stranger).unlink()
        # Moving a line of a readable project into one the user may not read.
        hidden = self.env["project.project"].create(
            {"name": "Dự án kín", "privacy_visibility": "followers"}
        )
        with self.assertRaises(AccessError):
            line.with_user(self.project_user).write({"project_id": hidden.id})
        self.assertFalse(line.is_ready)
