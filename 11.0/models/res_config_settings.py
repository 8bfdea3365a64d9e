# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_validate_installment_invoice = fields.Boolean(
        related="company_id.b2b_validate_installment_invoice",
        string="Validate Installment Invoices",
    )
    b2b_installment_payment_days = fields.Integer(
        related="company_id.b2b_installment_payment_days",
        string="Installment Payment Days",
    )
    b2b_accountant_id = fields.Many2one(
        related="company_id.b2b_accountant_id", string="Installment Accountant",
    )
