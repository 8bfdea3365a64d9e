# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The risks of the opportunity reach its delivery project (the open ones,
on every road that makes the project); the delivery team reads the risks of
the projects it may read (the project's privacy); a risk takes its project's
company, never its creator's, and is refused in another company."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from .common_delivery import DeliveryCase


class TestProjectRisks(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.lead = env["crm.lead"].create(
            {
                "name": "Minh Phát - Video giới thiệu",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )
        Risk = env["b2b.risk"]
        cls.risk_open = Risk.create({"name": "Khách chậm duyệt kịch bản", "lead_id": cls.lead.id})
        cls.risk_closed = Risk.create(
            {"name": "Ngân sách chưa duyệt", "lead_id": cls.lead.id, "state": "closed"}
        )
        cls.order.opportunity_id = cls.lead
        cls.confirm(cls.order)
        cls.project = env["project.project"].browse(
            cls.order.with_user(cls.salesman).action_create_project()
        )

    def test_open_risks_reach_the_project(self):
        self.assertEqual(self.risk_open.project_id, self.project)
        self.assertFalse(self.risk_closed.project_id)
        self.assertEqual(self.project.b2b_open_risk_count, 1)
        self.assertEqual(self.project.b2b_open_risk_ids, self.risk_open)
        action = self.project.with_user(self.project_manager).action_view_b2b_risks()
        self.assertEqual(
            self.env["b2b.risk"].with_user(self.project_manager).search(action["domain"]),
            self.risk_open,
        )
        # The project Odoo makes on confirmation gets them too.
        risk = self.env["b2b.risk"].create({"name": "Thiếu thiết bị quay", "lead_id": self.lead.id})
        order = self.create_order(self.service_project)
        order.opportunity_id = self.lead
        self.confirm(order)
        self.assertEqual(risk.project_id, order.project_id)

    def test_delivery_team_reads_the_risks_of_projects_it_reads(self):
        Risk = self.env["b2b.risk"].with_user(self.project_user)
        # The delivery project is kept to its followers.
        self.assertEqual(self.project.privacy_visibility, "followers")
        self.assertFalse(Risk.search([("id", "=", self.risk_open.id)]))
        with self.assertRaises(AccessError):
            self.risk_open.with_user(self.project_user).read(["name"])
        self.project.message_subscribe(partner_ids=self.project_user.partner_id.ids)
        self.assertEqual(Risk.search([("project_id", "=", self.project.id)]), self.risk_open)
        self.assertEqual(
            self.project.with_user(self.project_user).b2b_open_risk_ids, self.risk_open
        )
        # The team records a risk of the delivery, without an opportunity.
        risk = Risk.create({"name": "Diễn viên ốm", "project_id": self.project.id})
        self.assertEqual(risk.company_id, self.project.company_id)
        # The opportunity's risks that stayed out of the project are not the team's.
        self.assertFalse(Risk.search([("id", "=", self.risk_closed.id)]))
        with self.assertRaisesRegex(ValidationError, "belongs to an opportunity or a project"):
            self.env["b2b.risk"].create({"name": "Không gắn đâu cả"})


class TestRiskCompany(DeliveryCase):
    """Counterparts of 11.0/tests/test_risk_company.py."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env.company
        cls.branch = env["res.company"].create(
            {"name": "Chi nhánh Đà Nẵng", "parent_id": cls.company.id}
        )
        # Works in the parent company, sees the branch's projects.
        cls.manager = new_test_user(
            env,
            login="b2b_risk_project_manager",
            groups="project.group_project_manager",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.branch).ids)],
        )
        cls.branch_project = env["project.project"].create(
            {"name": "Dự án chi nhánh", "company_id": cls.branch.id}
        )
        cls.Risk = env["b2b.risk"].with_user(cls.manager).with_context(
            allowed_company_ids=(cls.company | cls.branch).ids
        )

    def test_risk_takes_its_projects_company(self):
        risk = self.Risk.create({"name": "Chậm dữ liệu", "project_id": self.branch_project.id})
        self.assertEqual(risk.company_id, self.branch)

    def test_risk_in_another_company_than_its_project_refused(self):
        with self.assertRaises(ValidationError):
            self.Risk.create(
                {
                    "name": "Sai công ty",
                    "project_id": self.branch_project.id,
                    "company_id": self.company.id,
                }
            )
        risk = self.Risk.create({"name": "Chậm dữ liệu", "project_id": self.branch_project.id})
        with self.assertRaises(ValidationError):
            risk.write({"company_id": self.company.id})
        with self.assertRaises(ValidationError):
            risk.sudo().write({"company_id": self.company.id})
        self.assertEqual(risk.company_id, self.branch)
