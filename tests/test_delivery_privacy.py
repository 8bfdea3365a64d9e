# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The reviews (their minutes) and the questions of a delivery follow the
project's privacy, as Odoo's tasks do: a project user who cannot read a
private project reads none of its reviews nor questions; its followers and
the project administrators do; a portal user reads no minutes at all."""

from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project


class TestDeliveryPrivacy(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.outsider = new_test_user(
            cls.env,
            login="b2b_privacy_outsider",
            groups="project.group_project_user",
            name="Đỗ Văn Giang",
        )
        cls.portal = new_test_user(
            cls.env, login="b2b_privacy_portal", groups="base.group_portal"
        )
        cls.review = cls.env["b2b.review"].create(
            {
                "project_id": cls.project.id,
                "name": "Họp tiến độ",
                "date": datetime(2026, 3, 10, 2, 0),
                "minutes": "<p>Khách hàng chưa duyệt kịch bản</p>",
            }
        )
        cls.question = cls.env["b2b.question"].create(
            {"project_id": cls.project.id, "name": "Logo bản nào?"}
        )
        cls.project.privacy_visibility = "followers"

    def assert_hidden(self, user):
        for record in (self.review, self.question):
            Model = self.env[record._name].with_user(user)
            self.assertFalse(Model.search([("project_id", "=", self.project.id)]))
            with self.assertRaises(AccessError):
                record.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                record.with_user(user).write({"name": "Sửa"})

    def assert_read(self, user):
        for record in (self.review, self.question):
            Model = self.env[record._name].with_user(user)
            self.assertEqual(Model.search([("project_id", "=", self.project.id)]), record)
            record.with_user(user).read(["name"])

    def test_outsider_reads_no_review_of_a_private_project(self):
        self.assert_hidden(self.outsider)
        self.assert_hidden(self.salesman_other)
        # The same project open to employees: they read it.
        self.project.privacy_visibility = "employees"
        self.assert_read(self.outsider)

    def test_followers_and_administrators_read(self):
        self.assert_read(self.project_user)  # a follower of the project
        self.assert_read(self.project_manager)  # not a follower
        self.project.message_subscribe(partner_ids=self.outsider.partner_id.ids)
        self.assert_read(self.outsider)
        self.project.message_unsubscribe(partner_ids=self.outsider.partner_id.ids)
        self.assert_hidden(self.outsider)

    def test_outsider_cannot_add_one_to_a_private_project(self):
        with self.assertRaises(AccessError):
            self.env["b2b.question"].with_user(self.outsider).create(
                {"project_id": self.project.id, "name": "Câu hỏi"}
            )

    def test_portal_reads_no_minutes(self):
        self.project.privacy_visibility = "portal"
        self.project.message_subscribe(partner_ids=self.portal.partner_id.ids)
        for record in (self.review, self.question):
            with self.assertRaises(AccessError):
                record.with_user(self.portal).read(["name"])
