# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A reminder is recorded only when it can be mailed: a customer without an
email address gets none recorded as sent; the run hands the installment to
its salesperson with the reason, and reminds it once the address is set."""
from odoo import _, api, models
from odoo.exceptions import UserError


class B2bPaymentReminder(models.Model):
    _inherit = "b2b.payment.reminder"

    @api.model
    def _send(self, line, level, today):
        partner = line.order_id.partner_invoice_id or line.order_id.partner_id
        if not partner.email:
            raise UserError(
                _("%(partner)s has no email address: the reminder \"%(level)s\" "
                  "of %(line)s could not be sent. Add their email address; the "
                  "next run sends it.")
                % {"partner": partner.display_name, "level": level.name,
                   "line": line.name}
            )
        return super()._send(line, level, today)
