# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's rhythm: its review meetings (one recurrent
``calendar.event`` with the team, one ``b2b.review`` per occurrence) and
the periodic report to the customer (a ``project.update``), due by the
same cadence."""

from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..utils.arguments import date_argument
from ..utils.cron import run_each
from ..utils.steps import with_step
from .b2b_review import REVIEW_STEP_KEY
from .b2b_weekly_goal import week_monday

REVIEW_CADENCES = [
    ("weekly", "Weekly"),
    ("biweekly", "Every Two Weeks"),
    ("none", "No Reviews"),
]
CADENCE_WEEKS = {"weekly": 1, "biweekly": 2}
# Without an end date, a project's reviews are scheduled this many times.
DEFAULT_REVIEW_OCCURRENCES = 12
WEEKDAY_FIELDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Every-two-weeks periods count from the Monday of the plan start, or from
# this Monday when the project has none.
PERIOD_ANCHOR = date(2001, 1, 1)


class ProjectProject(models.Model):
    _inherit = "project.project"

    review_cadence = fields.Selection(
        REVIEW_CADENCES,
        # Not NULL-constrained: Odoo's own project code, run before the
        # addon is loaded (an upgrade of project), creates projects too.
        default="weekly",
        tracking=True,
        help="How often the team reviews the delivery and reports to the "
        "customer.",
    )
    review_date_first = fields.Datetime(
        string="First Review",
        help="When the first review meets; the next ones follow the cadence.",
    )
    review_duration = fields.Float(string="Review Duration (hours)", default=1.0)
    review_ids = fields.One2many("b2b.review", "project_id", string="Reviews")
    review_count = fields.Integer(compute="_compute_review_count")
    b2b_report_count = fields.Integer(
        string="Customer Reports", compute="_compute_b2b_report_count"
    )

    _review_duration_positive = models.Constraint(
        "CHECK(review_duration > 0)", "A review lasts more than no time."
    )

    def _compute_review_count(self):
        counts = dict(
            self.env["b2b.review"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.review_count = counts.get(project._origin, 0)

    def _compute_b2b_report_count(self):
        counts = dict(
            self.env["project.update"]._read_group(
                [("project_id", "in", self.ids), ("b2b_report_state", "!=", False)],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.b2b_report_count = counts.get(project._origin, 0)

    # ------------------------------------------------------------------
    # Review meetings
    # ------------------------------------------------------------------

    def _check_review_cadence(self):
        self.ensure_one()
        if self.review_cadence not in CADENCE_WEEKS:
            raise UserError(
                self.env._(
                    "The project %(project)s has no review cadence: choose weekly "
                    "or every two weeks first.",
                    project=self.name,
                )
            )

    def _prepare_review_event_values(self, start):
        """The recurrent meeting of the project's reviews from ``start``."""
        self.ensure_one()
        duration = self.review_duration or 1.0
        values = {
            "name": self.env._("Review: %(project)s", project=self.name),
            "start": start,
            "stop": start + timedelta(hours=duration),
            "duration": duration,
            "user_id": (self.user_id or self.env.user).id,
            "partner_ids": [(6, 0, self._b2b_team_members().partner_id.ids)],
            "recurrency": True,
            "rrule_type": "weekly",
            "interval": CADENCE_WEEKS[self.review_cadence],
            WEEKDAY_FIELDS[start.weekday()]: True,
        }
        if self.date and self.date >= start.date():
            values.update(end_type="end_date", until=self.date)
        else:
            values.update(end_type="count", count=DEFAULT_REVIEW_OCCURRENCES)
        return values

    def _prepare_review_values(self, event):
        self.ensure_one()
        return {
            "project_id": self.id,
            "name": event.name,
            "event_id": event.id,
            "date": event.start,
            "attendee_ids": [(6, 0, event.partner_ids.ids)],
        }

    def _schedule_reviews(self, now):
        """Schedule the reviews from the first review on (or from ``now``, a
        datetime, at the first review's time): the planned reviews still to
        come are replaced. Returns the new reviews."""
        self.ensure_one()
        self.check_access("read")
        self._check_review_cadence()
        if not self.review_date_first:
            raise UserError(
                self.env._(
                    "Set the date of the first review of %(project)s first.",
                    project=self.name,
                )
            )
        start = self.review_date_first
        step = timedelta(weeks=CADENCE_WEEKS[self.review_cadence])
        while start < now:
            start += step
        future = self.review_ids.filtered(
            lambda review: review.state == "planned" and review.date >= now
        )
        if future:
            future.action_cancel()
        event = self.env["calendar.event"].create(
            self._prepare_review_event_values(start)
        )
        events = event.recurrence_id.calendar_event_ids or event
        return with_step(self.env["b2b.review"], REVIEW_STEP_KEY).create(
            [self._prepare_review_values(occurrence) for occurrence in events]
        )

    def action_b2b_schedule_reviews(self):
        """Schedule the project's recurrent review meeting with the team."""
        for project in self:
            project._schedule_reviews(fields.Datetime.now())
        return True

    def action_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_review_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    # ------------------------------------------------------------------
    # The periodic report to the customer
    # ------------------------------------------------------------------

    def _get_report_period(self, day):
        """(first day, last day) of the review period holding ``day``:
        Monday to Sunday, or two such weeks counted from the plan start."""
        self.ensure_one()
        monday = week_monday(day)
        weeks = CADENCE_WEEKS.get(self.review_cadence, 1)
        if weeks > 1:
            anchor = week_monday(self.plan_date_start or PERIOD_ANCHOR)
            monday -= timedelta(days=(monday - anchor).days % (7 * weeks))
        return monday, monday + timedelta(days=7 * weeks - 1)

    def _get_report_due_date(self, day):
        """The day the report of the period holding ``day`` is due: the
        Friday of its last week."""
        return self._get_report_period(day)[1] - timedelta(days=2)

    def _find_b2b_report(self, period_start):
        self.ensure_one()
        return self.env["project.update"].search(
            [
                ("project_id", "=", self.id),
                ("b2b_report_state", "!=", False),
                ("b2b_period_start", "=", period_start),
            ],
            limit=1,
        )

    def b2b_prepare_report(self, day=None):
        """The customer report of the review period holding ``day`` (a date,
        default today), prepared from the project when missing; its id."""
        self.ensure_one()
        self.check_access("read")
        day = (
            date_argument(self, day, self.env._("The day of the report"))
            if day
            else fields.Date.context_today(self)
        )
        start, end = self._get_report_period(day)
        report = self._find_b2b_report(start)
        if not report:
            report = self.env["project.update"]._b2b_create_report(self, start, end)
            self._b2b_close_report_reminders()
        return report.id

    def action_b2b_prepare_report(self):
        """Button: prepare this period's report and open it for review."""
        self.ensure_one()
        report = self.env["project.update"].browse(self.b2b_prepare_report())
        return report._get_records_action()

    def action_view_b2b_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_delivery_report_action"
        )
        action["domain"] = [
            ("project_id", "=", self.id),
            ("b2b_report_state", "!=", False),
        ]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_b2b_print_progress_report(self):
        """Print the latest customer report of the project."""
        self.ensure_one()
        report = self.env["project.update"].search(
            [("project_id", "=", self.id), ("b2b_report_state", "!=", False)],
            order="b2b_period_start desc, id desc",
            limit=1,
        )
        if not report:
            raise UserError(
                self.env._(
                    "The project %(project)s has no report to the customer yet: "
                    "prepare one first.",
                    project=self.name,
                )
            )
        return report.action_b2b_print()

    def _b2b_close_report_reminders(self):
        self.sudo().activity_unlink(["b2b_sales_delivery.mail_activity_type_b2b_report_due"])

    def _b2b_remind_report(self, today):
        """Remind the project manager of the period's report when it is due
        and not prepared: one activity per period."""
        self.ensure_one()
        start, end = self._get_report_period(today)
        due = self._get_report_due_date(today)
        if today < due or self._find_b2b_report(start):
            return False
        activity_type = self.env.ref(
            "b2b_sales_delivery.mail_activity_type_b2b_report_due"
        )
        if self.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
            and activity.date_deadline == due
        ):
            return False
        self.activity_schedule(
            "b2b_sales_delivery.mail_activity_type_b2b_report_due",
            date_deadline=due,
            user_id=self.user_id.id,
            summary=self.env._(
                "Prepare the report of %(start)s - %(end)s for the customer",
                start=start,
                end=end,
            ),
        )
        return True

    @api.model
    def _cron_b2b_remind_reports(self, today=None):
        """Daily: remind each project manager of the reports due by their
        project's cadence; a bad project is logged and skipped."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        projects = self.search(
            [
                ("review_cadence", "in", tuple(CADENCE_WEEKS)),
                ("user_id", "!=", False),
                ("partner_id", "!=", False),
                ("phase_ids", "!=", False),
            ]
        )
        run_each(
            projects,
            lambda project: project._b2b_remind_report(today),
            "Customer report reminders",
        )
        return True
