# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project: its order, phases, resources and buffered plan."""
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models

from ..utils import plan_dates
from ..utils.arguments import check_integer_argument

BUFFER_MODES = [
    ("days", "Days"),
    ("percent", "Percent of the duration"),
    ("max", "The larger of both"),
]


class ProjectProject(models.Model):
    _inherit = "project.project"

    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", index=True, copy=False,
        ondelete="set null",
    )
    phase_ids = fields.One2many("b2b.phase", "project_id", string="Phases")
    plan_date_start = fields.Date(
        string="Plan Start", track_visibility="onchange",
        help="Start of the delivery plan: the percent buffer counts the days "
        "from here to each internal deadline.",
    )
    buffer_mode = fields.Selection(
        BUFFER_MODES, default="max", required=True, track_visibility="onchange",
        help="How much later the customer-facing dates are than the internal "
        "ones: a number of days, a percent of the time since the plan start, "
        "or the larger of both.",
    )
    buffer_days = fields.Integer(default=14, track_visibility="onchange")
    buffer_percent = fields.Float(default=20.0, track_visibility="onchange")
    risk_ids = fields.One2many("b2b.risk", "project_id", string="Risks")
    b2b_contract_id = fields.Many2one(
        related="sale_order_id.b2b_contract_id", string="Contract", readonly=True
    )

    # Resources
    resource_line_ids = fields.One2many(
        "b2b.resource.line", "project_id", string="Resources"
    )
    resource_count = fields.Integer(compute="_compute_resource_readiness")
    resource_ready_count = fields.Integer(compute="_compute_resource_readiness")
    resource_ready = fields.Boolean(
        string="Resources Ready", compute="_compute_resource_readiness",
        help="Every resource of the project is ready.",
    )

    _sql_constraints = [
        ("buffer_days_positive", "CHECK(buffer_days >= 0)",
         "The buffer in days cannot be negative."),
        ("buffer_percent_range", "CHECK(buffer_percent >= 0 AND buffer_percent <= 100)",
         "The buffer percent must be between 0 and 100."),
    ]

    def _count_by_project(self, model, domain, field="project_id"):
        """{project id: count} of the ``model`` records matching ``domain``
        whose ``field`` is one of these projects, in one read_group."""
        if not self.ids:
            return {}
        groups = self.env[model].read_group(
            [(field, "in", self.ids)] + domain, [field], [field]
        )
        return {g[field][0]: g[field + "_count"] for g in groups}

    @api.depends("resource_line_ids.is_ready")
    def _compute_resource_readiness(self):
        totals = self._count_by_project("b2b.resource.line", [])
        ready = self._count_by_project("b2b.resource.line", [("is_ready", "=", True)])
        for project in self:
            if project.id:
                project.resource_count = totals.get(project.id, 0)
                project.resource_ready_count = ready.get(project.id, 0)
            else:  # a form being edited: count the lines it holds
                project.resource_count = len(project.resource_line_ids)
                project.resource_ready_count = len(
                    project.resource_line_ids.filtered("is_ready")
                )
            project.resource_ready = (
                project.resource_ready_count == project.resource_count
            )

    # ------------------------------------------------------------------
    # The buffered plan
    # ------------------------------------------------------------------
    def _get_working_day_checker(self):
        """A predicate on dates: a working day of the project's calendar.

        Working weekdays come from the calendar's attendances (Monday-Friday
        without a calendar); a global leave of the calendar covering a whole
        working day makes it a day off. Leaves are read once, in their own
        time zone (resource.calendar's own methods would convert the day into
        the user's time zone and misjudge it).
        """
        self.ensure_one()
        calendar = self.resource_calendar_id.sudo()
        if not calendar or not calendar.attendance_ids:
            return plan_dates.weekday_checker()
        hours = {}
        for attendance in calendar.attendance_ids:
            day = int(attendance.dayofweek)
            low, high = hours.get(day, (24.0, 0.0))
            hours[day] = (
                min(low, attendance.hour_from), max(high, attendance.hour_to)
            )
        leaves = self.env["resource.calendar.leaves"].sudo().search(
            [("calendar_id", "=", calendar.id), ("resource_id", "=", False)]
        )
        days_off = set()
        for leave in leaves:
            tz = pytz.timezone(leave.tz or "UTC")
            start = pytz.UTC.localize(
                fields.Datetime.from_string(leave.date_from)
            ).astimezone(tz).replace(tzinfo=None)
            stop = pytz.UTC.localize(
                fields.Datetime.from_string(leave.date_to)
            ).astimezone(tz).replace(tzinfo=None)
            day = start.date()
            while day <= stop.date():
                if day.weekday() in hours:
                    low, high = hours[day.weekday()]
                    if start <= _at(day, low) and stop >= _at(day, high):
                        days_off.add(day)
                day += timedelta(days=1)
        return plan_dates.weekday_checker(hours.keys(), days_off)

    def _get_buffer_days(self, internal_date):
        """Calendar days added to ``internal_date`` (a date) for the customer."""
        self.ensure_one()
        return plan_dates.buffer_days_for(
            internal_date,
            fields.Date.from_string(self.plan_date_start),
            self.buffer_mode or "max",
            self.buffer_days,
            self.buffer_percent,
        )

    def _customer_dates(self, internal_dates):
        """{internal date string: customer date string} for this project."""
        self.ensure_one()
        checker = self._get_working_day_checker()
        result = {}
        for value in set(internal_dates):
            if not value:
                result[value] = False
                continue
            internal = fields.Date.from_string(value)
            buffered = internal + timedelta(days=self._get_buffer_days(internal))
            result[value] = fields.Date.to_string(
                plan_dates.next_working_day(buffered, checker)
            )
        return result

    def _assign_customer_dates(self, records):
        """Set ``date_deadline_customer`` of tasks or phases: the date agreed
        with the customer (the confirmed timeline) when there is one, else
        their ``date_deadline`` plus the buffer, one calendar read per
        project."""
        agreed = records.filtered("date_deadline_agreed")
        for record in agreed:
            record.date_deadline_customer = record.date_deadline_agreed
        records -= agreed
        for project in records.mapped("project_id"):
            mine = records.filtered(lambda r: r.project_id == project)
            dates = project._customer_dates(mine.mapped("date_deadline"))
            for record in mine:
                record.date_deadline_customer = dates[record.date_deadline]
        for record in records.filtered(lambda r: not r.project_id):
            record.date_deadline_customer = False

    @api.multi
    def extend_plan(self, days):
        """Push the open part of the plan back by ``days`` calendar days.

        Used when an approved change request adds time: the deadlines of
        open tasks and of phases not yet accepted move, and so does the
        project's end date. Customer dates follow (they are computed from the
        internal ones).
        """
        if not days:
            return True
        days = check_integer_argument(self, days, _("The extra days"), -3650, 3650)
        delta = timedelta(days=days)

        def shift(value):
            return fields.Date.to_string(fields.Date.from_string(value) + delta)

        for project in self:
            tasks = project.task_ids.filtered(
                lambda t: t.date_deadline and not t.stage_id.fold
            )
            for task in tasks:
                task.date_deadline = shift(task.date_deadline)
            for phase in project.phase_ids.filtered(
                lambda p: p.date_deadline and p.state != "accepted"
            ):
                phase.date_deadline = shift(phase.date_deadline)
            if project.date:
                project.date = shift(project.date)
        return True

    def _post_delivery_note(self, body):
        """Log a note of the delivery team on the project.

        Project users may not write projects, which posting requires: post
        as superuser, authored by the user.
        """
        for project in self:
            project.sudo().message_post(
                body=body, author_id=self.env.user.partner_id.id
            )
        return True


def _at(day, hour):
    """The naive datetime of ``day`` at the float ``hour`` (8.5 is 08:30)."""
    minutes = int(round(hour * 60))
    if minutes >= 24 * 60:
        return datetime.combine(day, time.max)
    return datetime.combine(day, time(minutes // 60, minutes % 60))
