# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The follow-up opportunity from the delivery keeps the buying committee
of the order's opportunity, as copies of its own."""

from odoo import Command

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project


class TestDeliveryUpsellCommittee(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {"name": "Nguyễn Văn An", "parent_id": cls.customer.id}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Cơ hội đầu",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.role = cls.env.ref("b2b_sales_delivery.b2b_stakeholder_role_decision_maker")
        cls.member = cls.env["b2b.stakeholder"].create(
            {
                "lead_id": cls.lead.id,
                "partner_id": cls.contact.id,
                "role_ids": [Command.set(cls.role.ids)],
                "influence": "high",
                "attitude": "champion",
                "goal_company": "Tăng doanh thu 20%",
                "benefit_cost": True,
            }
        )
        cls.order.opportunity_id = cls.lead
        cls.project = create_delivery_project(cls)

    def test_follow_up_keeps_the_buying_committee(self):
        lead = self.env["crm.lead"].browse(
            self.project.with_user(self.project_user).action_create_upsell_lead()
        )
        member = lead.stakeholder_ids
        self.assertEqual(member.partner_id, self.contact)
        self.assertEqual(member.role_ids, self.role)
        self.assertEqual(
            (member.influence, member.attitude, member.goal_company, member.benefit_cost),
            ("high", "champion", "Tăng doanh thu 20%", True),
        )
        self.assertEqual(member.user_id, self.salesman)
        # Copies: the first opportunity's committee is untouched and apart.
        self.assertEqual(self.lead.stakeholder_ids, self.member)
        member.goal_company = "Mở rộng sang miền Nam"
        self.assertEqual(self.member.goal_company, "Tăng doanh thu 20%")

    def test_order_without_opportunity_gives_an_empty_committee(self):
        self.order.opportunity_id = False
        lead = self.env["crm.lead"].browse(
            self.project.with_user(self.project_user).action_create_upsell_lead()
        )
        self.assertFalse(lead.stakeholder_ids)
