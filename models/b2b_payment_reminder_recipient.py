# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A reminder is recorded only when it can be mailed: to a customer without
an email address none is recorded as sent; the run gives the salesperson a
to-do on the order with the reason (once), and the next run reminds the
installment once the address is there."""

from odoo import api, models


class B2bPaymentReminder(models.Model):
    _inherit = "b2b.payment.reminder"

    @api.model
    def _send_reminders(self, line, levels, today):
        order = line.order_id
        partner = order.partner_invoice_id or order.partner_id
        if partner.email:
            return super()._send_reminders(line, levels, today)
        self._tell_salesperson_no_email(line, levels[-1], partner)
        return False

    @api.model
    def _tell_salesperson_no_email(self, line, level, partner):
        order = line.order_id.sudo()
        summary = self.env._(
            "No email address for the payment reminder: %(partner)s",
            partner=partner.display_name,
        )
        if order.activity_ids.filtered(lambda activity: activity.summary == summary):
            return
        order.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=self.env._(
                "%(partner)s has no email address: the reminder \"%(level)s\" of "
                "%(line)s could not be sent. Add their email address; the next "
                "run sends it.",
                partner=partner.display_name,
                level=level.name,
                line=line.display_name,
            ),
            user_id=(order.user_id or self.env.user).id,
        )
