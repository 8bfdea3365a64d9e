# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import date, datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils import plan_dates

_logger = logging.getLogger(__name__)

BUFFER_MODES = [
    ("days", "Days"),
    ("percent", "Percent of the duration"),
    ("max", "The larger of both"),
]
REVIEW_CADENCES = [("weekly", "Weekly"), ("biweekly", "Every two weeks")]
REVIEW_CADENCE_DAYS = {"weekly": 7, "biweekly": 14}
# Biweekly periods count from the Monday of the plan start, or from this one.
PERIOD_ANCHOR = date(2001, 1, 1)


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

    # Weekly goals, questions, team agreement
    weekly_goal_ids = fields.One2many(
        "b2b.weekly.goal", "project_id", string="Weekly Goals"
    )
    question_ids = fields.One2many("b2b.question", "project_id", string="Questions")
    question_open_count = fields.Integer(
        string="Open Questions", compute="_compute_question_open_count"
    )
    # No field default: Odoo would translate it while installing, when it
    # fills existing projects, and read users whose new columns do not exist
    # yet; default_get gives it to new projects.
    agreement_text = fields.Text(
        string="Way of Working",
        help="The plan and how the team works, acknowledged by each member.",
    )
    team_agreement_ids = fields.One2many(
        "b2b.team.agreement", "project_id", string="Team Agreement"
    )
    agreement_pending_count = fields.Integer(
        string="Not Acknowledged", compute="_compute_agreement_counts"
    )
    agreement_done_count = fields.Integer(
        string="Acknowledged", compute="_compute_agreement_counts"
    )

    # Reviews and reports
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
        string="Send Reports Automatically", default=True,
        help="Send the periodic report at the end of each review period.",
    )
    delivery_report_ids = fields.One2many(
        "b2b.delivery.report", "project_id", string="Reports"
    )
    delivery_report_count = fields.Integer(compute="_compute_delivery_report_count")

    # Upsell
    upsell_lead_ids = fields.One2many(
        "crm.lead", "b2b_origin_project_id", string="Follow-up Opportunities"
    )
    upsell_lead_count = fields.Integer(compute="_compute_upsell_lead_count")
    upsell_order_count = fields.Integer(
        string="Follow-up Orders", compute="_compute_upsell_lead_count",
        help="Orders won from the follow-up opportunities of this project.",
    )

    _sql_constraints = [
        ("buffer_days_positive", "CHECK(buffer_days >= 0)",
         "The buffer in days cannot be negative."),
        ("buffer_percent_range", "CHECK(buffer_percent >= 0 AND buffer_percent <= 100)",
         "The buffer percent must be between 0 and 100."),
    ]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "agreement_text" in fields_list and not values.get("agreement_text"):
            values["agreement_text"] = self._default_agreement_text()
        return values

    def _default_agreement_text(self):
        return _(
            "We deliver a good product, with integrity, and keep our "
            "commitments: the plan and its weekly goals are ours."
        )

    def _count_by_project(self, model, domain, groupby="project_id"):
        """{project id: count} of ``model`` records matching ``domain``, in one
        read_group."""
        if not self.ids:
            return {}
        groups = self.env[model].read_group(
            [("project_id", "in", self.ids)] + domain, [groupby], [groupby]
        )
        return {g[groupby][0]: g[groupby + "_count"] for g in groups}

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

    @api.depends("question_ids.state")
    def _compute_question_open_count(self):
        counts = self._count_by_project("b2b.question", [("state", "=", "open")])
        for project in self:
            project.question_open_count = counts.get(project.id, 0)

    @api.depends("team_agreement_ids.date_acknowledged")
    def _compute_agreement_counts(self):
        done = self._count_by_project(
            "b2b.team.agreement", [("date_acknowledged", "!=", False)]
        )
        pending = self._count_by_project(
            "b2b.team.agreement", [("date_acknowledged", "=", False)]
        )
        for project in self:
            if project.id:
                project.agreement_done_count = done.get(project.id, 0)
                project.agreement_pending_count = pending.get(project.id, 0)
            else:  # a form being edited: count the lines it holds
                lines = project.team_agreement_ids
                project.agreement_done_count = len(
                    lines.filtered("date_acknowledged")
                )
                project.agreement_pending_count = len(lines) - (
                    project.agreement_done_count
                )

    def _compute_delivery_report_count(self):
        counts = self._count_by_project("b2b.delivery.report", [])
        for project in self:
            project.delivery_report_count = counts.get(project.id, 0)

    def _compute_upsell_lead_count(self):
        """Follow-up opportunities and the orders won from them (the 2nd,
        3rd, 4th orders), traced to the delivery: counts only, as the
        delivery team may have no CRM or sales rights."""
        leads, orders = {}, {}
        if self.ids:
            groups = self.env["crm.lead"].sudo().read_group(
                [("b2b_origin_project_id", "in", self.ids)],
                ["b2b_origin_project_id"], ["b2b_origin_project_id"],
            )
            leads = {
                g["b2b_origin_project_id"][0]: g["b2b_origin_project_id_count"]
                for g in groups
            }
            # One query for the orders, through their opportunity.
            self.env.cr.execute(
                """
                SELECT lead.b2b_origin_project_id, count(*)
                  FROM sale_order so
                  JOIN crm_lead lead ON lead.id = so.opportunity_id
                 WHERE lead.b2b_origin_project_id IN %s
                   AND so.state != 'cancel'
                 GROUP BY lead.b2b_origin_project_id
                """,
                (tuple(self.ids),),
            )
            orders = dict(self.env.cr.fetchall())
        for project in self:
            project.upsell_lead_count = leads.get(project.id, 0)
            project.upsell_order_count = orders.get(project.id, 0)

    # ------------------------------------------------------------------
    # The buffered plan
    # ------------------------------------------------------------------
    def _get_working_day_checker(self):
        """A predicate on dates: a working day of the project's calendar.

        Working weekdays come from the calendar's attendances (Monday-Friday
        without a calendar); a global leave of the calendar covering a whole
        working day makes it a day off. Leaves are read once, in their own
        time zone (the calendar methods would use the user's, see ODOO11.md).
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
        """Set ``date_deadline_customer`` of tasks or phases from their
        ``date_deadline``, one calendar read per project."""
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

    # ------------------------------------------------------------------
    # Team agreement
    # ------------------------------------------------------------------
    @api.multi
    def action_acknowledge_agreement(self):
        """The current user acknowledges the plan and the way of working."""
        for project in self:
            line = project.team_agreement_ids.filtered(
                lambda a: a.user_id == self.env.user
            )
            if not line:
                raise UserError(
                    _("You are not a member of the team of the project %s.")
                    % project.name
                )
            line.action_acknowledge()
        return True

    @api.multi
    def action_reset_agreement(self):
        """The plan changed: every member acknowledges it again."""
        for project in self:
            lines = project.team_agreement_ids.filtered("date_acknowledged")
            lines.write({"date_acknowledged": False})
            project.message_post(
                body=_("The team agreement was reset: each member acknowledges "
                       "the plan again.")
            )
        return True

    # ------------------------------------------------------------------
    # Reviews and periodic reports
    # ------------------------------------------------------------------
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
        day = fields.Date.from_string(day or fields.Date.context_today(self))
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

    def _send_report_now(self, day):
        """Send the report of the period holding ``day`` (a date); refuse a
        second sending, which the report form offers explicitly."""
        self.ensure_one()
        report = self._get_report(day)
        if report.state == "sent":
            raise UserError(
                _("The report of this period was already sent on %s. Open it "
                  "from the Reports button to send it again.") % report.date_sent
            )
        report._send()
        return report.get_formview_action()

    def _get_projects_to_report(self):
        return self.search([
            ("report_auto", "=", True),
            ("partner_id", "!=", False),
            ("sale_order_id", "!=", False),
        ])

    @api.model
    def _cron_send_delivery_reports(self, today=None):
        """Send the report of the period that just ended, for every project
        that reports automatically. However often it runs, one report (and
        one mail) per project and period: ``b2b.delivery.report`` is unique
        per project and period start."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        projects = self._get_projects_to_report()
        if projects:
            # Odoo 11 commits the report assets the first time a PDF is
            # printed (for wkhtmltopdf to fetch them), which would end the
            # savepoint around a project's report and fail the job: print
            # once before the first savepoint.
            self.env.ref(
                "b2b_sales_delivery.action_report_delivery_plan"
            ).render_qweb_pdf(projects.ids[:1])
        for project in projects:
            current_start, _end = project._get_report_period(today)
            previous = current_start - timedelta(days=1)
            if project.plan_date_start and previous < fields.Date.from_string(
                project.plan_date_start
            ):
                continue
            try:
                with self.env.cr.savepoint():
                    project.send_delivery_report(fields.Date.to_string(previous))
            except Exception:  # one project's failure must not stop the others
                _logger.exception(
                    "Periodic report of project %s not sent", project.id
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
        # The team schedules reviews; only project managers write projects.
        self.sudo().write({
            "review_event_id": event.id,
            "review_date_next": fields.Datetime.to_string(start),
        })
        return event

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

    # ------------------------------------------------------------------
    # Upsell
    # ------------------------------------------------------------------
    def _prepare_upsell_lead_values(self):
        self.ensure_one()
        # The delivery team may not read orders: take the salesperson anyway.
        order = self.sudo().sale_order_id
        return {
            "name": _("Follow-up of %s") % self.name,
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "user_id": (order.user_id or self.env.user).id,
            "team_id": order.team_id.id,
            "company_id": self.company_id.id,
            "b2b_origin_project_id": self.id,
            "b2b_origin_contract_id": order.b2b_contract_id.id,
            "description": _("Follow-up opportunity heard during the delivery "
                             "of %s.") % self.name,
        }

    @api.multi
    def action_create_upsell(self):
        """Create a follow-up opportunity for the customer, linked to the
        project and its contract, for the salesperson of the order."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(_("The project %s has no customer.") % self.name)
        # The project team may lack CRM rights: the opportunity is the
        # salesperson's, created for them.
        lead = self.env["crm.lead"].sudo().create(self._prepare_upsell_lead_values())
        self._post_delivery_note(
            _("Follow-up opportunity created: %s") % lead.name
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
            "target": "current",
        }


def _at(day, hour):
    """The naive datetime of ``day`` at the float ``hour`` (8.5 is 08:30)."""
    minutes = int(round(hour * 60))
    if minutes >= 24 * 60:
        return datetime.combine(day, time.max)
    return datetime.combine(day, time(minutes // 60, minutes % 60))
