# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buying committee: roles by code, one seat per contact, coverage of the
key roles on the opportunity, who sees and edits whose committee, the data
source, risks, and the merge of opportunities."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import B2bPipelineCase


@tagged("post_install", "-at_install")
class TestStakeholders(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý nhân sự")

    def test_roles_shipped_with_their_codes(self):
        Role = self.env["b2b.stakeholder.role"]
        self.assertEqual(
            Role.search([]).mapped("code"),
            ["user", "decision_maker", "influencer", "payer", "implementer"],
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Role.create({"name": "Người quyết định 2", "code": "decision_maker"})
            self.env.flush_all()

    def test_roles_are_configured_by_managers_only(self):
        Role = self.env["b2b.stakeholder.role"]
        with self.assertRaises(AccessError):
            Role.with_user(self.salesman).create({"name": "Cố vấn", "code": "advisor"})
        role = Role.with_user(self.sales_manager).create(
            {"name": "Cố vấn", "code": "advisor", "is_key": False}
        )
        self.assertEqual(role.code, "advisor")

    def test_committee_coverage_of_the_key_roles(self):
        self.assertEqual(self.lead.b2b_role_coverage, "0/5")
        self.assertFalse(self.lead.b2b_role_coverage_full)
        self.add_stakeholder(
            self.lead, self.contact_an, self.role_decision_maker, self.role_user
        )
        self.add_stakeholder(self.lead, self.contact_hoa, self.role_payer)
        self.assertEqual(self.lead.b2b_role_coverage, "3/5")
        self.assertEqual(
            self.lead.b2b_role_missing_ids, self.role_influencer | self.role_implementer
        )
        self.assertEqual(
            self.lead.b2b_role_covered_ids,
            self.role_user | self.role_decision_maker | self.role_payer,
        )
        # A role that is not key does not count.
        self.role_implementer.is_key = False
        self.add_stakeholder(self.lead, self.contact_hoa, self.role_influencer)
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.b2b_role_coverage, "4/4")
        self.assertTrue(self.lead.b2b_role_coverage_full)

    def test_a_contact_sits_once_in_a_committee(self):
        member = self.add_stakeholder(self.lead, self.contact_an, self.role_user)
        self.assertEqual(member.display_name, "Công ty TNHH Phần mềm Minh Phát, Nguyễn Văn An (User)")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["b2b.stakeholder"].create(
                {"lead_id": self.lead.id, "partner_id": self.contact_an.id}
            )
            self.env.flush_all()

    def test_committee_member_form_with_goals_and_benefits(self):
        form = Form(
            self.env["b2b.stakeholder"]
            .with_user(self.salesman)
            .with_context(default_lead_id=self.lead.id)
        )
        form.partner_id = self.contact_an
        form.role_ids.add(self.role_decision_maker)
        form.influence = "high"
        form.attitude = "champion"
        form.goal_personal = "Được thăng chức"
        form.goal_department = "Giảm thời gian tính lương"
        form.goal_company = "Mở chi nhánh thứ hai"
        form.benefit_cost = True
        form.benefit_management = True
        member = form.save()
        self.assertEqual(member.lead_id, self.lead)
        self.assertEqual(member.user_id, self.salesman)
        self.assertEqual(member.function, "Giám đốc")
        self.assertEqual(
            (member.benefit_revenue, member.benefit_cost, member.benefit_management),
            (False, True, True),
        )
        self.assertEqual(self.lead.stakeholder_ids, member)

    def test_the_committee_goes_with_its_opportunity(self):
        member = self.add_stakeholder(self.lead, self.contact_an, self.role_user)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            # A contact in a committee is not deleted from under it.
            self.contact_an.unlink()
            self.env.flush_all()
        self.lead.unlink()
        self.assertFalse(member.exists())

    def test_salesperson_sees_own_and_unassigned_committees(self):
        other = self.create_lead("Của người khác", user=self.salesman_other)
        with self.assertRaises(AccessError):
            self.add_stakeholder(other, self.contact_an, self.role_user)
        theirs = self.add_stakeholder(
            other, self.contact_an, self.role_user, user=self.salesman_other
        )
        Member = self.env["b2b.stakeholder"].with_user(self.salesman)
        self.assertFalse(Member.search([("id", "=", theirs.id)]))
        unassigned = self.create_lead("Chưa giao")
        unassigned.user_id = False
        mine = self.add_stakeholder(unassigned, self.contact_hoa, self.role_payer)
        self.assertEqual(Member.search([("lead_id", "=", unassigned.id)]), mine)
        # All leads and the sales managers see every committee.
        all_leads = new_test_user(
            self.env,
            login="b2b_all_leads",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        for user in (all_leads, self.sales_manager):
            self.assertEqual(
                self.env["b2b.stakeholder"]
                .with_user(user)
                .search([("id", "in", (theirs | mine).ids)]),
                theirs | mine,
            )

    def test_committees_of_another_company_are_hidden(self):
        other_company = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        self.lead.company_id = self.env.company
        member = self.add_stakeholder(self.lead, self.contact_an, self.role_user)
        self.lead.write(
            {"user_id": False, "team_id": False, "company_id": other_company.id}
        )
        self.assertEqual(member.company_id, other_company)
        self.assertFalse(
            self.env["b2b.stakeholder"]
            .with_user(self.sales_manager)
            .search([("id", "=", member.id)])
        )

    def test_data_source_is_tracked(self):
        lead = self.lead.with_user(self.salesman)
        lead.b2b_data_source = "paid"
        self.env.cr.precommit.run()  # mail's tracking runs before the commit
        tracking = self.lead.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "b2b_data_source"
        )
        self.assertEqual(tracking.new_value_char, "Paid data")
        groups = self.env["crm.lead"]._read_group(
            [("id", "=", lead.id)], ["b2b_data_source"], ["__count"]
        )
        self.assertEqual(groups, [("paid", 1)])

    def test_risks_of_the_opportunity(self):
        Risk = self.env["b2b.risk"].with_user(self.salesman)
        risk = Risk.create(
            {
                "lead_id": self.lead.id,
                "name": "Ngân sách chưa duyệt",
                "probability": "high",
                "impact": "medium",
                "mitigation": "Chia thanh toán theo giai đoạn",
            }
        )
        self.assertEqual(
            (risk.user_id, risk.state, risk.exposure), (self.salesman, "open", 6)
        )
        self.assertEqual(self.lead.b2b_risk_count, 1)
        risk.state = "mitigated"
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.b2b_risk_count, 0)
        self.assertEqual(self.lead.risk_ids, risk)
        action = self.lead.with_user(self.salesman).action_view_risks()
        self.assertEqual(action["domain"], [("lead_id", "=", self.lead.id)])
        other = self.create_lead("Của người khác", user=self.salesman_other)
        with self.assertRaises(AccessError):
            Risk.create({"lead_id": other.id, "name": "Đối thủ giảm giá"})

    def test_merge_moves_committee_touchpoints_and_risks_to_the_head(self):
        head = self.lead
        tail = self.create_lead("Đầu mối")
        self.add_stakeholder(head, self.contact_an, self.role_user)
        self.add_stakeholder(tail, self.contact_an, self.role_payer)
        hoa = self.add_stakeholder(tail, self.contact_hoa, self.role_payer)
        call = self.log_touchpoint(tail, "call", call_outcome="talked")
        risk = self.env["b2b.risk"].create({"lead_id": tail.id, "name": "Trễ hạn"})
        merged = (head | tail).with_user(self.salesman).merge_opportunity()
        self.assertEqual(merged, head)
        self.assertFalse(tail.exists())
        self.assertEqual(head.stakeholder_ids.partner_id, self.contact_an | self.contact_hoa)
        self.assertEqual(hoa.lead_id, head)
        self.assertEqual((call.lead_id, risk.lead_id), (head, head))
        self.assertEqual(call.user_id, self.salesman)
