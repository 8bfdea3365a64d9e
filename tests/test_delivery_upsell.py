# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up opportunities heard during the delivery: created from the
project for its customer, in the order's sales team, linked back."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project


class TestDeliveryUpsell(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create({"name": "Kinh doanh miền Bắc"})
        cls.order.team_id = cls.team
        cls.project = create_delivery_project(cls)

    def test_project_user_creates_follow_up(self):
        lead_id = self.project.with_user(self.project_user).action_create_upsell_lead()
        self.assertIsInstance(lead_id, int)
        lead = self.env["crm.lead"].browse(lead_id)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(lead.b2b_source_project_id, self.project)
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(lead.company_id, self.project.company_id)
        self.assertEqual(self.project.b2b_upsell_lead_count, 1)
        self.project.with_user(self.salesman).action_create_upsell_lead()
        self.project.invalidate_recordset(["b2b_upsell_lead_count"])
        self.assertEqual(self.project.b2b_upsell_lead_count, 2)
        action = self.project.with_user(self.salesman).action_view_upsell_leads()
        self.assertEqual(action["res_model"], "crm.lead")

    def test_project_without_customer(self):
        project = self.env["project.project"].create({"name": "Dự án nội bộ"})
        with self.assertRaises(UserError):
            project.with_user(self.project_manager).action_create_upsell_lead()

    def test_only_delivery_team_and_salespeople(self):
        stranger = new_test_user(self.env, login="b2b_upsell_stranger", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.project.with_user(stranger).action_create_upsell_lead()

    def test_lead_customer_is_the_project_customer(self):
        other = self.env["res.partner"].create({"name": "Công ty Khác", "is_company": True})
        Lead = self.env["crm.lead"].with_user(self.salesman)
        with self.assertRaises(ValidationError):
            Lead.create(
                {
                    "name": "Đơn hàng 2",
                    "partner_id": other.id,
                    "b2b_source_project_id": self.project.id,
                }
            )
        lead = self.env["crm.lead"].browse(
            self.project.with_user(self.project_user).action_create_upsell_lead()
        )
        with self.assertRaises(ValidationError):
            lead.with_user(self.salesman).write({"partner_id": other.id})
        contact = self.env["res.partner"].create(
            {"name": "Nguyễn Văn An", "parent_id": self.customer.id}
        )
        lead.with_user(self.salesman).write({"partner_id": contact.id})
        self.assertEqual(lead.partner_id, contact)
