# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    payment_plan_line_ids = fields.One2many(
        "b2b.payment.plan.line", "invoice_id", string="Installments", readonly=True
    )
    b2b_installment_id = fields.Many2one(
        "b2b.payment.plan.line", string="Installment",
        compute="_compute_b2b_installment", store=True, index=True,
    )
    b2b_phase_id = fields.Many2one(
        "b2b.phase", string="Phase", compute="_compute_b2b_installment", store=True,
    )

    @api.depends("payment_plan_line_ids", "payment_plan_line_ids.phase_id")
    def _compute_b2b_installment(self):
        for invoice in self:
            line = invoice.payment_plan_line_ids[:1]
            invoice.b2b_installment_id = line
            invoice.b2b_phase_id = line.phase_id
