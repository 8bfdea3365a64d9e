# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope and change requests over XML-RPC and JSON-2, as an integrator
calls them: the same rules as a click (no confirmation without the
customer's mail, no write to the locked scope, no context key that opens
it), and public methods answering values both protocols carry."""

import xmlrpc.client

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from . import test_rpc
from .common_scope import SENT_ON, ScopeCase


@tagged("post_install", "-at_install")
class TestScopeRpc(HttpCase, ScopeCase):
    # The integrator's calls of tests/test_rpc.py.
    call = test_rpc.TestRpc.call
    json2 = test_rpc.TestRpc.json2
    assertFault = test_rpc.TestRpc.assertFault

    def test_send_and_confirm_over_xmlrpc(self):
        with freeze_time(SENT_ON):
            self.assertTrue(
                self.call(self.salesman, "sale.order", "action_send_scope", [self.order.id])
            )
        self.assertEqual(self.order.scope_state, "sent")
        # "Confirmed by email" without the customer's mail: refused.
        self.assertFault(
            lambda: self.call(self.salesman, "sale.order", "action_confirm_scope", [self.order.id]),
            "No mail from",
        )
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "sale.order",
                "write",
                [self.order.id],
                {"scope_state": "confirmed"},
                context={"b2b_scope_step": True},
            ),
            "scope's steps",
        )
        # The private step of the link is not reachable over RPC.
        self.assertFault(
            lambda: self.call(
                self.salesman, "sale.order", "_b2b_confirm_scope_from_link", [self.order.id], "An"
            ),
        )
        self.assertEqual(self.order.scope_state, "sent")
        self.customer_mail(self.order)
        result = self.call(self.salesman, "sale.order", "action_confirm_scope", [self.order.id])
        self.assertIs(result, True)
        self.assertEqual(self.order.scope_state, "confirmed")

    def test_locked_scope_over_rpc(self):
        self.confirm_scope(self.order)
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "b2b.scope.item",
                "write",
                self.items.ids,
                {"name": "Khác"},
                context={"b2b_change_request_step": True},
            ),
            "locked",
        )
        self.assertFault(
            lambda: self.call(
                self.salesman,
                "sale.order.line",
                "write",
                self.order.order_line.ids,
                {"price_unit": 1},
            ),
            "locked",
        )
        with mute_logger("odoo.http"):
            response = self.json2(
                self.salesman,
                "b2b.scope.item",
                "create",
                vals_list=[{"order_id": self.order.id, "name": "Thêm", "category": "ui"}],
            )
        self.assertNotEqual(response.status_code, 200)
        self.assertIn("locked", response.text)
        self.assertEqual(len(self.order.scope_item_ids), 2)

    def test_change_request_over_json2(self):
        self.confirm_scope(self.order)
        self.confirm(self.order)
        change_id = self.call(
            self.salesman,
            "b2b.change.request",
            "create",
            {"order_id": self.order.id, "name": "Thêm video", "extra_amount": 5000000, "extra_days": 1},
        )
        change = self.env["b2b.change.request"].browse(change_id)
        with freeze_time(SENT_ON):
            sent = self.call(self.salesman, "b2b.change.request", "action_send", [change_id])
        self.assertIs(sent, True)
        with mute_logger("odoo.http"):
            refused = self.json2(
                self.accountant, "b2b.change.request", "action_approve", ids=[change_id]
            )
        self.assertNotEqual(refused.status_code, 200)
        self.customer_mail(change)
        response = self.json2(self.salesman, "b2b.change.request", "action_approve", ids=[change_id])
        self.assertIs(response.json(), True)
        self.assertEqual(change.state, "approved")
        xmlrpc.client.dumps((response.json(),))
