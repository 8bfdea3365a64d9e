# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

import psycopg2
from psycopg2.extensions import TransactionRollbackError

from odoo import _, api, fields, models

from ..utils.payment import due_reminder_levels
from .b2b_job import run_each

_logger = logging.getLogger(__name__)
REMINDER_UNIQUE_CONSTRAINT = "b2b_payment_reminder_line_level_unique"


class B2bPaymentReminder(models.Model):
    """A reminder of an installment at a level: recorded once, mailed once."""

    _name = "b2b.payment.reminder"
    _description = "Payment Reminder"
    _order = "date desc, id desc"

    line_id = fields.Many2one(
        "b2b.payment.plan.line", string="Installment", required=True,
        ondelete="cascade", index=True,
    )
    level_id = fields.Many2one(
        "b2b.payment.reminder.level", string="Level", required=True,
        ondelete="cascade",
    )
    date = fields.Date(required=True)
    mail_id = fields.Many2one("mail.mail", string="Email", ondelete="set null")
    is_skipped = fields.Boolean(
        string="Skipped", help="Passed while a later level was due: not mailed."
    )

    _sql_constraints = [
        (
            "line_level_unique",
            "UNIQUE(line_id, level_id)",
            "An installment is reminded once per level.",
        ),
    ]

    @api.model
    def _cron_send_reminders(self, today=None):
        """Mail the reminders that are due; safe to run any number of times,
        also at the same time (see ``_remind``).

        Each installment gets at most one reminder per level; when several
        levels are due at once (the job did not run for a while), only the
        latest is mailed and the earlier are recorded as skipped. Paid
        installments get none.
        """
        today = today or fields.Date.context_today(self)
        today_date = fields.Date.from_string(today)
        Level = self.env["b2b.payment.reminder.level"]
        lines = self.env["b2b.payment.plan.line"].search([
            ("state", "=", "invoiced"),
            ("invoice_id.state", "=", "open"),
            ("date_due", "!=", False),
        ])
        if not lines:
            return 0
        # One query for the reminders already done (no search in the loop).
        done = {}
        for record in self.search_read(
            [("line_id", "in", lines.ids)], ["line_id", "level_id"]
        ):
            done.setdefault(record["line_id"][0], set()).add(record["level_id"][0])
        levels_by_company = {}
        for company in lines.mapped("company_id"):
            levels_by_company[company] = Level._get_levels(company)
        to_remind = {}
        for line in lines:
            levels = levels_by_company[line.company_id]
            done_ids = done.get(line.id, set())
            due = due_reminder_levels(
                fields.Date.from_string(line.date_due),
                today_date,
                levels.mapped("days"),
                levels.filtered(lambda lv: lv.id in done_ids).mapped("days"),
            )
            if due:
                to_remind[line.id] = (levels, due)
        # Each installment in its own savepoint: one that fails is logged
        # and handed to its salesperson; the others are reminded.
        sent = []

        def remind(line):
            if self._remind(line, *to_remind[line.id], today=today):
                sent.append(line.id)

        done = run_each(
            lines.filtered(lambda line: line.id in to_remind),
            remind,
            _("Payment reminder"),
            lambda line: line.order_id.user_id or self.env.user,
            lambda line: line.order_id,
        )
        return len(done.filtered(lambda line: line.id in sent))

    @api.model
    def _remind(self, line, levels, due, today):
        """Record the levels passed as skipped, send the latest due.

        Runs of the job may overlap (the cron process, a manual run, a
        second server): the installment is reminded by the run that locks
        it, without waiting; the others leave it (returns False).
        """
        if not self._lock_line(line):
            return False
        try:
            with self.env.cr.savepoint():
                return self._remind_levels(line, levels, due, today)
        except psycopg2.IntegrityError as error:
            if error.diag.constraint_name != REMINDER_UNIQUE_CONSTRAINT:
                raise
            # reminded by a run that committed after this one began
            _logger.info("%s was reminded by a concurrent run", line)
            self.invalidate_cache()
            line.invalidate_cache(["reminder_ids"], line.ids)
            return False

    @api.model
    def _lock_line(self, line):
        """Lock the installment for this run, or False when another
        transaction holds it or changed it since this run began."""
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "SELECT id FROM b2b_payment_plan_line WHERE id = %s "
                    "FOR UPDATE SKIP LOCKED", (line.id,)
                )
                return bool(self.env.cr.fetchone())
        except TransactionRollbackError:
            _logger.info("%s changed during the reminders: left to the next run",
                         line)
            return False

    @api.model
    def _remind_levels(self, line, levels, due, today):
        for level in levels.filtered(lambda lv: lv.days in due[:-1]):
            self.create({
                "line_id": line.id, "level_id": level.id, "date": today,
                "is_skipped": True,
            })
        level = levels.filtered(lambda lv: lv.days == due[-1])[:1]
        return self._send(line, level, today)

    @api.model
    def _send(self, line, level, today):
        """Record, mail and follow up one reminder (locks out a second one)."""
        reminder = self.create({"line_id": line.id, "level_id": level.id, "date": today})
        mail_id = level.mail_template_id.with_context(
            b2b_reminder_level=level, b2b_reminder_days=level.days
        ).send_mail(line.id)
        reminder.mail_id = mail_id
        order = line.order_id
        if order.user_id:
            deadline = fields.Date.to_string(
                fields.Date.from_string(today) + timedelta(days=1)
            )
            self.env["mail.activity"].create({
                "res_model_id": self.env["ir.model"]._get("sale.order").id,
                "res_id": order.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                "summary": level.activity_summary or _("Payment reminder: %s") % (
                    line.name),
                "note": _("%(line)s of %(order)s, due on %(date)s: reminder "
                          "\"%(level)s\" sent to the customer.") % {
                    "line": line.name, "order": order.name,
                    "date": line.date_due, "level": level.name,
                },
                "user_id": order.user_id.id,
                "date_deadline": deadline,
            })
        return reminder
