# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's own working over XML-RPC: the same rules as a
click, answers XML-RPC can carry."""

import xmlrpc.client
from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project


@tagged("post_install", "-at_install")
class TestDeliveryRpc(HttpCase, DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.project.user_id = cls.project_manager
        cls.env["project.task"].create(
            {
                "name": "Chuẩn bị nguồn lực",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, cls.project_user.ids)],
            }
        )

    def rpc(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(
                self.env.cr.dbname, user.login, user.login, {}
            )
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def assertRefused(self, *call, piece, **kwargs):
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as fault:
            self.rpc(*call, **kwargs)
        self.assertIn(piece, fault.exception.faultString)

    def test_team_agreement_over_rpc(self):
        self.assertIs(
            self.rpc(self.project_manager, "project.project", "action_b2b_sync_team", [self.project.id]),
            True,
        )
        line = self.project.team_agreement_ids.filtered(
            lambda line: line.user_id == self.project_user
        )
        # Another user, even with the step's key in the context, is refused.
        self.assertRefused(
            self.project_manager,
            "b2b.team.agreement",
            "action_agree",
            [line.id],
            context={"b2b_team_agreement_step": True},
            piece="Only the member agrees",
        )
        self.assertRefused(
            self.project_manager,
            "b2b.team.agreement",
            "write",
            [line.id],
            {"date_agreed": "2026-03-02 03:00:00"},
            piece="only through their own step",
        )
        self.assertIs(
            self.rpc(self.project_user, "b2b.team.agreement", "action_agree", [line.id]), True
        )
        self.assertTrue(line.is_agreed)

    def test_weekly_goal_and_follow_up_over_rpc(self):
        goal_id = self.rpc(
            self.project_user,
            "b2b.weekly.goal",
            "create",
            {"project_id": self.project.id, "week_start": "2026-03-09", "name": "Duyệt kịch bản"},
        )
        self.assertRefused(
            self.project_user,
            "b2b.weekly.goal",
            "write",
            [goal_id],
            {"state": "done"},
            context={"b2b_weekly_goal_step": True},
            piece="only through its steps",
        )
        self.assertRefused(
            self.project_user,
            "b2b.weekly.goal",
            "write",
            [goal_id],
            {"week_start": "2026-03-10"},
            piece="starts on a Monday",
        )
        self.assertIs(self.rpc(self.project_user, "b2b.weekly.goal", "action_done", [goal_id]), True)
        goal = self.env["b2b.weekly.goal"].browse(goal_id)
        self.assertEqual((goal.state, goal.week_start), ("done", date(2026, 3, 9)))
        lead_id = self.rpc(
            self.project_user, "project.project", "action_create_upsell_lead", [self.project.id]
        )
        lead = self.env["crm.lead"].browse(lead_id)
        self.assertEqual(lead.b2b_source_project_id, self.project)
