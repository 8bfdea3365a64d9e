# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The change requests of the customer in the portal: their list, and each
one's page where the customer approves it (name, optional drawn signature)
or rejects it. Only the customer it was sent to."""

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .scope_portal import ScopePortal


class ChangeRequestPortal(ScopePortal):
    def _b2b_change_request_domain(self):
        partner = request.env.user.partner_id
        return [
            ("partner_id", "child_of", [partner.commercial_partner_id.id]),
            ("state", "!=", "draft"),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "change_request_count" in counters:
            ChangeRequest = request.env["b2b.change.request"]
            values["change_request_count"] = (
                ChangeRequest.search_count(self._b2b_change_request_domain())
                if ChangeRequest.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/change_requests", "/my/change_requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_change_requests(self, page=1, **kw):
        ChangeRequest = request.env["b2b.change.request"]
        if request.env.user._is_internal() or not ChangeRequest.has_access("read"):
            # Customer links are the customer's: no list of them for employees.
            raise Forbidden()
        domain = self._b2b_change_request_domain()
        count = ChangeRequest.search_count(domain)
        pager = portal_pager(
            url="/my/change_requests", total=count, page=page, step=self._items_per_page
        )
        changes = ChangeRequest.search(
            domain, order="id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "changes": changes.sudo(),
                "pager": pager,
                "page_name": "b2b_change_request",
                "default_url": "/my/change_requests",
            }
        )
        return request.render("b2b_sales_delivery.portal_my_change_requests", values)

    @http.route(
        "/my/change_requests/<int:change_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_change_request(self, change_id, access_token=None, report_type=None, download=False, **kw):
        change_sudo = self._b2b_customer_document("b2b.change.request", change_id, access_token)
        if change_sudo.state == "draft":
            raise NotFound()
        return self._b2b_document_page(
            change_sudo,
            "b2b_sales_delivery.action_report_b2b_change_request",
            "b2b_sales_delivery.portal_change_request_page",
            {
                "change": change_sudo,
                "message": kw.get("message"),
                "page_name": "b2b_change_request",
            },
            report_type,
            download,
        )

    @http.route(
        "/my/change_requests/<int:change_id>/<any(approve,reject):decision>",
        type="jsonrpc",
        auth="public",
        website=True,
    )
    def portal_change_request_decide(self, change_id, decision, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            change_sudo = self._b2b_customer_document(
                "b2b.change.request", change_id, access_token
            )
        except (NotFound, Forbidden):
            return {"error": request.env._("This link is not yours, or no longer valid.")}
        state = "approved" if decision == "approve" else "rejected"
        error = self._b2b_answer(
            lambda: change_sudo._b2b_decide_from_link(state, name, signature or None)
        )
        if error:
            return error
        return {
            "force_refresh": True,
            "redirect_url": change_sudo.get_portal_url(query_string="&message=%s" % state),
        }
