# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's delivery on the portal, on their order's or project's
link: the customer plan to download, their questions with the answers, and
a form to ask one.

Who gets in: the customer's portal users and whoever holds the link's token
without logging in; another customer's portal user is refused even with the
token; an employee gets what their own rights give (never more through a
token), and asks their questions in the back office."""

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

CUSTOMER_PLAN_REPORT = "b2b_sales_delivery.action_report_b2b_customer_plan"
DELIVERY_MODELS = {"orders": "sale.order", "projects": "project.project"}


class B2bDeliveryPortal(CustomerPortal):
    def _b2b_delivery_document(self, model, res_id, access_token):
        """The order or project of the link, as superuser, once the door
        checked: 404 for a wrong id or token, 403 for a user it is not for."""
        user = request.env.user
        if user._is_internal():
            # An employee reads what their rights give; a token adds nothing.
            document = request.env[model].browse(res_id).exists()
            if not document:
                raise NotFound()
            if not document.has_access("read"):
                raise Forbidden()
            return document.sudo()
        try:
            document_sudo = self._document_check_access(model, res_id, access_token)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        if not user._is_public():
            customer = document_sudo.partner_id.commercial_partner_id
            if (
                user.partner_id.commercial_partner_id != customer
                and not document_sudo.with_user(user).has_access("read")
            ):
                raise Forbidden()
        return document_sudo

    def _b2b_delivery_project(self, kind, res_id, access_token):
        """(document, delivery project), both as superuser."""
        model = DELIVERY_MODELS.get(kind)
        if not model:
            raise NotFound()
        document_sudo = self._b2b_delivery_document(model, res_id, access_token)
        project_sudo = (
            document_sudo if model == "project.project" else document_sudo.project_id
        )
        if not project_sudo:
            raise NotFound()
        return document_sudo, project_sudo

    @http.route(
        "/my/<any(orders,projects):kind>/<int:res_id>/plan",
        type="http",
        auth="public",
        website=True,
    )
    def portal_b2b_customer_plan(self, kind, res_id, access_token=None, report_type="pdf", download=False, **kw):
        """The customer plan of the delivery project, as a PDF (or HTML)."""
        __, project_sudo = self._b2b_delivery_project(kind, res_id, access_token)
        return self._show_report(
            model=project_sudo,
            report_type=report_type if report_type in ("pdf", "html") else "pdf",
            report_ref=CUSTOMER_PLAN_REPORT,
            download=download,
        )

    @http.route(
        "/my/<any(orders,projects):kind>/<int:res_id>/questions",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def portal_b2b_questions(self, kind, res_id, access_token=None, message=None, **kw):
        document_sudo, project_sudo = self._b2b_delivery_project(kind, res_id, access_token)
        lang = project_sudo._b2b_customer_lang()
        if request.env.user._is_public() and lang:
            request.update_context(lang=lang)
            project_sudo = project_sudo.with_context(lang=lang)
        values = {
            "document": document_sudo,
            "project": project_sudo,
            "questions": project_sudo._b2b_customer_questions(),
            "page_name": "b2b_questions",
            "message": message,
            "error": kw.get("error"),
            "can_ask": not request.env.user._is_internal(),
            "base_url": "/my/%s/%s" % (kind, res_id),
            "access_token": access_token or "",
        }
        return request.render("b2b_sales_delivery.portal_b2b_questions_page", values)

    @http.route(
        "/my/<any(orders,projects):kind>/<int:res_id>/questions/ask",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def portal_b2b_ask_question(self, kind, res_id, access_token=None, name=None, description=None, **kw):
        """The customer asks a question on their project."""
        if request.env.user._is_internal():
            raise Forbidden()
        document_sudo, project_sudo = self._b2b_delivery_project(kind, res_id, access_token)
        user = request.env.user
        partner = document_sudo.partner_id if user._is_public() else user.partner_id
        query = "access_token=%s&" % access_token if access_token else ""
        try:
            with request.env.cr.savepoint():
                project_sudo._b2b_ask_question(partner, name, description)
        except UserError:
            return request.redirect(
                "/my/%s/%s/questions?%serror=empty" % (kind, res_id, query)
            )
        return request.redirect(
            "/my/%s/%s/questions?%smessage=question_ok" % (kind, res_id, query)
        )
