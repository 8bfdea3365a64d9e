# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An approved change request on an order whose payment plan is confirmed
adds its amount (taxes included, as its order line is taxed) to the plan as
its own installment, in the approval's own step and once: the plan still
adds up to the order. The installment is due at once and invoiced as Odoo's
down payment; the final invoice deducts it."""

from odoo import fields, models
from odoo.exceptions import UserError

from ..utils.scope_steps import CHANGE_STEP_KEY
from ..utils.steps import with_step


class B2bChangeRequest(models.Model):
    _inherit = "b2b.change.request"

    payment_plan_line_ids = fields.One2many(
        "b2b.payment.plan.line",
        "change_request_id",
        string="Installment",
        readonly=True,
        copy=False,
    )

    def _apply_approval(self):
        self.ensure_one()
        order = self.order_id.sudo()
        has_plan = order.state == "sale" and order.payment_plan_line_ids
        if has_plan:
            self._check_payment_plan_open()
        result = super()._apply_approval()
        if has_plan:
            self._add_payment_plan_installment()
        return result

    def _check_payment_plan_open(self):
        """The final installment bills what remains of the order: once it is
        invoiced, no installment can follow it."""
        self.ensure_one()
        order = self.order_id.sudo()
        final = order.payment_plan_line_ids.sorted(lambda line: (line.sequence, line.id))[-1:]
        if final._is_invoiced():
            raise UserError(
                self.env._(
                    "The final invoice of %(order)s (installment %(line)s) is "
                    "issued: the change request %(change)s cannot be added to its "
                    "payment plan. Credit the final invoice first, or agree a new "
                    "order for the change.",
                    order=order.name,
                    line=final.name,
                    change=self.name,
                )
            )
        return True

    def _add_payment_plan_installment(self):
        """The installment of the change request: what the order gained
        (taxes included), before the final installment; once. A change that
        lowers the order lowers the final installment instead."""
        self.ensure_one()
        change = with_step(self.sudo(), CHANGE_STEP_KEY)
        order = change.order_id
        if change.payment_plan_line_ids:
            return change.payment_plan_line_ids
        currency = order.currency_id
        lines = order.payment_plan_line_ids.sorted(lambda line: (line.sequence, line.id))
        amount = currency.round(order.amount_total - sum(lines.mapped("amount")))
        sign = currency.compare_amounts(amount, 0)
        if sign < 0:
            # A change that lowers the order lowers what remains: the final
            # installment (not invoiced, checked above).
            final = lines[-1]
            final.amount = currency.round(final.amount + amount)
            return change.env["b2b.payment.plan.line"]
        if not sign:
            order._check_payment_plan_whole()
            return change.env["b2b.payment.plan.line"]
        installment = change.env["b2b.payment.plan.line"].create(
            {
                "order_id": order.id,
                "name": self.env._("Change request: %(change)s", change=change.name),
                "sequence": lines[-1].sequence - 1,
                "amount": amount,
                "trigger": "order_confirmed",
                "change_request_id": change.id,
            }
        )
        return installment
