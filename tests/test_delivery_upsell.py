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

    def test_follow_ups_button_for_salespeople_only(self):
        """The follow-up opportunities open in CRM: the delivery team
        without Sales rights is not shown a button it cannot open."""
        both = new_test_user(
            self.env, login="b2b_upsell_both",
            groups="project.group_project_manager,sales_team.group_sale_salesman",
        )
        for user, shown in ((self.project_manager, False), (both, True)):
            arch = self.env["project.project"].with_user(user).get_views(
                [(False, "form")]
            )["views"]["form"]["arch"]
            self.assertEqual('name="action_view_upsell_leads"' in arch, shown, user.login)

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


class TestFollowUpStage(DeliveryCase):
    """An existing customer's follow-up skips the new customer's steps: it
    starts at the stage of its team's pipeline marked for follow-ups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create(
            {"name": "Kinh doanh dự án", "b2b_use_pipeline": True}
        )
        cls.order.team_id = cls.team
        cls.project = create_delivery_project(cls)
        cls.marked = cls.env.ref("b2b_sales_delivery.crm_stage_meeting_demo")

    def _follow_up(self):
        return self.env["crm.lead"].browse(
            self.project.with_user(self.project_user).action_create_upsell_lead()
        )

    def test_follow_up_starts_after_the_new_customer_steps(self):
        self.assertTrue(self.marked.b2b_is_follow_up_start)
        lead = self._follow_up()
        self.assertEqual(lead.stage_id, self.marked)
        # The contact, email and booking checkpoints were never met: they
        # are a new customer's, skipped, and the chatter says so.
        contact = self.env.ref("b2b_sales_delivery.crm_stage_contact")
        self.assertTrue(lead._get_unmet_checkpoints({lead.id: contact}))
        self.assertIn("Meeting &amp; Demo", lead.message_ids[0].body)
        # Without a marked stage, the first stage of the team's pipeline.
        self.marked.b2b_is_follow_up_start = False
        lead = self._follow_up()
        self.assertEqual(lead.stage_id, contact)

    def test_the_stage_of_the_team_pipeline(self):
        # A team outside the B2B pipeline never gets a B2B stage: its own
        # marked stage, or crm's first.
        self.team.b2b_use_pipeline = False
        lead = self._follow_up()
        self.assertFalse(lead.stage_id.b2b_pipeline)
        self.assertNotEqual(lead.stage_id, self.marked)
        own = self.env["crm.stage"].create(
            {
                "name": "Khách cũ",
                "sequence": 50,
                "team_ids": [(6, 0, self.team.ids)],
                "b2b_is_follow_up_start": True,
            }
        )
        self.assertEqual(self._follow_up().stage_id, own)

    def test_only_the_follow_up_skips_the_steps(self):
        # The same opportunity created by hand at the marked stage meets the
        # checkpoints of the stages before it, whatever the context says.
        values = {
            "name": "Đơn hàng 2",
            "type": "opportunity",
            "partner_id": self.customer.id,
            "team_id": self.team.id,
            "stage_id": self.marked.id,
        }
        Lead = self.env["crm.lead"].with_user(self.salesman)
        with self.assertRaises(UserError):
            Lead.create(values)
        with self.assertRaises(UserError):
            Lead.with_context(b2b_force_stage=True).create(values)
        # A stage given to the follow-up is checked as any creation's.
        with self.assertRaises(UserError):
            Lead.sudo()._create_follow_up(values)
        self.assertFalse(
            self.env["crm.lead"].search([("name", "=", "Đơn hàng 2")])
        )
