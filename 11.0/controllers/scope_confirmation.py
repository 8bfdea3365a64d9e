# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Links the customer opens, without logging in, to confirm the scope of an
order or approve a change request.

The unguessable token in the URL is the only credential (controllers/
customer_link.py): a wrong token, another document's token, an expired,
revoked or spent one all answer 404 and show nothing. The confirming POST
carries no CSRF token, since the URL's token already proves that the request
comes from the link's holder; once the customer decided, the link is spent.
"""
from odoo import _, http

from .customer_link import find_or_404, render_page, run_step, typed_name


class ScopeConfirmation(http.Controller):
    def _render_page(self, template, document, token, values=None):
        qcontext = {"doc": document, "token": token}
        qcontext.update(values or {})
        return render_page(template, document, qcontext)

    def _answer(self, template, document, token, typed, no_name, step):
        """Run ``step(name)`` with the name the customer typed; show the page
        with the refusal (the link still open), or as decided (spent)."""
        name, error = typed_name(typed)
        if not isinstance(typed, str) or not typed.strip():
            error = no_name
        if not error:
            error = run_step(lambda: step(name))
        if error:
            return self._render_page(template, document, token, {"error": error})
        return self._render_page(template, document, None)

    # --- Scope of an order -------------------------------------------------
    @http.route("/b2b/scope/<int:order_id>/<string:token>", type="http",
                auth="public", website=True, methods=["GET"])
    def scope_page(self, order_id, token, **kwargs):
        order = find_or_404("sale.order", order_id, token)
        return self._render_page(
            "b2b_sales_delivery.scope_confirmation_page", order, token
        )

    @http.route("/b2b/scope/<int:order_id>/<string:token>/confirm", type="http",
                auth="public", website=True, methods=["POST"], csrf=False)
    def scope_confirm(self, order_id, token, confirmed_by="", **kwargs):
        order = find_or_404("sale.order", order_id, token)
        return self._answer(
            "b2b_sales_delivery.scope_confirmation_page", order, token,
            confirmed_by, _("Enter your name to confirm the scope."),
            lambda name: order._confirm_scope_by_customer(name),
        )

    # --- Change request ----------------------------------------------------
    @http.route("/b2b/change/<int:change_id>/<string:token>", type="http",
                auth="public", website=True, methods=["GET"])
    def change_page(self, change_id, token, **kwargs):
        change = find_or_404("b2b.change.request", change_id, token)
        return self._render_page(
            "b2b_sales_delivery.change_request_page", change, token
        )

    @http.route("/b2b/change/<int:change_id>/<string:token>/decide", type="http",
                auth="public", website=True, methods=["POST"], csrf=False)
    def change_decide(self, change_id, token, decided_by="", decision="", **kwargs):
        change = find_or_404("b2b.change.request", change_id, token)
        template = "b2b_sales_delivery.change_request_page"
        if decision not in ("approve", "reject"):
            return self._render_page(
                template, change, token, {"error": _("Choose to approve or reject.")}
            )
        return self._answer(
            template, change, token, decided_by, _("Enter your name to answer."),
            lambda name: change._b2b_decide_by_customer(decision, name),
        )
