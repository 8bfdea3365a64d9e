# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Never more than the order: what an order with a payment plan has been
billed is read from Odoo's own invoices (validated or paid invoices minus
validated or paid credit notes; a draft invoice reserves its amount, a draft
credit note lowers nothing), and validating an invoice that would bill more
than the order, or more than its installment, is refused, whichever road
the invoice took (cancelled and reset to draft, made by hand from the
order, a credit note deleted...)."""
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

POSTED = ("open", "paid")


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    @api.multi
    def action_invoice_open(self):
        # Before the invoices take their numbers and their moves.
        self._b2b_check_within_order()
        return super().action_invoice_open()

    @api.multi
    def invoice_validate(self):
        # The method validating in the end (also called on its own).
        self._b2b_check_within_order()
        return super().invoice_validate()

    def _b2b_check_within_order(self):
        """Refuse validating customer invoices that would bill an order
        with a payment plan beyond its total, or an installment beyond its
        amount."""
        incoming = self.sudo().filtered(
            lambda inv: inv.type == "out_invoice" and inv.state == "draft"
        )
        for invoice in incoming:
            invoice._b2b_check_installment_amount()
        orders = incoming.mapped("invoice_line_ids.sale_line_ids.order_id")
        for order in orders.filtered("payment_plan_line_ids"):
            order._b2b_check_billed_within_total(incoming, reserve_drafts=False)
        return True

    def _b2b_check_installment_amount(self):
        """An installment's invoice bills at most the installment."""
        self.ensure_one()
        line = self.b2b_installment_id
        if not line:
            return True
        currency = self.currency_id
        if float_compare(
            self.amount_total, line.amount_invoiced,
            precision_rounding=currency.rounding,
        ) > 0:
            raise UserError(
                _("The invoice %(invoice)s bills %(billed)s, more than its "
                  "installment %(line)s (%(amount)s): lower the invoice or "
                  "change the payment plan.")
                % {
                    "invoice": self.name or self.display_name,
                    "billed": formatLang(
                        self.env, self.amount_total, currency_obj=currency),
                    "line": line.name,
                    "amount": formatLang(
                        self.env, line.amount_invoiced, currency_obj=currency),
                }
            )
        return True

    def _b2b_order_share(self, order):
        """What this invoice bills of ``order`` (tax included, positive)."""
        self.ensure_one()
        lines = self.invoice_line_ids
        own = lines.filtered(
            lambda line: order in line.mapped("sale_line_ids.order_id")
        )
        if not own and self.type == "out_refund" and self.refund_invoice_id:
            # A credit note credits the order's share of its invoice.
            origin = self.refund_invoice_id
            if not origin.amount_total:
                return 0.0
            return self.amount_total * origin._b2b_order_share(order) / (
                origin.amount_total
            )
        if own == lines:
            return self.amount_total
        return sum(own.mapped("price_total"))


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_amount_billed(self, exclude=None, reserve_drafts=True):
        """What the order has been billed, from its invoices: validated or
        paid invoices (and drafts, which reserve their amount, when
        ``reserve_drafts``) minus validated or paid credit notes. Cancelled
        invoices and draft credit notes count for nothing. ``exclude``:
        invoices left out (those being created or validated)."""
        self.ensure_one()
        invoice_states = POSTED + (("draft",) if reserve_drafts else ())
        billed = 0.0
        invoices = self._b2b_invoices()
        for invoice in invoices - (exclude or self.env["account.invoice"]):
            if invoice.type == "out_invoice" and invoice.state in invoice_states:
                billed += invoice._b2b_order_share(self)
            elif invoice.type == "out_refund" and invoice.state in POSTED:
                billed -= invoice._b2b_order_share(self)
        return billed

    def _b2b_invoices(self):
        """The order's customer invoices and credit notes, searched (those
        of this very transaction count): with lines of the order, and the
        credit notes of those invoices (Odoo's credit notes keep no link to
        the order's lines)."""
        self.ensure_one()
        Invoice = self.env["account.invoice"].sudo()
        invoices = Invoice.search([
            ("invoice_line_ids.sale_line_ids.order_id", "=", self.id),
            ("type", "in", ("out_invoice", "out_refund")),
        ])
        return invoices | Invoice.search([
            ("type", "=", "out_refund"),
            ("refund_invoice_id", "in", invoices.ids),
        ])

    def _b2b_check_billed_within_total(self, invoices, reserve_drafts=True,
                                       installment=None):
        """Refuse ``invoices`` if, with what the order has already been
        billed, they bill more than the order total."""
        self.ensure_one()
        order = self.sudo()
        invoices = invoices.sudo().filtered(
            lambda inv: order in inv.mapped("invoice_line_ids.sale_line_ids.order_id")
        )
        billed = order._b2b_amount_billed(
            exclude=invoices, reserve_drafts=reserve_drafts
        )
        adding = sum(invoice._b2b_order_share(order) for invoice in invoices)
        currency = order.currency_id
        if float_compare(
            billed + adding, order.amount_total, precision_rounding=currency.rounding
        ) <= 0:
            return True
        values = {
            "order": order.name,
            "billed": formatLang(self.env, billed, currency_obj=currency),
            "adding": formatLang(self.env, adding, currency_obj=currency),
            "total": formatLang(self.env, order.amount_total, currency_obj=currency),
            "line": installment and installment.name or "",
        }
        if installment:
            raise UserError(
                _("The order %(order)s is already invoiced for %(billed)s out of "
                  "%(total)s: the installment %(line)s (%(adding)s) would invoice "
                  "it twice.") % values
            )
        raise UserError(
            _("The order %(order)s is already invoiced for %(billed)s out of "
              "%(total)s: validating %(adding)s more would bill more than the "
              "order. Cancel or credit the invoice billed twice first.") % values
        )
