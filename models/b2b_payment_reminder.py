# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reminders of the installments' invoices, before and after they fall due:
one mail per installment and level, whatever the cron runs."""

from datetime import timedelta

from odoo import api, fields, models

from ..utils.cron import run_each


class B2bPaymentReminderLevel(models.Model):
    _name = "b2b.payment.reminder.level"
    _description = "Payment Reminder Level"
    _order = "days_offset, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    days_offset = fields.Integer(
        string="Days from Due Date",
        required=True,
        help="Negative: days before the due date; positive: days overdue.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Mail Template",
        required=True,
        ondelete="restrict",
        domain="[('model', '=', 'b2b.payment.plan.line')]",
    )
    company_id = fields.Many2one(
        "res.company", string="Company", index=True, help="Empty: every company."
    )


class B2bPaymentReminder(models.Model):
    _name = "b2b.payment.reminder"
    _description = "Payment Reminder Sent"
    _order = "date_sent desc, id desc"

    line_id = fields.Many2one(
        "b2b.payment.plan.line",
        string="Installment",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    level_id = fields.Many2one(
        "b2b.payment.reminder.level",
        string="Level",
        required=True,
        ondelete="restrict",
        readonly=True,
    )
    invoice_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    date_sent = fields.Date(string="Sent On", required=True, readonly=True)
    company_id = fields.Many2one(
        related="line_id.company_id", store=True, index=True, string="Company"
    )

    _once_per_level = models.Constraint(
        "UNIQUE(line_id, level_id)",
        "An installment is reminded once per level.",
    )

    @api.model
    def _cron_send_reminders(self, today=None):
        """Daily: remind each invoiced installment not yet paid of every level
        it has reached, once per level; a bad installment is logged and
        skipped."""
        today = today or fields.Date.context_today(self)
        levels = self.env["b2b.payment.reminder.level"].sudo().search([])
        lines = (
            self.env["b2b.payment.plan.line"]
            .sudo()
            .search([("state", "=", "invoiced")])
            .filtered(lambda line: line.invoice_id.state == "posted")
        )
        sent = {(reminder.line_id, reminder.level_id) for reminder in self.sudo().search(
            [("line_id", "in", lines.ids)]
        )}
        todo = []
        for line in lines:
            date_due = line.invoice_id.invoice_date_due or line.date_due
            if not date_due:
                continue
            for level in levels:
                if level.company_id and level.company_id != line.company_id:
                    continue
                if (line, level) in sent:
                    continue
                if date_due + timedelta(days=level.days_offset) <= today:
                    todo.append((line, level))
        by_line = {}
        for line, level in todo:
            by_line.setdefault(line, []).append(level)
        run_each(
            lines.filtered(lambda line: line in by_line),
            lambda line: self._remind_unless_locked(line, by_line[line], today),
            "Payment plan: reminder",
        )
        return True

    @api.model
    def _remind_unless_locked(self, line, levels, today):
        """Remind ``line`` unless another run is reminding it at the same
        time (its row locked): left to that run, without waiting for it."""
        self.env.cr.execute(
            "SELECT id FROM b2b_payment_plan_line WHERE id = %s FOR UPDATE SKIP LOCKED",
            [line.id],
        )
        if not self.env.cr.fetchone():
            return False
        return self._send_reminders(line, levels, today)

    @api.model
    def _send_reminders(self, line, levels, today):
        """Send ``line`` the mail of the latest of ``levels`` it reached and
        record every one of them as reminded."""
        self.sudo().create(
            [
                {
                    "line_id": line.id,
                    "level_id": level.id,
                    "invoice_id": line.invoice_id.id,
                    "date_sent": today,
                }
                for level in levels
            ]
        )
        self.env.flush_all()
        levels[-1].mail_template_id.send_mail(line.id)
        return True


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    reminder_ids = fields.One2many(
        "b2b.payment.reminder", "line_id", string="Reminders", readonly=True
    )
