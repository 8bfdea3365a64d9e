# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's portal (/my): their own acceptance minutes.

The records are searched as the portal user, so the record rules show a
customer only their company's minutes; each opens on its token page.
"""
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class B2bAcceptancePortal(CustomerPortal):
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["b2b_acceptance_count"] = request.env["b2b.acceptance"].search_count(
            [("state", "!=", "draft")]
        )
        return values

    @http.route(["/my/acceptances"], type="http", auth="user", website=True)
    def portal_my_acceptances(self, **kw):
        acceptances = request.env["b2b.acceptance"].search(
            [("state", "!=", "draft")], order="date_sent desc, id desc"
        )
        # The links of the minutes awaiting an answer (read as superuser:
        # the token is not readable by the customer's own user). An
        # employee is never given a customer's link: the list shows the
        # minutes only.
        links = request.env["b2b.acceptance"]._b2b_links_shown_to_user()
        acceptances = acceptances.sudo()
        # The portal's own layout values only: the counts other apps add to
        # them (quotations, invoices) need rights an employee may not have
        # (a project user without invoicing rights).
        values = CustomerPortal._prepare_portal_layout_values(self)
        values["b2b_acceptance_count"] = len(acceptances)
        values.update({"acceptances": acceptances, "page_name": "b2b_acceptance",
                       "b2b_links": links})
        return request.render("b2b_sales_delivery.portal_my_acceptances", values)
