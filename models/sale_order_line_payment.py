# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The down-payment lines that an installment of the payment plan created:
the installment's invoices are found through their invoice lines. The lines
of a confirmed order with a payment plan change its total only together with
its plan (the order's own save, or an approved change request's step)."""

from odoo import api, fields, models

from ..utils.scope_steps import CHANGE_STEP_KEY
from ..utils.steps import in_step
from .b2b_payment_plan_line import PLAN_EDIT_STEP_KEY

# What a line's write may change the order's total by.
AMOUNT_FIELDS = frozenset(
    {
        "order_id",
        "product_id",
        "product_uom_qty",
        "product_uom_id",
        "price_unit",
        "discount",
        "tax_ids",
        "display_type",
        "is_downpayment",
    }
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    b2b_payment_plan_line_id = fields.Many2one(
        "b2b.payment.plan.line",
        string="Installment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The installment of the payment plan that invoiced this down payment.",
    )

    def _in_payment_plan_step(self):
        """Whether the plan is checked by the step that writes these lines
        (the order's save of lines and plan together, a change request's
        approval)."""
        return in_step(self, PLAN_EDIT_STEP_KEY) or in_step(self, CHANGE_STEP_KEY)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self._in_payment_plan_step():
            lines.order_id._check_payment_plan_whole()
        return lines

    def write(self, vals):
        if not AMOUNT_FIELDS.intersection(vals) or self._in_payment_plan_step():
            return super().write(vals)
        orders = self.order_id
        result = super().write(vals)
        (orders | self.order_id)._check_payment_plan_whole()
        return result

    def unlink(self):
        orders = self.order_id
        result = super().unlink()
        if not self._in_payment_plan_step():
            orders.exists()._check_payment_plan_whole()
        return result
