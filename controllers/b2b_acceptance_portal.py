# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's pages of the acceptance minutes, on Odoo's portal: the
list of the minutes sent to them (with the portal home's counter), the page
of one minutes with the PDF, accepting with a drawn signature (Odoo's portal
signature component) and rejecting with a reason.

Only the contact the minutes were sent to answers (or whoever opens the link
without logging in); an internal user is never served a customer's link,
even with its token: they work on the minutes in the back-end."""

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

REPORT_REF = "b2b_sales_delivery.action_report_b2b_acceptance"


class B2bAcceptancePortal(CustomerPortal):
    def _b2b_acceptance_domain(self):
        """The minutes sent to the logged-in customer's contact; none for an
        internal user."""
        user = request.env.user
        if not user._is_portal():
            return [("id", "=", False)]
        return [
            ("sent_to_id", "=", user.partner_id.id),
            ("state", "!=", "draft"),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "acceptance_count" in counters:
            Acceptance = request.env["b2b.acceptance"]
            values["acceptance_count"] = (
                Acceptance.search_count(self._b2b_acceptance_domain())
                if Acceptance.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/acceptances", "/my/acceptances/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_acceptances(self, page=1, **kwargs):
        Acceptance = request.env["b2b.acceptance"]
        domain = self._b2b_acceptance_domain()
        readable = Acceptance.has_access("read")
        count = Acceptance.search_count(domain) if readable else 0
        pager = portal_pager(
            url="/my/acceptances", total=count, page=page, step=self._items_per_page
        )
        acceptances = (
            Acceptance.search(
                domain, limit=self._items_per_page, offset=pager["offset"]
            )
            if readable
            else Acceptance
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "acceptances": acceptances.sudo(),
                "page_name": "b2b_acceptance",
                "pager": pager,
                "default_url": "/my/acceptances",
            }
        )
        return request.render("b2b_sales_delivery.portal_my_acceptances", values)

    def _b2b_acceptance_check_access(self, acceptance_id, access_token):
        """The minutes, as superuser, if the link is the customer's: sent
        (a draft's token works nowhere), opened by the contact they were sent
        to or by nobody logged in; an internal user is refused."""
        acceptance_sudo = self._document_check_access(
            "b2b.acceptance", acceptance_id, access_token=access_token
        )
        if acceptance_sudo.state == "draft":
            raise MissingError(request.env._("This document does not exist."))
        acceptance_sudo.with_user(request.env.user)._b2b_check_customer_link_user()
        return acceptance_sudo

    @http.route(
        ["/my/acceptances/<int:acceptance_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_acceptance_page(
        self,
        acceptance_id,
        access_token=None,
        report_type=None,
        download=False,
        message=None,
        **kwargs,
    ):
        try:
            acceptance_sudo = self._b2b_acceptance_check_access(
                acceptance_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=acceptance_sudo,
                report_type=report_type,
                report_ref=REPORT_REF,
                download=download,
            )
        values = {
            "acceptance": acceptance_sudo,
            "page_name": "b2b_acceptance",
            "message": message,
            "token": access_token,
            "report_type": "html",
        }
        values = self._get_page_view_values(
            acceptance_sudo,
            access_token,
            values,
            "my_acceptances_history",
            False,
            **kwargs,
        )
        return request.render("b2b_sales_delivery.portal_acceptance_page", values)

    @http.route(
        ["/my/acceptances/<int:acceptance_id>/accept"],
        type="jsonrpc",
        auth="public",
        website=True,
    )
    def portal_acceptance_accept(
        self, acceptance_id, access_token=None, name=None, signature=None
    ):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            acceptance_sudo = self._b2b_acceptance_check_access(
                acceptance_id, access_token
            )
        except (AccessError, MissingError):
            return {"error": request.env._("Invalid acceptance minutes.")}
        try:
            acceptance_sudo.with_user(request.env.user)._accept_by_customer(
                name, signature
            )
        except (UserError, AccessError) as error:
            request.env.cr.rollback()
            return {"error": error.args[0]}
        # The customer's word is kept, whatever comes next.
        request.env.cr.commit()
        return {
            "force_refresh": True,
            "redirect_url": acceptance_sudo.get_portal_url(
                query_string="&message=accepted"
            ),
        }

    @http.route(
        ["/my/acceptances/<int:acceptance_id>/reject"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_acceptance_reject(
        self, acceptance_id, access_token=None, reason=None, **kwargs
    ):
        try:
            acceptance_sudo = self._b2b_acceptance_check_access(
                acceptance_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            acceptance_sudo.with_user(request.env.user)._reject_by_customer(reason)
        except UserError:
            request.env.cr.rollback()
            return request.redirect(
                acceptance_sudo.get_portal_url(query_string="&message=reject_error")
            )
        return request.redirect(
            acceptance_sudo.get_portal_url(query_string="&message=rejected")
        )
