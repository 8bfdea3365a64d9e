# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Committee, touchpoints and risks follow crm's own / all leads rules."""
from odoo.exceptions import AccessError

from .common import create_user
from .common_crm import B2BCrmCase


class TestCrmSecurity(B2BCrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.add_stakeholder(cls.lead, cls.contact, cls.role_payer)
        cls.touchpoint = cls.add_touchpoint(cls.lead, "call", call_outcome="answered")
        cls.risk = cls.env["b2b.risk"].create(
            {"name": "Ngân sách chưa duyệt", "lead_id": cls.lead.id})
        cls.all_leads_user = create_user(
            cls.env, "b2b_all_leads", ["sales_team.group_sale_salesman_all_leads"])

    def test_other_salesman_cannot_read(self):
        for record in (self.member, self.touchpoint, self.risk):
            Model = self.env[record._name].sudo(self.salesman_other)
            self.assertFalse(Model.search([("lead_id", "=", self.lead.id)]))
            with self.assertRaises(AccessError):
                record.sudo(self.salesman_other).read(["lead_id"])

    def test_owner_and_all_leads_read(self):
        for user in (self.salesman, self.all_leads_user):
            for record in (self.member, self.touchpoint, self.risk):
                found = self.env[record._name].sudo(user).search(
                    [("lead_id", "=", self.lead.id)])
                self.assertEqual(found, record)

    def test_unassigned_opportunity_is_shared(self):
        lead = self.create_lead("Chưa phân công")
        lead.user_id = False
        member = self.add_stakeholder(lead, self.contact, self.role_user)
        found = self.env["b2b.stakeholder"].sudo(self.salesman_other).search(
            [("lead_id", "=", lead.id)])
        self.assertEqual(found, member)

    def test_lost_opportunity_keeps_its_records_visible(self):
        self.lead.action_set_lost()
        found = self.env["b2b.touchpoint"].sudo(self.salesman).search(
            [("lead_id", "=", self.lead.id)])
        self.assertEqual(found, self.touchpoint)

    def test_other_company_is_hidden(self):
        other = self.env["res.company"].create({"name": "Chi nhánh Hà Nội"})
        touchpoint = self.add_touchpoint(self.lead, "email")
        touchpoint.company_id = other
        found = self.env["b2b.touchpoint"].sudo(self.salesman).search(
            [("lead_id", "=", self.lead.id)])
        self.assertEqual(found, self.touchpoint)

    def test_only_managers_configure(self):
        Role = self.env["b2b.stakeholder.role"]
        with self.assertRaises(AccessError):
            Role.sudo(self.salesman).create({"name": "Cố vấn", "code": "advisor"})
        with self.assertRaises(AccessError):
            self.env["b2b.checkpoint"].sudo(self.salesman).create({
                "name": "X", "stage_id": self.stage_contact.id, "kind": "manual"})
        with self.assertRaises(AccessError):
            self.stage_contact.sudo(self.salesman).write({"name": "Liên hệ"})
        role = Role.sudo(self.sales_manager).create({"name": "Cố vấn", "code": "advisor"})
        self.assertTrue(role.is_key)
        checkpoint = self.env["b2b.checkpoint"].sudo(self.sales_manager).create({
            "name": "X", "stage_id": self.stage_contact.id, "kind": "manual"})
        self.assertEqual(checkpoint.stage_id, self.stage_contact)
