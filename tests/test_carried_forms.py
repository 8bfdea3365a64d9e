# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery's forms open for each role with its narrowest rights: a
member of the delivery team (Project user) and the salesperson of the order
(Sales rights) open the project, its phases, goals, questions and
reviews."""

from datetime import date, datetime

from odoo.tests import Form

from .common_delivery import PLAN_START, DeliveryCase
from .test_delivery_resources import create_delivery_project


class TestCarriedForms(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.project.privacy_visibility = "employees"
        env = cls.env
        cls.goal = env["b2b.weekly.goal"].create(
            {"project_id": cls.project.id, "name": "Duyệt kịch bản", "week_start": PLAN_START}
        )
        cls.question = env["b2b.question"].create(
            {"project_id": cls.project.id, "name": "Logo bản nào?", "date_due": date(2026, 3, 6)}
        )
        cls.review = env["b2b.review"].create(
            {"project_id": cls.project.id, "name": "Họp tiến độ", "date": datetime(2026, 3, 10, 2)}
        )

    def test_forms_for_team_member_and_salesman(self):
        records = [self.project, self.phase_script, self.goal, self.question, self.review]
        for user in (self.project_user, self.salesman):
            for record in records:
                with self.subTest(user=user.login, model=record._name):
                    form = Form(record.with_user(user))
                    self.assertEqual(form.id, record.id)
