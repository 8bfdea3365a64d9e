# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The payment plan of the order: agreed on the quotation, whole before the
order is confirmed, and the order's invoicing held within its total.

What is invoiced is read from Odoo's accounting: posted invoices minus
posted credit notes, plus the draft invoices that reserve an amount. No
sequence of ordinary accounting moves may take it over the order's total or
an installment's amount.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..utils.payment import SETTLED_PAYMENT_STATES
from ..utils.steps import with_step
from .b2b_payment_plan_line import PLAN_EDIT_STEP_KEY, lock_orders


class SaleOrder(models.Model):
    _inherit = "sale.order"

    payment_plan_line_ids = fields.One2many(
        "b2b.payment.plan.line",
        "order_id",
        string="Payment Plan",
        copy=False,
        help="The installments agreed with the customer: they add up to the "
        "order total (taxes included) before the order is confirmed.",
    )
    payment_plan_total = fields.Monetary(
        string="Plan Total", compute="_compute_payment_plan_total"
    )
    payment_plan_difference = fields.Monetary(
        string="Left to Plan",
        compute="_compute_payment_plan_total",
        help="The order total less the installments: nil when the plan adds up.",
    )
    payment_plan_to_invoice_count = fields.Integer(
        string="Installments to Invoice", compute="_compute_payment_plan_total"
    )

    @api.depends("amount_total", "payment_plan_line_ids.amount", "payment_plan_line_ids.state")
    def _compute_payment_plan_total(self):
        for order in self:
            lines = order.payment_plan_line_ids
            order.payment_plan_total = sum(lines.mapped("amount"))
            order.payment_plan_difference = order.currency_id.round(
                order.amount_total - order.payment_plan_total
            )
            order.payment_plan_to_invoice_count = len(
                lines.filtered(lambda line: line.state == "to_invoice")
            )

    # ------------------------------------------------------------------
    # The plan is whole before the order is confirmed, and stays whole
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.filtered(lambda order: order.state == "sale")._check_payment_plan_whole()
        return orders

    def write(self, vals):
        if vals.get("state") == "sale":
            self.filtered(lambda order: order.state != "sale")._check_payment_plan(
                confirming=True
            )
        if "payment_plan_line_ids" not in vals and "order_line" not in vals:
            return super().write(vals)
        # The installments and the order's lines written together are checked
        # together.
        result = super(SaleOrder, with_step(self, PLAN_EDIT_STEP_KEY)).write(vals)
        self._check_payment_plan_whole()
        return result

    def _check_payment_plan_whole(self):
        """The plan of a confirmed order adds up."""
        return self.filtered(lambda order: order.state == "sale")._check_payment_plan()

    def _check_payment_plan(self, confirming=False):
        """A plan, when the order has one, adds up to the order total (taxes
        included) to the unit of the order's currency."""
        for order in self.sudo():
            lines = order.payment_plan_line_ids
            if not lines:
                continue
            currency = order.currency_id
            if currency.compare_amounts(sum(lines.mapped("amount")), order.amount_total):
                message = (
                    self.env._(
                        "The payment plan of %(order)s adds up to %(plan)s but the "
                        "order total is %(total)s: make the installments add up "
                        "before confirming the order.",
                        order=order.name,
                        plan=currency.format(sum(lines.mapped("amount"))),
                        total=currency.format(order.amount_total),
                    )
                    if confirming
                    else self.env._(
                        "The payment plan of the confirmed order %(order)s stays "
                        "whole: the installments would add up to %(plan)s, not "
                        "the order total %(total)s.",
                        order=order.name,
                        plan=currency.format(sum(lines.mapped("amount"))),
                        total=currency.format(order.amount_total),
                    )
                )
                raise UserError(message)
        return True

    # ------------------------------------------------------------------
    # The order's invoicing, read from Odoo's accounting
    # ------------------------------------------------------------------

    def _get_final_invoices(self):
        """The order's invoices and credit notes (any state) that bill its own
        lines: Odoo's regular (final) invoices, as opposed to down payments."""
        self.ensure_one()
        own_lines = self.order_line.filtered(
            lambda line: not line.is_downpayment and not line.display_type
        )
        return own_lines.invoice_lines.move_id

    def _invoiced_net(self, invoice_lines, plus=None, minus=None):
        """The amount (taxes included, in the order's currency) that
        ``invoice_lines`` invoice: posted invoices minus posted credit notes,
        plus draft invoices, which reserve their amount. Moves in ``plus``
        count as posted, those in ``minus`` do not count (what a posting or a
        reset to draft is about to change)."""
        self.ensure_one()
        plus = plus or self.env["account.move"]
        minus = minus or self.env["account.move"]
        currency = self.currency_id
        net = 0.0
        for aml in invoice_lines:
            move = aml.move_id
            if aml.display_type != "product" or move in minus:
                continue
            counts = (
                move in plus
                or move.state == "posted"
                or (move.state == "draft" and move.move_type == "out_invoice")
            )
            if not counts:
                continue
            amount = aml.price_total * -move.direction_sign
            if move.currency_id != currency:
                amount = move.currency_id._convert(
                    amount,
                    currency,
                    move.company_id,
                    move.invoice_date or fields.Date.context_today(self),
                )
            net += amount
        return currency.round(net)

    def _invoicing_tolerance(self):
        """What rounding may leave between Odoo's invoices and the plan: one
        unit of the currency per set of taxes of the order."""
        self.ensure_one()
        tax_sets = {
            line.tax_ids for line in self.order_line if not line.display_type
        }
        return self.currency_id.rounding * max(len(tax_sets), 1)

    def _lock_for_invoicing(self):
        lock_orders(self.env, self)
        return True

    def _check_invoicing(self, plus=None, minus=None):
        """Refuse what would invoice more than the order total, or more than
        an installment's amount (orders with a payment plan only)."""
        for order in self.sudo().filtered("payment_plan_line_ids"):
            currency = order.currency_id
            tolerance = order._invoicing_tolerance()
            net = order._invoiced_net(order.order_line.invoice_lines, plus, minus)
            if currency.compare_amounts(net, order.amount_total + tolerance) > 0:
                raise UserError(
                    self.env._(
                        "This would invoice %(net)s on order %(order)s, whose total "
                        "is %(total)s: an order is never invoiced for more than "
                        "its total.",
                        net=currency.format(net),
                        order=order.name,
                        total=currency.format(order.amount_total),
                    )
                )
            for line in order.payment_plan_line_ids:
                line_net = line._get_invoiced_net(plus, minus)
                if currency.compare_amounts(line_net, line.amount + tolerance) > 0:
                    raise UserError(
                        self.env._(
                            "This would invoice %(net)s for installment %(line)s of "
                            "order %(order)s, whose amount is %(amount)s: an "
                            "installment is invoiced once.",
                            net=currency.format(line_net),
                            line=line.name,
                            order=order.name,
                            amount=currency.format(line.amount),
                        )
                    )
        return True

    def _check_delivered_for_final_invoice(self):
        """The final installment bills what remains of the order: its lines
        invoiced on delivered quantities must be delivered, as ordered (no
        less: the final invoice waits; no more: the order changes first)."""
        digits = self.env["decimal.precision"].precision_get("Product Unit")
        for order in self.sudo():
            for line in order.order_line.filtered(
                lambda line: not line.display_type
                and not line.is_downpayment
                and line.product_id.invoice_policy == "delivery"
            ):
                delivered = float_compare(
                    line.qty_delivered, line.product_uom_qty, precision_digits=digits
                )
                if not delivered:
                    continue
                values = {
                    "product": line.product_id.display_name,
                    "order": order.name,
                    "delivered": line.qty_delivered,
                    "ordered": line.product_uom_qty,
                }
                if delivered < 0:
                    message = self.env._(
                        "%(product)s on %(order)s is invoiced on delivered "
                        "quantities: %(delivered)s of %(ordered)s delivered. The "
                        "final installment is invoiced once everything ordered "
                        "is delivered.",
                        **values,
                    )
                else:
                    message = self.env._(
                        "%(product)s on %(order)s: %(delivered)s delivered, more "
                        "than the %(ordered)s ordered. The payment plan bills "
                        "the order: add the extra quantity to the order (a "
                        "change request) before the final installment.",
                        **values,
                    )
                raise UserError(message)
        return True

    def _b2b_open_items(self):
        """What of these orders is still open, one sentence per item: a
        line (not a note, not a down payment) invoiced for less than ordered
        or with something to invoice, an installment not paid, an invoice in
        draft or not paid. Read from Odoo's records; the one rule of a
        settled order (the liquidation asks it)."""
        _ = self.env._
        orders = self.sudo()
        items = []
        for line in orders.order_line:
            if line.display_type or line.is_downpayment:
                continue
            rounding = line.product_uom_id.rounding
            if (
                float_compare(
                    abs(line.qty_invoiced_posted),
                    abs(line.product_uom_qty),
                    precision_rounding=rounding,
                )
                < 0
                or float_compare(line.qty_to_invoice, 0, precision_rounding=rounding) > 0
            ):
                items.append(
                    _(
                        "The line %(line)s of %(order)s is invoiced for %(invoiced)s "
                        "of %(ordered)s ordered (%(delivered)s delivered).",
                        line=line.name.splitlines()[0] if line.name else "",
                        order=line.order_id.name,
                        invoiced="%g" % line.qty_invoiced_posted,
                        ordered="%g" % line.product_uom_qty,
                        delivered="%g" % line.qty_delivered,
                    )
                )
        states = dict(
            self.env["b2b.payment.plan.line"]._fields["state"]._description_selection(
                self.env
            )
        )
        for installment in orders.payment_plan_line_ids:
            if installment.state != "paid":
                items.append(
                    _(
                        "The installment %(line)s of %(order)s is %(state)s, "
                        "not paid.",
                        line=installment.name,
                        order=installment.order_id.name,
                        state=states[installment.state],
                    )
                )
        invoices = orders.invoice_ids.filtered(lambda move: move.state != "cancel")
        for invoice in invoices.sorted(
            lambda move: (move.invoice_date or fields.Date.today(), move.id)
        ):
            if invoice.state == "draft":
                items.append(
                    _(
                        "The invoice %(invoice)s is a draft: post or delete it.",
                        invoice=invoice.display_name,
                    )
                )
            elif invoice.payment_state not in SETTLED_PAYMENT_STATES:
                items.append(
                    _(
                        "The invoice %(invoice)s is not paid: %(residual)s due.",
                        invoice=invoice.name,
                        residual=invoice.currency_id.format(invoice.amount_residual),
                    )
                )
        return items

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def action_invoice_payment_plan(self):
        """Invoice every installment of the order that is due; returns the
        ids of their invoices."""
        self.ensure_one()
        lines = self.payment_plan_line_ids.filtered(
            lambda line: line.state == "to_invoice"
        )
        if not lines:
            raise UserError(
                self.env._("No installment of %(order)s is due.", order=self.name)
            )
        return [line.action_invoice() for line in lines]

    def action_invoice_payment_plan_open(self):
        """The button: invoice every installment that is due and show their
        invoices."""
        self.ensure_one()
        invoice_ids = self.action_invoice_payment_plan()
        return self.action_view_invoice(
            invoices=self.env["account.move"].browse(invoice_ids)
        )
