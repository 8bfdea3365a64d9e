# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The accountant's validation of the installment invoices a trigger drafts
(a phase accepted, a due date reached): a to-do on the draft invoice, for
the activity type's default user (else the salesperson), marked done when
the invoice is posted, before it takes its number."""

from odoo import models

from .b2b_payment_plan_line import AUTO_INVOICE_TRIGGERS

ACTIVITY_TYPE = "b2b_sales_delivery.mail_activity_type_installment_invoice"


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    def _invoice_released(self):
        failed = super()._invoice_released()
        invoiced = self.filtered(lambda line: line.trigger in AUTO_INVOICE_TRIGGERS) - failed
        invoiced.invoice_id.filtered(
            lambda move: move.state == "draft"
        )._b2b_schedule_installment_validation()
        return failed


class AccountMove(models.Model):
    _inherit = "account.move"

    def _b2b_installment_activities(self):
        activity_type = self.env.ref(ACTIVITY_TYPE, raise_if_not_found=False)
        return self.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )

    def _b2b_schedule_installment_validation(self):
        activity_type = self.env.ref(ACTIVITY_TYPE, raise_if_not_found=False)
        if not activity_type:
            return
        for move in self.sudo():
            if move._b2b_installment_activities():
                continue
            order = move._get_payment_plan_orders()[:1]
            user = activity_type.default_user_id or order.user_id or self.env.user
            move.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=user.id,
            )

    def _post(self, soft=True):
        # Done before the number: the journal's sequence stays locked from
        # the number to the end of the transaction.
        self._b2b_installment_activities().action_feedback()
        return super()._post(soft=soft)
