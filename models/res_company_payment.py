# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The company's choice to post the installments' invoices as they are
made (by the button, RPC or the daily cron), instead of leaving drafts for
the accountant to check and post."""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_post_installment_invoices = fields.Boolean(
        string="Post Installment Invoices",
        help="Invoices of the payment plan's installments are posted as soon "
        "as they are made, dated the day they are made; otherwise they are "
        "left as drafts.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_post_installment_invoices = fields.Boolean(
        related="company_id.b2b_post_installment_invoices", readonly=False
    )


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    def _invoice(self):
        invoice = super()._invoice()
        if invoice.state == "draft" and self.order_id.company_id.b2b_post_installment_invoices:
            if not invoice.invoice_date:
                invoice.invoice_date = fields.Date.context_today(self)
            invoice.action_post()
        return invoice
