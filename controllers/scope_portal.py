# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope's page of an order, on the order's portal link: the customer
reads the scope and confirms it with their name (and, if they like, a drawn
signature). Only the customer the scope was sent to: an internal user is
refused even with the token, another portal user too."""

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class ScopePortal(CustomerPortal):
    def _b2b_customer_document(self, model, record_id, access_token):
        """The document of the link, as superuser, once the door checked:
        404 for a wrong id or token, 403 for anyone but the customer."""
        try:
            document_sudo = self._document_check_access(model, record_id, access_token)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        # As the visitor (their user decides who speaks), past the record rules.
        document_sudo = document_sudo.with_user(request.env.user).sudo()
        try:
            document_sudo._b2b_check_customer_link_user()
        except AccessError as error:
            raise Forbidden() from error
        if request.env.user._is_public():
            # Someone opening the link without logging in reads it in the
            # language of the customer it was sent to.
            lang = document_sudo._b2b_customer_partners().lang
            if lang:
                request.update_context(lang=lang)
                document_sudo = document_sudo.with_context(lang=lang)
        return document_sudo

    @staticmethod
    def _b2b_answer(step):
        """Run the customer's step; the JSON answer of the signature form."""
        try:
            with request.env.cr.savepoint():
                step()
        except (UserError, AccessError) as error:
            return {"error": error.args[0]}
        return None

    def _b2b_document_page(self, document, report_ref, template, values, report_type, download):
        """The customer's page of ``document``, or its PDF (HTML, text)."""
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=document,
                report_type=report_type,
                report_ref=report_ref,
                download=download,
            )
        return request.render(template, values)

    @http.route(
        "/my/orders/<int:order_id>/scope",
        type="http",
        auth="public",
        website=True,
    )
    def portal_order_scope(self, order_id, access_token=None, report_type=None, download=False, **kw):
        order_sudo = self._b2b_customer_document("sale.order", order_id, access_token)
        if not order_sudo.scope_partner_id:
            raise NotFound()
        return self._b2b_document_page(
            order_sudo,
            "b2b_sales_delivery.action_report_b2b_scope",
            "b2b_sales_delivery.portal_order_scope_page",
            {"order": order_sudo, "message": kw.get("message"), "page_name": "b2b_scope"},
            report_type,
            download,
        )

    @http.route(
        "/my/orders/<int:order_id>/scope/confirm",
        type="jsonrpc",
        auth="public",
        website=True,
    )
    def portal_order_scope_confirm(self, order_id, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            order_sudo = self._b2b_customer_document("sale.order", order_id, access_token)
        except (NotFound, Forbidden):
            return {"error": request.env._("This link is not yours, or no longer valid.")}
        error = self._b2b_answer(
            lambda: order_sudo._b2b_confirm_scope_from_link(name, signature or None)
        )
        if error:
            return error
        return {
            "force_refresh": True,
            "redirect_url": order_sudo.get_portal_url(
                suffix="/scope", query_string="&message=scope_ok"
            ),
        }
