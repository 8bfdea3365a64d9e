# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The down-payment lines that an installment of the payment plan created:
the installment's invoices are found through their invoice lines."""

from odoo import fields, models


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
