# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


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

    @api.model_cr_context
    def _auto_init(self):
        # No invoice has an installment before the addon is installed: the
        # new columns are created empty here, so that Odoo does not recompute
        # (and rewrite) every invoice of a loaded database one by one.
        for column in ("b2b_installment_id", "b2b_phase_id"):
            if not tools.column_exists(self.env.cr, self._table, column):
                tools.create_column(self.env.cr, self._table, column, "int4")
        return super()._auto_init()

    @api.depends("payment_plan_line_ids", "payment_plan_line_ids.phase_id")
    def _compute_b2b_installment(self):
        for invoice in self:
            line = invoice.payment_plan_line_ids[:1]
            invoice.b2b_installment_id = line
            invoice.b2b_phase_id = line.phase_id
