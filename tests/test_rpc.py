# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An integrator's calls over Odoo 19's two APIs, XML-RPC (deprecated) and
JSON-2: the same rules as a click, wrong input named in the answer, public
methods answering values both protocols carry."""

import xmlrpc.client
from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import B2bPipelineCase

REASON = "Khách hàng đã ký hợp đồng khung năm ngoái"


@tagged("post_install", "-at_install")
class TestRpc(HttpCase, B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý kho")

    def call(self, user, model, method, *args, **kwargs):
        """``method`` of ``model`` over XML-RPC as ``user`` (password = login,
        as new_test_user sets it)."""
        # Odoo 19 warns that XML-RPC is deprecated on every call.
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(
                self.env.cr.dbname, user.login, user.login, {}
            )
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def json2(self, user, model, method, **params):
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            ._generate(
                scope="rpc",
                name="integration",
                expiration_date=datetime.now() + timedelta(days=1),
            )
        )
        return self.url_open(
            f"/json/2/{model}/{method}",
            json=params,
            headers={
                "Authorization": f"bearer {key}",
                "X-Odoo-Database": self.env.cr.dbname,
            },
        )

    def assertFault(self, step, *pieces):
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as fault:
            step()
        for piece in pieces:
            self.assertIn(piece, fault.exception.faultString)

    def test_xmlrpc_move_past_unmet_checkpoints_refused_by_name(self):
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "crm.lead",
                "write",
                [self.lead.id],
                {"stage_id": self.stage_email.id},
            ),
            '"Minh Phát - Phần mềm quản lý kho", to the stage "Email Sent":',
            '- A call answered (stage "Contact")',
        )
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_xmlrpc_context_key_does_not_switch_the_rule_off(self):
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "crm.lead",
                "write",
                [self.lead.id],
                {"stage_id": self.stage_email.id},
                context={"b2b_force_stage": True},
            ),
            '- A call answered (stage "Contact")',
        )
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_xmlrpc_force_stage_answers_true_and_names_wrong_input(self):
        manager = self.sales_manager
        self.assertFault(
            lambda: self.call(
                manager, "crm.lead", "force_stage", [self.lead.id], "3", REASON
            ),
            "Give the stage to move to by its id, a whole number.",
        )
        self.assertFault(
            lambda: self.call(
                manager, "crm.lead", "force_stage", [self.lead.id], -1, REASON
            ),
            "The stage to move to does not exist.",
        )
        self.assertFault(
            lambda: self.call(
                manager,
                "crm.lead",
                "force_stage",
                [self.lead.id],
                self.stage_closing.id,
                "   ",
            ),
            "Give the reason for forcing the stage.",
        )
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "crm.lead",
                "force_stage",
                [self.lead.id],
                self.stage_closing.id,
                REASON,
            ),
            "Only a sales manager can force an opportunity past its checkpoints.",
        )
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        result = self.call(
            manager,
            "crm.lead",
            "force_stage",
            [self.lead.id],
            self.stage_closing.id,
            REASON,
        )
        self.assertIs(result, True)
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.stage_id, self.stage_closing)
        notes = self.lead.message_ids.filtered(lambda message: REASON in message.body)
        self.assertEqual(len(notes), 1)

    def test_json2_force_stage_and_refusals(self):
        response = self.json2(
            self.salesman,
            "crm.lead",
            "write",
            ids=[self.lead.id],
            vals={"stage_id": self.stage_email.id},
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertIn('- A call answered (stage "Contact")', response.json()["message"])
        response = self.json2(
            self.salesman,
            "crm.lead",
            "force_stage",
            ids=[self.lead.id],
            stage_id=self.stage_closing.id,
            reason=REASON,
        )
        self.assertEqual(response.status_code, 403)
        self.assertIn("Only a sales manager", response.json()["message"])
        response = self.json2(
            self.sales_manager,
            "crm.lead",
            "force_stage",
            ids=[self.lead.id],
            stage_id=self.stage_closing.id,
            reason=REASON,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertIs(response.json(), True)
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.stage_id, self.stage_closing)
