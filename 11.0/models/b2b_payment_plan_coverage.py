# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every line of the order is billed by its plan, or the plan says why.

The final installment is Odoo's final invoice: it bills what each line has
to invoice, minus the installments before. A line billed on delivered
quantities that is not delivered yet would be left out of it (its tax group
going negative, the order's rest written off): the final installment waits
for it, and the order's plan names the lines it waits for."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_plan_waiting = fields.Text(
        string="Not Yet Billable", compute="_compute_b2b_plan_waiting",
        help="The lines of the order that the final installment cannot bill "
        "yet (billed on delivered quantities, not all delivered): the final "
        "installment waits for them.",
    )

    @api.depends(
        "order_line.qty_invoiced", "order_line.qty_to_invoice",
        "order_line.product_uom_qty", "payment_plan_line_ids",
    )
    def _compute_b2b_plan_waiting(self):
        for order in self:
            order.b2b_plan_waiting = "\n".join(
                order._b2b_describe_unbillable(line)
                for line in order._b2b_unbillable_lines()
            ) if order.payment_plan_line_ids else False

    def _b2b_unbillable_lines(self):
        """The order's lines (down payments apart) whose ordered quantity
        cannot all be invoiced now (invoiced + to invoice < ordered); on a
        quotation, the lines billed on delivered quantities."""
        self.ensure_one()
        lines = self.sudo().order_line
        if self.state not in ("sale", "done"):
            return lines.filtered(
                lambda line: not line.is_downpayment
                and line.product_id.invoice_policy == "delivery"
            )
        return lines.filtered(
            lambda line: not line.is_downpayment and float_compare(
                line.qty_invoiced + line.qty_to_invoice, line.product_uom_qty,
                precision_rounding=line.product_uom.rounding or 0.01,
            ) < 0
        )

    def _b2b_describe_unbillable(self, line):
        return _(
            "%(line)s: %(billable)s of %(ordered)s %(uom)s can be invoiced "
            "(billed on delivered quantities)."
        ) % {
            "line": line.name.splitlines()[0] if line.name else line.display_name,
            "billable": "%g" % (line.qty_invoiced + line.qty_to_invoice),
            "ordered": "%g" % line.product_uom_qty,
            "uom": line.product_uom.name,
        }

    def _b2b_amount_not_invoiced(self):
        """What of the order total no validated invoice bills (posted
        invoices minus posted credit notes)."""
        self.ensure_one()
        order = self.sudo()
        rest = order.amount_total - order._b2b_amount_billed(reserve_drafts=False)
        return order.currency_id.round(rest)


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    @api.multi
    def action_trigger(self, date=None):
        """The accountant is told why a final installment waits."""
        for line in self:
            if line._b2b_final_waits():
                raise UserError(line._b2b_waiting_message())
        return super().action_trigger(date=date)

    def _release_one(self, date):
        """A final installment whose trigger is met waits, triggered, for
        the lines it cannot bill yet (the confirmation, an acceptance and
        the invoicing run go on); the plan says why."""
        if self._b2b_final_waits():
            if not self.date_triggered:
                self._write_step({"date_triggered": date})
            return self.env["account.invoice"]
        return super()._release_one(date)

    def _b2b_final_waits(self):
        """Not invoiced, every other installment invoiced, and a line of the
        order that cannot be invoiced in full yet."""
        self.ensure_one()
        if self.invoice_id or (self.order_id.payment_plan_line_ids - self).filtered(
            lambda line: not line.invoice_id
        ):
            return False
        return bool(self.order_id._b2b_unbillable_lines())

    def _b2b_waiting_message(self):
        order = self.order_id.sudo()
        return _(
            "The final installment %(line)s of %(order)s cannot be invoiced "
            "yet: it bills every line of the order, and these lines cannot be "
            "invoiced in full:\n%(lines)s\nRecord their delivered quantities "
            "first."
        ) % {"line": self.name, "order": order.name,
             "lines": "\n".join(
                 order._b2b_describe_unbillable(line)
                 for line in order._b2b_unbillable_lines())}

    def _create_final_invoice(self, order):
        """The final installment bills every line of the order in full:
        refused while a line cannot be invoiced whole; its invoice must
        bill the installment's amount, no tax group negative."""
        if order._b2b_unbillable_lines():
            raise UserError(self._b2b_waiting_message())
        invoice = super()._create_final_invoice(order)
        self._b2b_check_final_invoice(order, invoice)
        return invoice

    def _b2b_check_final_invoice(self, order, invoice):
        currency = order.currency_id
        negative = [
            tax_line for tax_line in invoice.tax_line_ids
            if float_compare(tax_line.base, 0, precision_rounding=currency.rounding) < 0
        ]
        slack = currency.rounding * len(order.payment_plan_line_ids) * (
            len(order._get_payment_plan_tax_groups()) + 1
        )
        if negative or float_compare(
            invoice.amount_total, self.amount - slack,
            precision_rounding=currency.rounding,
        ) < 0:
            raise UserError(
                _("The final installment %(line)s of %(order)s would be "
                  "invoiced %(billed)s instead of %(amount)s: part of the "
                  "order would never be billed. Check the order's lines and "
                  "the invoices already made.")
                % {
                    "line": self.name, "order": order.name,
                    "billed": formatLang(
                        self.env, invoice.amount_total, currency_obj=currency),
                    "amount": formatLang(
                        self.env, self.amount, currency_obj=currency),
                }
            )
        return True


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    def _get_liquidation_open_items(self):
        """Nothing of an order may stay uninvoiced at liquidation."""
        items = super()._get_liquidation_open_items()
        for order in self._get_liquidation_orders():
            rest = order._b2b_amount_not_invoiced()
            if float_compare(
                rest, 0, precision_rounding=order.currency_id.rounding
            ) > 0:
                items.append(
                    _("The order %(order)s is not invoiced for %(rest)s of its "
                      "total %(total)s.")
                    % {"order": order.name,
                       "rest": formatLang(self.env, rest, currency_obj=order.currency_id),
                       "total": formatLang(
                           self.env, order.amount_total,
                           currency_obj=order.currency_id)}
                )
            for line in order._b2b_unbillable_lines():
                items.append(
                    _("The order %(order)s: %(line)s")
                    % {"order": order.name,
                       "line": order._b2b_describe_unbillable(line)}
                )
        return items
