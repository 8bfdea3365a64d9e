# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The seller's deal team (issue 26.4): members with roles on the
opportunity, who may set them, carried to the delivery project's team by
every road, and their own calls and meetings counted for each of them."""

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from . import test_rpc
from .common_delivery import DeliveryCase


class DealTeamCase(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.presales = new_test_user(
            cls.env, "b2b_deal_presales", groups="sales_team.group_sale_salesman",
            name="Đỗ Minh Giang",
        )
        cls.tech_lead = new_test_user(
            cls.env, "b2b_deal_tech_lead", groups="project.group_project_user",
            name="Vũ Quang Huy",
        )
        cls.sales_manager = new_test_user(
            cls.env, "b2b_deal_manager", groups="sales_team.group_sale_manager",
            name="Ngô Thị Lan",
        )
        cls.lead = cls.env["crm.lead"].with_user(cls.salesman).create({
            "name": "Minh Phát - Video", "type": "opportunity",
            "partner_id": cls.customer.id, "user_id": cls.salesman.id,
        })
        with Form(cls.lead.with_user(cls.salesman)) as form:
            with form.b2b_deal_member_ids.new() as line:
                line.user_id = cls.presales
                line.role = "presales"
            with form.b2b_deal_member_ids.new() as line:
                line.user_id = cls.tech_lead
                line.role = "technical_lead"
        cls.order.opportunity_id = cls.lead


@tagged("post_install", "-at_install")
class TestDealTeam(DealTeamCase):
    def test_team_on_the_opportunity(self):
        members = self.lead.b2b_deal_member_ids
        self.assertEqual(
            [(m.user_id, m.role, m.company_id) for m in members],
            [(self.presales, "presales", self.lead.company_id),
             (self.tech_lead, "technical_lead", self.lead.company_id)],
        )
        Member = self.env["b2b.deal.member"].with_user(self.salesman)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            Member.create({"lead_id": self.lead.id, "user_id": self.presales.id, "role": "other"})
        portal = new_test_user(self.env, "b2b_deal_portal", groups="base.group_portal")
        with self.assertRaises(ValidationError):
            Member.create({"lead_id": self.lead.id, "user_id": portal.id})
        result = Member.load(
            ["lead_id/.id", "user_id/.id", "role"],
            [[str(self.lead.id), str(self.sales_manager.id), "manager"]],
        )
        self.assertEqual(Member.browse(result["ids"]).role, "manager")

    def test_who_sets_the_team(self):
        member = self.lead.b2b_deal_member_ids[:1]
        # Another salesperson: neither reads nor adds to the team of a deal
        # that is not theirs.
        other = self.env["b2b.deal.member"].with_user(self.salesman_other)
        self.assertFalse(other.search([("lead_id", "=", self.lead.id)]))
        with self.assertRaises(AccessError):
            other.create({"lead_id": self.lead.id, "user_id": self.salesman_other.id})
        with self.assertRaises(AccessError):
            member.with_user(self.salesman_other).role = "other"
        # A member sees the opportunity and its team, but adds nobody.
        self.assertTrue(self.lead.with_user(self.presales).has_access("read"))
        with self.assertRaises(AccessError):
            self.env["b2b.deal.member"].with_user(self.presales).create(
                {"lead_id": self.lead.id, "user_id": self.salesman_other.id}
            )
        self.assertEqual(
            self.env["b2b.deal.member"].with_user(self.presales).search(
                [("lead_id", "=", self.lead.id)]
            ),
            self.lead.b2b_deal_member_ids,
        )
        self.assertFalse(self.lead.with_user(self.salesman_other).has_access("read"))
        # Another company: nothing.
        company = self.env["res.company"].create({"name": "Công ty Khác"})
        outsider = new_test_user(
            self.env, "b2b_deal_other_company", groups="sales_team.group_sale_manager",
            company_id=company.id, company_ids=[(6, 0, company.ids)],
        )
        self.assertFalse(
            self.env["b2b.deal.member"].with_user(outsider).search([("lead_id", "=", self.lead.id)])
        )

    def test_team_carried_by_the_button(self):
        self.confirm(self.order)
        self.assertIs(self.order.with_user(self.salesman).action_create_delivery_project(), True)
        project = self.order.project_id
        self.assertLessEqual(
            (self.presales | self.tech_lead).partner_id, project.message_partner_ids
        )
        self.assertLessEqual(
            self.presales | self.tech_lead, project.team_agreement_ids.user_id
        )
        self.assertLessEqual(self.presales | self.tech_lead, project._b2b_team_members())
        # The member agrees to the plan like the rest of the team.
        self.assertIs(project.with_user(self.tech_lead).action_b2b_agree_plan(), True)
        # Created again: once each.
        self.order.with_user(self.salesman).action_create_project()
        self.assertEqual(
            len(project.team_agreement_ids.filtered(lambda a: a.user_id == self.presales)), 1
        )

    def test_members_open_the_deals_of_their_teams_only(self):
        group = self.env.ref("b2b_sales_delivery.group_b2b_deal_member")
        rule = self.env.ref("b2b_sales_delivery.b2b_crm_lead_rule_deal_member")
        # The rule naming the addon's field reaches the deal members only:
        # nobody else is given it, by any group implying it.
        self.assertEqual(rule.groups, group)
        self.assertFalse(group.all_implied_by_ids - group)
        self.assertIn(group, self.presales.group_ids)
        outsider = new_test_user(
            self.env, "b2b_deal_outsider", groups="sales_team.group_sale_salesman",
            name="Phan Văn Khải",
        )
        self.assertNotIn(group, outsider.all_group_ids)
        with self.assertRaises(AccessError):
            self.lead.with_user(outsider).read(["name"])
        self.lead.with_user(self.presales).write({"description": "Khảo sát xong"})
        # Another lead of the same salesperson stays closed to the member.
        other = self.env["crm.lead"].with_user(self.salesman).create(
            {"name": "Minh Phát - Kho", "type": "opportunity", "user_id": self.salesman.id}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.presales).read(["name"])
        # A member changed to the outsider opens the deal to them.
        member = self.lead.b2b_deal_member_ids.filtered(lambda m: m.user_id == self.presales)
        member.with_user(self.salesman).user_id = outsider
        self.assertIn(group, outsider.group_ids)
        self.assertEqual(self.lead.with_user(outsider).name, "Minh Phát - Video")

    def test_member_activities_count_for_the_member(self):
        # The presales consultant's call (the activity they mark done) and
        # meeting (they organise it) are theirs, not the salesperson's.
        activity = self.lead.with_user(self.presales).activity_schedule(
            "mail.mail_activity_data_call", user_id=self.presales.id,
            date_deadline="2026-03-03",
        )
        activity.b2b_call_outcome = "talked"
        with freeze_time("2026-03-03 02:00:00"):
            activity.with_user(self.presales).action_feedback(feedback="Đã gọi")
        with freeze_time("2026-03-04 02:00:00"):
            self.env["calendar.event"].with_user(self.presales).with_context(
                default_opportunity_id=self.lead.id
            ).create({
                "name": "Khảo sát", "user_id": self.presales.id,
                "start": "2026-03-10 02:00:00", "stop": "2026-03-10 03:00:00",
            })
        rows = self.env["b2b.kpi.target"].with_user(self.sales_manager).get_kpi_values(
            "2026-03-01", "2026-03-31", user_ids=[self.presales.id, self.salesman.id]
        )
        figures = {(row["user_id"], row["kpi"]): row["actual"] for row in rows}
        self.assertEqual(figures[(self.presales.id, "contacts_reached")], 1)
        self.assertEqual(figures[(self.presales.id, "meetings_new")], 1)
        self.assertEqual(figures[(self.salesman.id, "contacts_reached")], 0)
        self.assertEqual(figures[(self.salesman.id, "meetings_new")], 0)


@tagged("post_install", "-at_install")
class TestDealTeamRpc(HttpCase, DealTeamCase):
    call = test_rpc.TestRpc.call
    assertFault = test_rpc.TestRpc.assertFault

    def test_team_carried_over_rpc(self):
        self.confirm(self.order)
        project_id = self.call(
            self.salesman, "sale.order", "action_create_project", [self.order.id]
        )
        project = self.env["project.project"].browse(project_id)
        self.assertLessEqual(self.presales | self.tech_lead, project.team_agreement_ids.user_id)
        # The day a meeting was booked is the server's, over RPC too.
        meeting = self.env["calendar.event"].with_user(self.salesman).with_context(
            default_opportunity_id=self.lead.id
        ).create({
            "name": "Gặp anh An", "start": "2026-03-10 02:00:00",
            "stop": "2026-03-10 03:00:00",
        }).b2b_touchpoint_ids
        self.assertFault(
            lambda: self.call(
                self.salesman, "b2b.touchpoint", "write", [meeting.id],
                {"date_booked": "2026-01-01 00:00:00"},
                context={"b2b_touchpoint_server": True},
            ),
            "cannot be changed",
        )
