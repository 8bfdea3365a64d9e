# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The risks of a delivery project visible to its followers only are read
by its followers and the project managers, as the project itself."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import B2BCase, create_user


class TestRiskPrivacy(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.follower = create_user(
            env, "b2b_risk_follower", ["project.group_project_user"])
        cls.private = env["project.project"].create(
            {"name": "Dự án riêng", "privacy_visibility": "followers"})
        cls.private.message_subscribe_users(user_ids=cls.follower.ids)
        cls.open = env["project.project"].create(
            {"name": "Dự án chung", "privacy_visibility": "employees"})
        Risk = env["b2b.risk"]
        cls.private_risk = Risk.create(
            {"name": "Chậm dữ liệu", "project_id": cls.private.id})
        cls.open_risk = Risk.create(
            {"name": "Thiếu người", "project_id": cls.open.id})

    def test_private_projects_risks_hidden_from_who_cannot_read_the_project(self):
        risks = self.private_risk | self.open_risk
        for user in (self.project_user, self.salesman, self.sales_manager):
            found = self.env["b2b.risk"].sudo(user).search([("id", "in", risks.ids)])
            self.assertEqual(found, self.open_risk, user.login)
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.private_risk.sudo(user).read(["name"])
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.private.sudo(user).read(["name"])
        for user in (self.follower, self.project_manager):
            found = self.env["b2b.risk"].sudo(user).search([("id", "in", risks.ids)])
            self.assertEqual(found, risks, user.login)
            self.private_risk.sudo(user).read(["name"])
