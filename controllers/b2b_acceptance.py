# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Link routes where a customer reads and answers acceptance minutes.

No login: the link carries the minutes' token. A wrong or forged token shows
nothing (404), the same as minutes that do not exist.
"""
import base64
import logging

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq

_logger = logging.getLogger(__name__)


class B2bAcceptanceController(http.Controller):
    def _get_acceptance(self, acceptance_id, token):
        acceptance = request.env["b2b.acceptance"].sudo().browse(acceptance_id).exists()
        if not (
            acceptance
            and token
            and acceptance.access_token
            and consteq(acceptance.access_token, token)
        ):
            raise NotFound()
        return acceptance

    def _get_order(self, order_id, token):
        order = request.env["sale.order"].sudo().browse(order_id).exists()
        if not (
            order and token and order.access_token
            and consteq(order.access_token, token)
        ):
            raise NotFound()
        return order

    def _channel(self):
        return "link" if request.env.user._is_public() else "portal"

    def _render(self, acceptance, message=None, error=None):
        return request.render(
            "b2b_sales_delivery.b2b_acceptance_page",
            {
                "acceptance": acceptance.with_context(lang=acceptance.partner_id.lang),
                "token": acceptance.access_token,
                "message": message,
                "error": error,
            },
        )

    def _answer(self, acceptance, step, message):
        """Run the customer's answer; show the page with its outcome."""
        error = self._run_answer(step)
        if error:
            return self._render(acceptance, error=error)
        return self._render(acceptance, message=message)

    def _run_answer(self, step):
        """Run the customer's answer; the error to show, if any. The
        customer never sees an internal error: it is logged, and the page
        says the answer could not be recorded."""
        try:
            step()
        except UserError as error:
            request.env.cr.rollback()
            return error.name
        except Exception:  # pylint: disable=broad-except
            _logger.exception("A customer's answer to acceptance minutes failed")
            request.env.cr.rollback()
            return _("Sorry, your answer could not be recorded. Please try again "
                     "later, or reply to the mail you received.")
        return None

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>",
        type="http", auth="public", website=True,
    )
    def acceptance_page(self, acceptance_id, token, **kw):
        acceptance = self._get_acceptance(acceptance_id, token)
        return self._render(acceptance, message=kw.get("message"))

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>/pdf",
        type="http", auth="public", website=True,
    )
    def acceptance_pdf(self, acceptance_id, token, **kw):
        acceptance = self._get_acceptance(acceptance_id, token)
        pdf = request.env.ref(
            "b2b_sales_delivery.action_report_b2b_acceptance"
        ).sudo().render_qweb_pdf([acceptance.id])[0]
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
        ])

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>/accept",
        type="http", auth="public", methods=["POST"], website=True, csrf=False,
    )
    def acceptance_accept(self, acceptance_id, token, name=None, **kw):
        """Accepting needs the customer's name and signature (the signature
        widget posts to ``/b2b/acceptance/sign``)."""
        acceptance = self._get_acceptance(acceptance_id, token)
        return self._answer(
            acceptance,
            lambda: acceptance._accept_by_customer(
                name, kw.get("signature"), self._channel()
            ),
            _("Thank you: the phase is accepted."),
        )

    @http.route("/b2b/acceptance/sign", type="json", auth="public", website=True)
    def acceptance_sign(self, res_id, access_token=None, partner_name=None,
                        signature=None):
        """Accept with a drawn signature (portal.portal_signature's widget)."""
        try:
            acceptance = self._get_acceptance(int(res_id), access_token)
        except NotFound:
            return {"error": _("Invalid minutes.")}
        error = self._run_answer(
            lambda: acceptance._accept_by_customer(
                partner_name, signature, self._channel()
            )
        )
        if error:
            return {"error": error}
        if signature:
            acceptance.message_post(
                body=_("Signed by %s") % partner_name,
                attachments=[("signature.png", base64.b64decode(signature))],
            )
        return {
            "success": _("Thank you: the phase is accepted."),
            "redirect_url": "/b2b/acceptance/%s/%s" % (
                acceptance.id, acceptance.access_token),
        }

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>/reject",
        type="http", auth="public", methods=["POST"], website=True, csrf=False,
    )
    def acceptance_reject(self, acceptance_id, token, reason=None, **kw):
        acceptance = self._get_acceptance(acceptance_id, token)
        if not (reason or "").strip():
            return self._render(
                acceptance, error=_("Please tell us why you reject the minutes.")
            )
        return self._answer(
            acceptance,
            lambda: acceptance.action_reject(reason=reason.strip()),
            _("Thank you: we will get back to you shortly."),
        )

    @http.route(
        "/b2b/payment_plan/<int:order_id>/<string:token>",
        type="http", auth="public", website=True,
    )
    def payment_plan_page(self, order_id, token, **kw):
        order = self._get_order(order_id, token)
        return request.render(
            "b2b_sales_delivery.b2b_payment_plan_page",
            {"order": order.with_context(lang=order.partner_id.lang)},
        )
