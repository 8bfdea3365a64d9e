# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A risk takes the company of its project or opportunity, not its
creator's."""
from odoo.exceptions import ValidationError

from .common import B2BCase, create_user


class TestRiskCompany(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.branch = env["res.company"].create(
            {"name": "Chi nhánh Đà Nẵng", "parent_id": cls.company.id})
        # works in the parent company, sees the branch's projects
        cls.manager = create_user(
            env, "b2b_risk_project_manager", ["project.group_project_manager"],
            company_id=cls.company.id,
            company_ids=[(6, 0, (cls.company | cls.branch).ids)],
        )
        cls.project = env["project.project"].create(
            {"name": "Dự án chi nhánh", "company_id": cls.branch.id})

    def test_risk_takes_its_projects_company(self):
        risk = self.env["b2b.risk"].sudo(self.manager).create(
            {"name": "Chậm dữ liệu", "project_id": self.project.id})
        self.assertEqual(risk.company_id, self.branch)

    def test_risk_in_another_company_than_its_project_refused(self):
        Risk = self.env["b2b.risk"].sudo(self.manager)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Risk.create({"name": "Sai công ty", "project_id": self.project.id,
                         "company_id": self.company.id})
        risk = Risk.create({"name": "Chậm dữ liệu", "project_id": self.project.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            risk.write({"company_id": self.company.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            risk.sudo().write({"company_id": self.company.id})
        self.assertEqual(risk.company_id, self.branch)
