# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_validate_installment_invoice = fields.Boolean(
        string="Validate Installment Invoices",
        help="Validate the invoice of an installment as soon as its trigger is "
        "met, instead of leaving it as a draft for the accountant.",
    )
    b2b_installment_payment_days = fields.Integer(
        string="Installment Payment Days", default=15,
        help="Payment days of the installments of a generated payment plan.",
    )
    b2b_accountant_id = fields.Many2one(
        "res.users", string="Installment Accountant",
        help="Who gets the activity of validating a draft installment invoice "
        "and the installments that could not be invoiced (default: the first "
        "user of Invoicing).",
    )

    def _b2b_get_accountant(self):
        """Who gets the company's installment tasks: its accountant, or else
        its first user of Invoicing (hook); empty if it has none."""
        self.ensure_one()
        if self.b2b_accountant_id:
            return self.b2b_accountant_id
        return self.env["res.users"].sudo().search([
            ("groups_id", "in", self.env.ref("account.group_account_invoice").id),
            ("company_ids", "in", self.id),
            ("share", "=", False),
            ("id", "!=", self.env.ref("base.user_root").id),
        ], order="id", limit=1)
