# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The plan from the dates the customer agreed to: a task or phase carrying
a date of the confirmed scope shows the customer that date, and its internal
deadline is derived earlier by the project's buffer (the inverse rule of
``utils.plan_dates``), so the first customer plan never contradicts what the
customer confirmed."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils import plan_dates

# Only server code can put this object in a context (RPC cannot carry it):
# agreed dates are written from the customer's scope and approved changes.
AGREED_DATES = object()
BUFFER_FIELDS = {
    "plan_date_start", "buffer_mode", "buffer_days", "buffer_percent",
    "resource_calendar_id",
}


def check_agreed_dates(records, vals):
    """Refuse ``date_deadline_agreed`` in ``vals`` unless written by the
    addon's own steps."""
    if "date_deadline_agreed" in vals and (
        records.env.context.get("b2b_agreed_dates") is not AGREED_DATES
    ):
        raise UserError(
            _("The date agreed with the customer comes from the confirmed "
              "scope (a timeline item) or an approved change request; it "
              "cannot be written by hand.")
        )


class ProjectProject(models.Model):
    _inherit = "project.project"

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if BUFFER_FIELDS & set(vals):
            self._derive_internal_dates()
        return result

    def _internal_dates(self, agreed_dates):
        """{agreed date string: internal date string}: earlier by the buffer
        of this project, or by the default buffer (no plan start, Monday to
        Friday) for a phase planned before its project exists."""
        if self:
            self.ensure_one()
            checker = self._get_working_day_checker()
            start = fields.Date.from_string(self.plan_date_start)
            mode, days, percent = (
                self.buffer_mode or "max", self.buffer_days, self.buffer_percent
            )
        else:
            defaults = self.default_get(
                ["buffer_mode", "buffer_days", "buffer_percent"]
            )
            checker, start = plan_dates.weekday_checker(), None
            mode = defaults.get("buffer_mode") or "max"
            days = defaults.get("buffer_days", 14)
            percent = defaults.get("buffer_percent", 20.0)
        result = {}
        for value in set(agreed_dates):
            result[value] = value and fields.Date.to_string(
                plan_dates.internal_date(
                    fields.Date.from_string(value), start, mode, days, percent,
                    checker,
                )
            )
        return result

    def _get_open_agreed_records(self):
        """Open tasks and phases of the project that carry an agreed date."""
        self.ensure_one()
        tasks = self.sudo().task_ids.filtered(
            lambda t: t.date_deadline_agreed and not t.stage_id.fold
        )
        phases = self.sudo().phase_ids.filtered(
            lambda p: p.date_deadline_agreed and p.state != "accepted"
        )
        return tasks, phases

    def _derive_internal_dates(self):
        """Internal deadlines of the open tasks and phases carrying an agreed
        date, derived again (after a change of the buffer or the start)."""
        for project in self:
            for records in project._get_open_agreed_records():
                dates = project._internal_dates(
                    records.mapped("date_deadline_agreed")
                )
                for record in records:
                    record.date_deadline = dates[record.date_deadline_agreed]
        return True

    def _extend_agreed_dates(self, days):
        """An approved change request delays the open part of the plan by
        ``days``: the customer approved it, so the agreed dates move too."""
        if not days:
            return True
        for project in self:
            for records in project._get_open_agreed_records():
                for record in records.with_context(b2b_agreed_dates=AGREED_DATES):
                    record.date_deadline_agreed = fields.Date.to_string(
                        fields.Date.from_string(record.date_deadline_agreed)
                        + timedelta(days=days)
                    )
        return self._derive_internal_dates()
