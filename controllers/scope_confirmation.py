# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Links the customer opens, without logging in, to confirm the scope of an
order or approve a change request.

The unguessable token in the URL is the only credential: a wrong token,
another document's token, an expired or revoked one all answer 404 and show
nothing. The confirming POST carries no CSRF token, since the URL's token
already proves that the request comes from the link's holder; confirming
twice changes nothing.
"""
import werkzeug.exceptions
import werkzeug.utils

from odoo import _, http
from odoo.http import request

MAX_NAME_LENGTH = 128


class ScopeConfirmation(http.Controller):
    def _render_page(self, template, document, token, values=None):
        lang = document.partner_id.lang
        if lang:
            request.context = dict(request.context, lang=lang)
        qcontext = {"doc": document.with_context(lang=lang), "token": token}
        qcontext.update(values or {})
        return request.render(template, qcontext)

    @staticmethod
    def _clean_name(name):
        return (name or "").strip()[:MAX_NAME_LENGTH]

    # --- Scope of an order -------------------------------------------------
    @http.route("/b2b/scope/<int:order_id>/<string:token>", type="http",
                auth="public", website=True, methods=["GET"])
    def scope_page(self, order_id, token, **kwargs):
        order = request.env["sale.order"]._find_by_link_token(order_id, token)
        if not order:
            raise werkzeug.exceptions.NotFound()
        return self._render_page(
            "b2b_sales_delivery.scope_confirmation_page", order, token
        )

    @http.route("/b2b/scope/<int:order_id>/<string:token>/confirm", type="http",
                auth="public", website=True, methods=["POST"], csrf=False)
    def scope_confirm(self, order_id, token, confirmed_by="", **kwargs):
        order = request.env["sale.order"]._find_by_link_token(order_id, token)
        if not order:
            raise werkzeug.exceptions.NotFound()
        name = self._clean_name(confirmed_by)
        if order.scope_state == "sent":
            if not name:
                return self._render_page(
                    "b2b_sales_delivery.scope_confirmation_page", order, token,
                    {"error": _("Enter your name to confirm the scope.")},
                )
            order.action_confirm_scope(confirmed_by=name, via="link")
        return werkzeug.utils.redirect("/b2b/scope/%s/%s" % (order.id, token), 303)

    # --- Change request ----------------------------------------------------
    @http.route("/b2b/change/<int:change_id>/<string:token>", type="http",
                auth="public", website=True, methods=["GET"])
    def change_page(self, change_id, token, **kwargs):
        change = request.env["b2b.change.request"]._find_by_link_token(change_id, token)
        if not change:
            raise werkzeug.exceptions.NotFound()
        return self._render_page(
            "b2b_sales_delivery.change_request_page", change, token
        )

    @http.route("/b2b/change/<int:change_id>/<string:token>/decide", type="http",
                auth="public", website=True, methods=["POST"], csrf=False)
    def change_decide(self, change_id, token, decided_by="", decision="", **kwargs):
        change = request.env["b2b.change.request"]._find_by_link_token(change_id, token)
        if not change:
            raise werkzeug.exceptions.NotFound()
        name = self._clean_name(decided_by)
        if change.state == "sent" and decision in ("approve", "reject"):
            if not name:
                return self._render_page(
                    "b2b_sales_delivery.change_request_page", change, token,
                    {"error": _("Enter your name to answer.")},
                )
            if decision == "approve":
                change.action_approve(approved_by=name, via="link")
            else:
                change.action_reject(rejected_by=name, via="link")
        return werkzeug.utils.redirect("/b2b/change/%s/%s" % (change.id, token), 303)
