# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A confirmed B2B order whose delivery has been billed or accepted is not
cancelled (and so never set back to a quotation) behind the customer's
back: its invoices are cancelled or credited first. Cancelling one with a
project or phases is written in its chatter."""
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.multi
    def action_cancel(self):
        confirmed = self.filtered(lambda order: order.state in ("sale", "done"))
        for order in confirmed:
            order._b2b_check_cancellable()
        result = super().action_cancel()
        for order in confirmed.filtered(lambda o: o.sudo().project_ids or o.phase_ids):
            order.message_post(body=_(
                "Confirmed order cancelled by %(user)s: its delivery project "
                "and phases stay as they are.") % {
                    "user": html_escape(self.env.user.name)})
        return result

    def _b2b_check_cancellable(self):
        self.ensure_one()
        order = self.sudo()
        invoiced = order.payment_plan_line_ids.filtered(
            lambda line: line.invoice_id and line.invoice_id.state != "cancel"
        )
        if invoiced:
            raise UserError(
                _("The order %(order)s has invoiced installments (%(lines)s): "
                  "cancel or credit their invoices before cancelling the "
                  "order.")
                % {"order": order.name,
                   "lines": ", ".join(invoiced.mapped("name"))}
            )
        accepted = order.phase_ids.filtered(lambda phase: phase.state == "accepted")
        if accepted:
            raise UserError(
                _("The customer accepted phases of the order %(order)s "
                  "(%(phases)s): it can no longer be cancelled.")
                % {"order": order.name,
                   "phases": ", ".join(accepted.mapped("name"))}
            )
        return True
