# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools


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

    @api.multi
    def action_invoice_open(self):
        """The validation activities are done before the invoices take their
        numbers: a gapless journal sequence stays locked from the number
        to the end of the transaction, for every other validation. The
        numbers are taken in turn (ir.sequence)."""
        self.env["ir.sequence"]._b2b_number_in_turn()
        self._b2b_close_validation_activities()
        return super().action_invoice_open()

    @api.multi
    def invoice_validate(self):
        """A validated installment invoice is no longer a task: its activity
        is done, and reminders count from its due date."""
        result = super().invoice_validate()
        self._b2b_close_validation_activities()
        return result

    def _b2b_close_validation_activities(self):
        activity_type = self.env.ref(
            "b2b_sales_delivery.mail_activity_type_installment_invoice"
        )
        self.sudo().mapped("activity_ids").filtered(
            lambda a: a.activity_type_id == activity_type
        ).action_feedback(feedback=_("Invoice validated."))
        return True

    def _b2b_schedule_validation(self):
        """A draft installment invoice is an activity for the accountant."""
        activity_type = self.env.ref(
            "b2b_sales_delivery.mail_activity_type_installment_invoice"
        )
        model = self.env["ir.model"].sudo()._get(self._name)
        for invoice in self.sudo():
            invoice.env["mail.activity"].create({
                "res_model_id": model.id,
                "res_id": invoice.id,
                "activity_type_id": activity_type.id,
                "summary": activity_type.summary,
                "user_id": invoice._b2b_get_accountant().id,
                "date_deadline": invoice.date_invoice
                or fields.Date.context_today(invoice),
            })
        return True

    def _b2b_get_accountant(self):
        """Who validates the installment invoices: the company's accountant
        (see res.company._b2b_get_accountant)."""
        self.ensure_one()
        return self.company_id._b2b_get_accountant() or self.env.user
