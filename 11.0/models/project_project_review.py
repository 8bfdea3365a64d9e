# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Review meetings with the customer and the periodic report."""
import logging
from datetime import date, datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils import plan_dates
from ..utils.arguments import check_date_argument
from ..utils.display import user_datetime
from .b2b_job import run_each
from .b2b_review import REVIEW_STEP

_logger = logging.getLogger(__name__)

REVIEW_CADENCES = [("weekly", "Weekly"), ("biweekly", "Every two weeks")]
REVIEW_CADENCE_DAYS = {"weekly": 7, "biweekly": 14}
# Biweekly periods count from the Monday of the plan start, or from this one.
PERIOD_ANCHOR = date(2001, 1, 1)


class ProjectProject(models.Model):
    _inherit = "project.project"

    review_cadence = fields.Selection(
        REVIEW_CADENCES, default="weekly", required=True,
        track_visibility="onchange",
    )
    review_date_next = fields.Datetime(
        string="Next Review", track_visibility="onchange", copy=False
    )
    review_duration = fields.Float(string="Review Duration (hours)", default=1.0)
    review_partner_ids = fields.Many2many(
        "res.partner", "b2b_project_review_partner_rel", "project_id", "partner_id",
        string="Customer Contacts",
        help="The customer's people invited to the reviews and receiving the "
        "periodic report. Empty: the customer itself.",
    )
    review_event_id = fields.Many2one(
        "calendar.event", string="Next Review Meeting", copy=False, readonly=True,
        ondelete="set null",
    )
    report_auto = fields.Boolean(
        string="Send Reports Automatically", default=False,
        help="Send the periodic report at the end of each review period "
        "without review. Unset: the report waits in \"To Review\" for the "
        "project manager to look at it and send it.",
    )
    delivery_report_ids = fields.One2many(
        "b2b.delivery.report", "project_id", string="Reports"
    )
    delivery_report_count = fields.Integer(compute="_compute_delivery_report_count")
    review_ids = fields.One2many("b2b.review", "project_id", string="Reviews")
    review_count = fields.Integer(compute="_compute_review_count")

    def _compute_delivery_report_count(self):
        counts = self._count_by_project("b2b.delivery.report", [])
        for project in self:
            project.delivery_report_count = counts.get(project.id, 0)

    def _compute_review_count(self):
        counts = self._count_by_project("b2b.review", [])
        for project in self:
            project.review_count = counts.get(project.id, 0)

    def _get_review_partners(self):
        """The customer's people who are invited and receive the report."""
        self.ensure_one()
        return self.review_partner_ids or self.partner_id

    def _get_report_period(self, day):
        """(first day, last day) of the review period holding ``day`` (dates).

        Weekly: Monday to Sunday. Every two weeks: two such weeks counted
        from the Monday of the plan start.
        """
        self.ensure_one()
        monday = plan_dates.monday_of(day)
        length = REVIEW_CADENCE_DAYS[self.review_cadence or "weekly"]
        if length > 7:
            anchor = PERIOD_ANCHOR
            if self.plan_date_start:
                anchor = plan_dates.monday_of(
                    fields.Date.from_string(self.plan_date_start)
                )
            offset = (monday - anchor).days % length
            monday -= timedelta(days=offset)
        return monday, monday + timedelta(days=length - 1)

    def _get_report(self, day):
        """The report of the period holding ``day``, created when missing."""
        self.ensure_one()
        start, end = self._get_report_period(day)
        Report = self.env["b2b.delivery.report"]
        report = Report.search(
            [("project_id", "=", self.id),
             ("period_start", "=", fields.Date.to_string(start))], limit=1
        )
        if not report:
            report = Report.create({
                "project_id": self.id,
                "period_start": fields.Date.to_string(start),
                "period_end": fields.Date.to_string(end),
            })
        return report

    @api.multi
    def send_delivery_report(self, day=None):
        """Send the report of the period holding ``day`` (default: today) to
        the customer's contacts, once per period; return the report id."""
        self.ensure_one()
        day = fields.Date.from_string(check_date_argument(
            self, day or fields.Date.context_today(self), _("The day of the report")
        ))
        report = self._get_report(day)
        if report.state != "sent":
            report._send()
        return report.id

    @api.multi
    def action_send_delivery_report(self):
        """Button: send this period's report now (after the review)."""
        self.ensure_one()
        return self._send_report_now(
            fields.Date.from_string(fields.Date.context_today(self))
        )

    @api.multi
    def action_preview_delivery_report(self):
        """Button: see the mail of this period's report before sending it."""
        self.ensure_one()
        return self._preview_report_now(
            fields.Date.from_string(fields.Date.context_today(self))
        )

    def _preview_report_now(self, day):
        """The preview of the mail of the report of the period holding
        ``day`` (a date), refused when it was already sent."""
        return self._report_to_send_now(day)._b2b_mail_preview("action_send")

    def _send_report_now(self, day):
        """Send the report of the period holding ``day`` (a date); refuse a
        second sending, which the report form offers explicitly."""
        report = self._report_to_send_now(day)
        report._send()
        return report.get_formview_action()

    def _report_to_send_now(self, day):
        """The report of the period holding ``day`` (a date), refused when
        it was already sent."""
        self.ensure_one()
        report = self._get_report(day)
        if report.state == "sent":
            raise UserError(
                _("The report of this period was already sent on %s. Open it "
                  "from the Reports button to send it again.") % user_datetime(
                    self, report.date_sent)
            )
        return report

    def _get_projects_to_report(self):
        return self.search([
            ("partner_id", "!=", False),
            ("sale_order_id", "!=", False),
        ])

    def _report_period_ended(self, day):
        """Send the report of the period holding ``day`` (a date) if the
        project reports automatically, else put it to review; once."""
        self.ensure_one()
        if self.report_auto:
            return self.send_delivery_report(fields.Date.to_string(day))
        report = self._get_report(day)
        report._submit_for_review()
        return report.id

    @api.model
    def _cron_send_delivery_reports(self, today=None):
        """Send the report of the period that just ended, for every project
        that reports automatically; for the others, put it to review by the
        project manager. However often it runs, one report (and one mail)
        per project and period: ``b2b.delivery.report`` is unique per
        project and period start."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        projects = self._get_projects_to_report()
        if projects.filtered("report_auto"):
            # Odoo 11 commits the report assets the first time a PDF is
            # printed (for wkhtmltopdf to fetch them), which would end the
            # savepoint around a project's report and fail the job: print
            # once before the first savepoint.
            self.env.ref(
                "b2b_sales_delivery.action_report_delivery_plan"
            ).render_qweb_pdf(projects.ids[:1])
        to_send, periods = self.browse(), {}
        for project in projects:
            current_start, _end = project._get_report_period(today)
            previous = current_start - timedelta(days=1)
            if project.plan_date_start and previous < fields.Date.from_string(
                project.plan_date_start
            ):
                continue
            to_send |= project
            periods[project.id] = previous
        # One project's failure does not stop the others: it is logged and
        # handed to the project's manager.
        run_each(
            to_send,
            lambda project: project._report_period_ended(periods[project.id]),
            _("Periodic delivery report"),
            lambda project: project.user_id or self.env.user,
            lambda project: project.sale_order_id,
        )
        return True

    def _prepare_review_event_values(self, start):
        self.ensure_one()
        partners = self._get_review_partners() | self.user_id.partner_id
        stop = start + timedelta(hours=self.review_duration or 1.0)
        return {
            "name": _("Review: %s") % self.name,
            "start": fields.Datetime.to_string(start),
            "stop": fields.Datetime.to_string(stop),
            "duration": self.review_duration or 1.0,
            "partner_ids": [(6, 0, partners.ids)],
            "user_id": (self.user_id or self.env.user).id,
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "description": _("Review of the delivery with the customer: "
                             "progress by phase, goals of the period, open "
                             "questions and risks."),
        }

    def _schedule_review(self, now):
        """The next review meeting after ``now`` (a datetime), created once.

        It is planned at ``review_date_next``, moved forward by the cadence
        while it lies in the past.
        """
        self.ensure_one()
        event = self.review_event_id
        if event and fields.Datetime.from_string(event.start) > now:
            return event
        if not self.review_date_next:
            raise UserError(
                _("Set the date of the next review of the project %s first.")
                % self.name
            )
        start = fields.Datetime.from_string(self.review_date_next)
        step = timedelta(days=REVIEW_CADENCE_DAYS[self.review_cadence])
        while start <= now:
            start += step
        event = self.env["calendar.event"].create(
            self._prepare_review_event_values(start)
        )
        self.env["b2b.review"].with_context(b2b_review_step=REVIEW_STEP).create(
            self._prepare_review_values(event)
        )
        # The team schedules reviews; only project managers write projects.
        self.sudo().write({
            "review_event_id": event.id,
            "review_date_next": fields.Datetime.to_string(start),
        })
        return event

    def _prepare_review_values(self, event):
        self.ensure_one()
        return {
            "project_id": self.id,
            "name": event.name,
            "date": event.start,
            "event_id": event.id,
            "attendee_ids": [(6, 0, event.partner_ids.ids)],
        }

    @api.model
    def _cron_schedule_reviews(self, now=None):
        """Daily: the next review meeting of each project whose reviews are
        set up (a next review date), once the last one has passed; each
        project in its own savepoint."""
        now = fields.Datetime.from_string(now) if now else datetime.utcnow()
        scheduled = 0
        for project in self.search([("review_date_next", "!=", False)]):
            event = project.review_event_id
            if event and fields.Datetime.from_string(event.start) > now:
                continue
            try:
                with self.env.cr.savepoint():
                    project._schedule_review(now)
                    scheduled += 1
            except Exception:  # one project's failure must not stop the others
                _logger.exception("Next review of project %s not scheduled",
                                  project.id)
        return scheduled

    @api.multi
    def action_schedule_review(self):
        """Schedule the next review meeting with the customer's contacts."""
        self.ensure_one()
        event = self._schedule_review(datetime.utcnow())
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": event.id,
            "view_mode": "form",
            "target": "current",
        }
