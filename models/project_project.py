# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project: its phases and the buffered plan the customer sees."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from ..utils import plan_dates

BUFFER_MODES = [
    ("days", "Days"),
    ("percent", "Percent of the duration"),
    ("max", "The larger of both"),
]
# What a customer-facing date depends on besides its own internal date: the
# buffer of its project and the project's working calendar (tasks and phases).
CUSTOMER_DATE_DEPENDS = (
    "project_id.plan_date_start",
    "project_id.buffer_mode",
    "project_id.buffer_days",
    "project_id.buffer_percent",
    "project_id.company_id.resource_calendar_id",
)


class ProjectProject(models.Model):
    _inherit = "project.project"

    phase_ids = fields.One2many("b2b.phase", "project_id", string="Phases")
    phase_count = fields.Integer(string="Phase Count", compute="_compute_phase_count")
    plan_date_start = fields.Date(
        string="Plan Start",
        tracking=True,
        help="Start of the delivery plan: the percent buffer counts the days "
        "from here to each internal deadline.",
    )
    buffer_mode = fields.Selection(
        BUFFER_MODES,
        # Not NULL-constrained (read as "max" when empty): Odoo's own project
        # code, run before the addon is loaded (an upgrade of project, its
        # at-install tests), creates projects too.
        default="max",
        tracking=True,
        help="How much later the customer-facing dates are than the internal "
        "ones: a number of days, a percent of the time since the plan start, "
        "or the larger of both.",
    )
    buffer_days = fields.Integer(default=14, tracking=True)
    buffer_percent = fields.Float(default=20.0, tracking=True)

    _buffer_days_positive = models.Constraint(
        "CHECK(buffer_days >= 0)", "The buffer in days cannot be negative."
    )
    _buffer_percent_range = models.Constraint(
        "CHECK(buffer_percent >= 0 AND buffer_percent <= 100)",
        "The buffer percent must be between 0 and 100.",
    )

    @api.depends("phase_ids")
    def _compute_phase_count(self):
        counts = dict(
            self.env["b2b.phase"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.phase_count = counts.get(project._origin, 0)

    def _get_delivery_order(self):
        """The order the project delivers (empty if none, or no project)."""
        if not self:
            return self.env["sale.order"]
        self.ensure_one()
        # Looked up as superuser: the delivery team may not read the order
        # (nor sale_project's reinvoiced_sale_order_id, salespeople only);
        # the order comes back in the caller's environment.
        project = self.sudo()
        return (
            project.sale_order_id
            or project.reinvoiced_sale_order_id
            or project.env["sale.order"].search([("project_id", "=", self.id)], limit=1)
        ).with_env(self.env)

    def action_view_phases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_phase_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    # ------------------------------------------------------------------
    # The buffered plan
    # ------------------------------------------------------------------

    def _get_working_calendar(self):
        """The calendar of the project's working days: its company's."""
        self.ensure_one()
        return (
            self.company_id.resource_calendar_id
            or self.env.company.resource_calendar_id
        ).sudo()

    def _get_working_day_checker(self):
        """A predicate on dates: a working day of the project's calendar.

        Working weekdays come from the calendar's attendances (Monday to
        Friday without a calendar); a global leave of the calendar covering a
        whole working day, in the calendar's time zone, makes it a day off.
        """
        self.ensure_one()
        calendar = self._get_working_calendar()
        attendances = calendar.attendance_ids.filtered(
            lambda attendance: not attendance.display_type
        )
        if not attendances:
            return plan_dates.weekday_checker()
        hours = {}
        for attendance in attendances:
            day = int(attendance.dayofweek)
            low, high = hours.get(day, (24.0, 0.0))
            hours[day] = (min(low, attendance.hour_from), max(high, attendance.hour_to))
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search([("calendar_id", "=", calendar.id), ("resource_id", "=", False)])
        )
        tz = pytz.timezone(calendar.tz or "UTC")
        days_off = set()
        for leave in leaves:
            start = pytz.utc.localize(leave.date_from).astimezone(tz).replace(tzinfo=None)
            stop = pytz.utc.localize(leave.date_to).astimezone(tz).replace(tzinfo=None)
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
            self.plan_date_start,
            self.buffer_mode or "max",
            self.buffer_days,
            self.buffer_percent,
        )

    def _customer_dates(self, internal_dates):
        """{internal date: customer date} for this project (dates)."""
        self.ensure_one()
        checker = self._get_working_day_checker()
        result = {}
        for internal in set(internal_dates):
            if not internal:
                result[internal] = False
                continue
            buffered = internal + timedelta(days=self._get_buffer_days(internal))
            result[internal] = plan_dates.next_working_day(buffered, checker)
        return result

    def _to_local_date(self, value):
        """The date of a deadline (a UTC datetime) in the time zone of the
        project's calendar; a date stays itself."""
        self.ensure_one()
        if not value or not isinstance(value, datetime):
            return value
        tz = pytz.timezone(self._get_working_calendar().tz or "UTC")
        return pytz.utc.localize(value).astimezone(tz).date()

    @api.model
    def _assign_customer_dates(self, records):
        """Set ``date_deadline_customer`` of tasks or phases: their
        ``date_deadline`` plus the buffer of their project, moved to a
        working day; one calendar read per project."""
        for project, mine in records.grouped("project_id").items():
            if not project:
                mine.date_deadline_customer = False
                continue
            internal = {record: project._to_local_date(record.date_deadline) for record in mine}
            dates = project._customer_dates(internal.values())
            for record in mine:
                record.date_deadline_customer = dates[internal[record]]


def _at(day, hour):
    """The naive datetime of ``day`` at the float ``hour`` (8.5 is 08:30)."""
    minutes = int(round(hour * 60))
    if minutes >= 24 * 60:
        return datetime.combine(day, time.max)
    return datetime.combine(day, time(minutes // 60, minutes % 60))
