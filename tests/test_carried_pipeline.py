# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_crm_security): a lost opportunity keeps its
committee, touchpoints and risks readable by its salesperson, and hidden
from the others."""

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
