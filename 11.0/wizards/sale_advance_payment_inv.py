# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..models.sale_order_line_scope import DOWNPAYMENT_STEP


class SaleAdvancePaymentInv(models.TransientModel):
    """Odoo's down payment: an invoicing step, allowed on a confirmed scope."""

    _inherit = "sale.advance.payment.inv"

    @api.multi
    def create_invoices(self):
        return super(
            SaleAdvancePaymentInv,
            self.with_context(b2b_downpayment_step=DOWNPAYMENT_STEP),
        ).create_invoices()
