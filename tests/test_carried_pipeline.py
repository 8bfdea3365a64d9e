# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_crm_security, test_install): a lost opportunity
keeps its committee, touchpoints and risks readable by its salesperson, and
hidden from the others; the addon's groups follow the sales groups."""

from odoo.tests import new_test_user

from .common import B2bPipelineCase


class TestCarriedPipeline(B2bPipelineCase):
    def test_lost_opportunity_keeps_its_records_visible(self):
        lead = self.create_lead("Minh Phát - Thua")
        touchpoint = self.log_touchpoint(lead, "call")
        member = self.add_stakeholder(lead, self.contact_an, self.role_decision_maker)
        risk = self.env["b2b.risk"].with_user(self.salesman).create({"lead_id": lead.id, "name": "Ngân sách bị cắt"})
        lead.with_user(self.salesman).action_set_lost()
        self.assertFalse(lead.active)
        for record in (touchpoint, member, risk):
            Model = self.env[record._name]
            self.assertEqual(Model.with_user(self.salesman).search([("lead_id", "=", lead.id)]), record)
            self.assertFalse(Model.with_user(self.salesman_other).search([("lead_id", "=", lead.id)]))
            self.assertEqual(Model.with_user(self.sales_manager).search([("lead_id", "=", lead.id)]), record)

    def test_groups_follow_sales_groups(self):
        project_user = new_test_user(
            self.env, login="b2b_carried_project_user", groups="project.group_project_user"
        )
        self.assertTrue(self.salesman.has_group("b2b_sales_delivery.group_b2b_user"))
        self.assertFalse(self.salesman.has_group("b2b_sales_delivery.group_b2b_manager"))
        self.assertTrue(self.sales_manager.has_group("b2b_sales_delivery.group_b2b_manager"))
        self.assertFalse(project_user.has_group("b2b_sales_delivery.group_b2b_user"))
