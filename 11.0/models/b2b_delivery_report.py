# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils.display import user_datetime

REPORT_STATES = [("draft", "Draft"), ("to_review", "To Review"), ("sent", "Sent")]
# Put in the context by the report's own steps: its state and sending date
# change through them only, never from values a caller sends.
REPORT_STEP = object()
REPORT_STEP_FIELDS = ("state", "date_sent")


class B2bDeliveryReport(models.Model):
    """The periodic report of a delivery project to the customer: one per
    project and review period, mailed once (with its PDF) after the review.

    The report shows customer-facing dates only.
    """

    _name = "b2b.delivery.report"
    _description = "Delivery Progress Report"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "b2b.delivery.mixin",
        "b2b.mail.preview.mixin",
    ]
    _order = "period_start desc, id desc"
    _mail_preview_actions = {
        "action_send": "b2b_sales_delivery.mail_template_delivery_report",
        "action_send_again": "b2b_sales_delivery.mail_template_delivery_report",
    }

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        related="project_id.partner_id", string="Customer", readonly=True
    )
    period_start = fields.Date(required=True, readonly=True, index=True)
    period_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        REPORT_STATES, default="draft", required=True, readonly=True,
        track_visibility="onchange",
    )
    date_sent = fields.Datetime(string="Sent on", readonly=True, copy=False)
    recipient_ids = fields.Many2many(
        "res.partner", compute="_compute_recipient_ids", string="Recipients"
    )

    _sql_constraints = [
        ("project_period_unique", "UNIQUE(project_id, period_start)",
         "A project has one report per period."),
    ]

    @api.depends("project_id.name", "period_start")
    def _compute_name(self):
        for report in self:
            report.name = _("%(project)s - report of %(period)s") % {
                "project": report.project_id.name or "",
                "period": report.period_start or "",
            }

    def _compute_recipient_ids(self):
        for report in self:
            report.recipient_ids = report.project_id._get_review_partners()

    @api.model
    def create(self, vals):
        self._check_report_step(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_report_step(vals)
        return super().write(vals)

    def _check_report_step(self, vals):
        if (set(vals) & set(REPORT_STEP_FIELDS)
                and self.env.context.get("b2b_report_step") is not REPORT_STEP):
            raise UserError(
                _("A report is put to review or sent with its buttons, not by "
                  "writing its state.")
            )

    def _write_step(self, vals):
        return self.with_context(b2b_report_step=REPORT_STEP).write(vals)

    # ------------------------------------------------------------------
    # Content (shared by the PDF and the mail body)
    # ------------------------------------------------------------------
    def _next_period(self):
        self.ensure_one()
        end = fields.Date.from_string(self.period_end)
        length = end - fields.Date.from_string(self.period_start)
        first = end + timedelta(days=1)
        return fields.Date.to_string(first), fields.Date.to_string(first + length)

    def get_phases(self):
        """The phases with their progress and customer deadline."""
        self.ensure_one()
        return self.project_id.phase_ids

    def get_goals(self):
        """The goals of the reported period, with their results."""
        self.ensure_one()
        return self.project_id.weekly_goal_ids.filtered(
            lambda g: self.period_start <= g.week_start <= self.period_end
        ).sorted(lambda g: (g.week_start, g.sequence, g.id))

    def get_next_goals(self):
        """The goals of the next period."""
        self.ensure_one()
        first, last = self._next_period()
        return self.project_id.weekly_goal_ids.filtered(
            lambda g: first <= g.week_start <= last
        ).sorted(lambda g: (g.week_start, g.sequence, g.id))

    def get_open_questions(self):
        self.ensure_one()
        return self.project_id.question_ids.filtered(lambda q: q.state == "open")

    def get_answered_questions(self):
        """Questions answered during the period."""
        self.ensure_one()
        return self.project_id.question_ids.filtered(
            lambda q: q.state == "answered" and q.date_answered
            and self.period_start <= q.date_answered <= self.period_end
        )

    def get_open_risks(self):
        """The open risks shared with the customer: the others are internal."""
        self.ensure_one()
        return self.project_id.risk_ids.filtered(
            lambda r: r.is_shared and r.state in ("open", "occurred")
        )

    def get_mail_body(self):
        """The report as HTML for the mail body, in the context's language."""
        self.ensure_one()
        html = self.env["ir.ui.view"].render_template(
            "b2b_sales_delivery.delivery_report_content", {"doc": self}
        )
        return html.decode() if isinstance(html, bytes) else html

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    def _send(self):
        """Mail the report (body and PDF) to the customer's contacts and mark
        it sent. Returns True."""
        template = self.env.ref("b2b_sales_delivery.mail_template_delivery_report")
        for report in self:
            if not report.recipient_ids:
                raise UserError(
                    _("The project %s has no customer contact to send the "
                      "report to.") % report.project_id.name
                )
            report.message_post_with_template(template.id)
            report._write_step({"state": "sent", "date_sent": fields.Datetime.now()})
            report.project_id._post_delivery_note(
                _("Periodic report sent to the customer: %s") % report.name
            )
        return True

    def _submit_for_review(self):
        """Ask the project manager to look at the report before it goes to
        the customer: state "To Review" and an activity, once per report."""
        for report in self.filtered(lambda r: r.state == "draft"):
            report._write_step({"state": "to_review"})
            manager = report.project_id.user_id
            if manager:
                report.sudo().with_context(
                    lang=manager.lang or self.env.context.get("lang")
                )._schedule_review_activity(manager)
        return True

    def _schedule_review_activity(self, user):
        self.ensure_one()
        return self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "summary": _("Review the report and send it to the customer"),
            "user_id": user.id,
            "date_deadline": fields.Date.context_today(self),
        })

    @api.multi
    def action_send(self):
        """Send the report to the customer, after looking at it."""
        if self.filtered(lambda r: r.state == "sent"):
            raise UserError(
                _("This report was already sent: use Send Again to send it "
                  "once more.")
            )
        return self._send()

    @api.multi
    def action_send_again(self):
        """Send an already sent report once more (after a correction)."""
        return self._send()

    def _mail_preview_notes(self):
        notes = super()._mail_preview_notes()
        if self.state == "sent":
            notes.append(
                _("This report was already sent on %s: it goes to the "
                  "customer once more.") % user_datetime(self, self.date_sent)
            )
        return notes

    @api.multi
    def action_preview_send(self):
        """Button: see the mail of the report before sending it."""
        return self._b2b_mail_preview("action_send")

    @api.multi
    def action_preview_send_again(self):
        """Button: see the mail before sending the report once more."""
        return self._b2b_mail_preview("action_send_again")

    @api.multi
    def action_print(self):
        return self.env.ref(
            "b2b_sales_delivery.action_report_delivery_report"
        ).report_action(self)
