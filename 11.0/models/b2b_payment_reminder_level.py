# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class B2bPaymentReminderLevel(models.Model):
    """When the customer is reminded of an installment: days from its due date."""

    _name = "b2b.payment.reminder.level"
    _description = "Payment Reminder Level"
    _order = "days, id"

    name = fields.Char(required=True, translate=True)
    days = fields.Integer(
        required=True,
        help="Days from the due date: negative before it (-3: three days "
        "before), positive after it (7: a week overdue).",
    )
    mail_template_id = fields.Many2one(
        "mail.template", string="Email Template", required=True,
        ondelete="restrict",
        domain="[('model', '=', 'b2b.payment.plan.line')]",
    )
    activity_summary = fields.Char(
        translate=True, help="Summary of the activity given to the salesperson."
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "days_company_unique",
            "UNIQUE(days, company_id)",
            "There is already a reminder level for this number of days.",
        ),
    ]

    @api.model
    def _get_levels(self, company):
        return self.search([
            "|", ("company_id", "=", False), ("company_id", "=", company.id)
        ])
