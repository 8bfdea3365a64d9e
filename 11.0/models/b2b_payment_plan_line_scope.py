# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An installment's invoice is an invoicing step: its down payment line is
allowed on a confirmed scope."""
from odoo import models

from .sale_order_line_scope import DOWNPAYMENT_STEP


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    def _create_down_payment_invoice(self, order):
        return super(
            B2bPaymentPlanLine,
            self.with_context(b2b_downpayment_step=DOWNPAYMENT_STEP),
        )._create_down_payment_invoice(order)
