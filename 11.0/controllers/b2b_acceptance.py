# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Link routes where a customer reads and answers acceptance minutes, and
reads the payment plan of an order.

No login: the link carries the document's own token (controllers/
customer_link.py). A wrong, expired, revoked or spent token shows nothing
(404), the same as a document that does not exist.
"""
from odoo import _, http
from odoo.http import request
from odoo.tools import html_escape

from ..utils.confirmation_link import record_id_of, signature_bytes
from .customer_link import (
    as_customer,
    find_or_404,
    render_html,
    render_page,
    run_step,
    typed_name,
    typed_text,
)


class B2bAcceptanceController(http.Controller):
    def _channel(self):
        return "link" if request.env.user._is_public() else "portal"

    def _render(self, acceptance, token=None, message=None, error=None):
        return render_page(
            "b2b_sales_delivery.b2b_acceptance_page", acceptance,
            {"acceptance": acceptance, "token": token, "message": message,
             "error": error},
        )

    def _answer(self, acceptance, token, step, message):
        """Run the customer's answer; show the page with its outcome (the
        link is spent once the customer decided)."""
        error = run_step(step)
        if error:
            return self._render(acceptance, token=token, error=error)
        return self._render(acceptance, message=message)

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>",
        type="http", auth="public", website=True, methods=["GET"],
    )
    def acceptance_page(self, acceptance_id, token, **kw):
        acceptance = find_or_404("b2b.acceptance", acceptance_id, token)
        return self._render(acceptance, token=token)

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>/pdf",
        type="http", auth="public", website=True, methods=["GET"],
    )
    def acceptance_pdf(self, acceptance_id, token, **kw):
        acceptance = find_or_404("b2b.acceptance", acceptance_id, token)
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
        acceptance = find_or_404("b2b.acceptance", acceptance_id, token)
        name, error = typed_name(name)
        if error:
            return self._render(acceptance, token=token, error=error)
        return self._answer(
            acceptance, token,
            lambda: acceptance._accept_by_customer(
                name, kw.get("signature"), self._channel()
            ),
            _("Thank you: the phase is accepted."),
        )

    @http.route("/b2b/acceptance/sign", type="json", auth="public", website=True)
    def acceptance_sign(self, res_id=None, access_token=None, partner_name=None,
                        signature=None, **kw):
        """Accept with a drawn signature (portal.portal_signature's widget)."""
        acceptance = request.env["b2b.acceptance"]._find_by_link_token(
            record_id_of(res_id), access_token
        )
        if not acceptance:
            return {"error": _("Invalid minutes.")}
        acceptance = as_customer(acceptance)
        name, error = typed_name(partner_name)
        if error:
            return {"error": error}
        image = signature_bytes(signature) if signature else None
        if signature and image is None:
            return {"error": _("The signature must be a PNG or JPEG image of at "
                               "most 512 KB.")}

        def accept():
            acceptance._accept_by_customer(name, signature, self._channel())
            if image:
                acceptance.message_post(
                    body=_("Signed by %s") % html_escape(name),
                    attachments=[("signature.png", image)],
                )

        error = run_step(accept)
        if error:
            return {"error": error}
        message = _("Thank you: the phase is accepted.")
        # The page shown becomes the result: the minutes as accepted, no
        # form left (static/src/js/b2b_acceptance_sign.js puts it in place).
        return {"success": message, "content": render_html(
            "b2b_sales_delivery.b2b_acceptance_content", acceptance,
            {"acceptance": acceptance, "token": None, "message": message,
             "error": None},
        )}

    @http.route(
        "/b2b/acceptance/<int:acceptance_id>/<string:token>/reject",
        type="http", auth="public", methods=["POST"], website=True, csrf=False,
    )
    def acceptance_reject(self, acceptance_id, token, reason=None, **kw):
        acceptance = find_or_404("b2b.acceptance", acceptance_id, token)
        reason, error = typed_text(reason)
        if not error and not reason:
            error = _("Please tell us why you reject the minutes.")
        if error:
            return self._render(acceptance, token=token, error=error)
        return self._answer(
            acceptance, token,
            lambda: acceptance.action_reject(reason=reason),
            _("Thank you: we will get back to you shortly."),
        )

    @http.route(
        "/b2b/payment_plan/<int:order_id>/<string:token>",
        type="http", auth="public", website=True, methods=["GET"],
    )
    def payment_plan_page(self, order_id, token, **kw):
        order = find_or_404("sale.order", order_id, token, kind="payment_plan")
        return render_page(
            "b2b_sales_delivery.b2b_payment_plan_page", order, {"order": order}
        )
