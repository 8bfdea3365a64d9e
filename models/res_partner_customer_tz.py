# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The time zone a customer reads the times of the addon's documents and
pages in: the contact's own, else their company's, else the one the company
that writes to them configured (its working hours' time zone, Settings >
Employees/Working Hours), else its partner's; UTC when none is. A PDF or a
page shows the same day whoever renders it (the project manager, the
customer on their link, a scheduled action)."""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_customer_tz(self, company=None):
        """The time zone name this partner reads the documents of
        ``company`` (the current one when not given) in."""
        partner = self[:1].sudo()
        company = (company or self.env.company).sudo()
        for tz in (
            partner.tz,
            partner.commercial_partner_id.tz,
            company.resource_calendar_id.tz,
            company.partner_id.tz,
        ):
            if tz:
                return tz
        return "UTC"
