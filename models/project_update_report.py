# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The periodic report to the customer, on Odoo's own status report of a
project (``project.update``: status, progress, a body): prepared from the
project with what the customer may see, reviewed by the project manager,
then mailed with its PDF. Internal risks and internal dates never enter it.

Sending is one step wherever it starts (the button, ``action_send()`` over
RPC, Odoo's composer or the template itself): a report not reviewed is
refused, a sent one is marked sent."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, format_datetime

from ..utils.scope_steps import composer_action
from ..utils.steps import StepFacts, in_step, with_step

REPORT_STATES = [("draft", "To Review"), ("reviewed", "Reviewed"), ("sent", "Sent")]
REPORT_STEP_KEY = "b2b_report_step"
# The facts of a customer report that only its steps write.
REPORT_STEP_FIELDS = (
    "b2b_report_state",
    "b2b_period_start",
    "b2b_period_end",
    "b2b_reviewed_by_id",
    "b2b_date_reviewed",
    "b2b_date_sent",
)
# What the project manager reviewed: frozen once reviewed.
REPORT_CONTENT_FIELDS = ("name", "description", "status", "progress", "date", "project_id")
REPORT_TEMPLATE = "b2b_sales_delivery.mail_template_b2b_delivery_report"
# Risks the customer hears about: shared, and not closed or mitigated.
REPORTED_RISK_STATES = ("open", "occurred")


class ProjectUpdate(models.Model):
    _name = "project.update"
    _inherit = ["project.update", "b2b.step.mixin"]

    b2b_report_state = fields.Selection(
        REPORT_STATES,
        string="Customer Report",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Set on the reports to the customer: prepared, reviewed by the "
        "project manager, sent. Empty on internal status updates.",
    )
    b2b_period_start = fields.Date(string="Period Start", readonly=True, copy=False)
    b2b_period_end = fields.Date(string="Period End", readonly=True, copy=False)
    b2b_reviewed_by_id = fields.Many2one(
        "res.users", string="Reviewed By", readonly=True, copy=False
    )
    b2b_date_reviewed = fields.Datetime(string="Reviewed On", readonly=True, copy=False)
    b2b_date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    b2b_partner_id = fields.Many2one(
        related="project_id.partner_id", string="Customer", readonly=True
    )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(REPORT_STEP_KEY, REPORT_STEP_FIELDS, "_b2b_state_refusal")
        ]

    def write(self, vals):
        if not in_step(self, REPORT_STEP_KEY):
            # The steps' facts first, then what a reviewed report keeps.
            self._b2b_check_step_facts(vals=vals)
            frozen = self.filtered(lambda update: update.b2b_report_state in ("reviewed", "sent"))
            if frozen and set(vals) & set(REPORT_CONTENT_FIELDS):
                raise UserError(
                    self.env._(
                        "The report %(reports)s was reviewed: set it back to review "
                        "before changing it.",
                        reports=", ".join(frozen.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        sent = self.filtered(lambda update: update.b2b_report_state == "sent")
        if sent:
            raise UserError(
                self.env._(
                    "The customer received %(reports)s: a sent report cannot be "
                    "deleted.",
                    reports=", ".join(sent.mapped("name")),
                )
            )

    def _b2b_state_refusal(self):
        return self.env._(
            "A report to the customer is prepared from its project, then reviewed "
            "and sent with its buttons: its state cannot be written."
        )

    def _b2b_write_step(self, vals):
        return with_step(self, REPORT_STEP_KEY).write(vals)

    # ------------------------------------------------------------------
    # Preparing: what the customer may see
    # ------------------------------------------------------------------

    @api.model
    def _b2b_create_report(self, project, start, end):
        """The report of ``project`` for the period ``start`` - ``end``."""
        values = self._b2b_prepare_report_values(project, start, end)
        return with_step(self, REPORT_STEP_KEY).create(values)

    @api.model
    def _b2b_prepare_report_values(self, project, start, end):
        lang = project.partner_id.lang or self.env.lang
        phases = project.phase_ids
        accepted = phases.filtered(lambda phase: phase.state == "accepted")
        status = project.last_update_status
        return {
            "project_id": project.id,
            "name": self.with_context(lang=lang).env._(
                "Progress report %(start)s - %(end)s",
                start=format_date(self.env, start, lang_code=lang),
                end=format_date(self.env, end, lang_code=lang),
            ),
            "status": status if status not in (False, "to_define") else "on_track",
            "progress": round(100 * len(accepted) / len(phases)) if phases else 0,
            "date": end,
            "description": self._b2b_render_report_body(project, start, end),
            "b2b_report_state": "draft",
            "b2b_period_start": start,
            "b2b_period_end": end,
        }

    @api.model
    def _b2b_render_report_body(self, project, start, end):
        """The body of the report, in the customer's language."""
        lang = project.partner_id.lang or self.env.lang
        values = self.with_context(lang=lang)._b2b_report_content_values(project, start, end)
        return self.env["ir.qweb"].with_context(lang=lang)._render(
            "b2b_sales_delivery.b2b_progress_report_content", values
        )

    @api.model
    def _b2b_report_content_values(self, project, start, end):
        """What the customer reads: phases with their customer dates only,
        the goals of the period, the risks shared with the customer."""
        lang = self.env.lang

        def show_date(day):
            return format_date(self.env, day, lang_code=lang) if day else ""

        phase_states = dict(
            self.env["b2b.phase"]._fields["state"]._description_selection(self.env)
        )
        goal_states = dict(
            self.env["b2b.weekly.goal"]._fields["state"]._description_selection(self.env)
        )
        risk_states = dict(
            self.env["b2b.risk"]._fields["state"]._description_selection(self.env)
        )
        goals = project.weekly_goal_ids.filtered(
            lambda goal: start <= goal.week_start <= end
        ).sorted(lambda goal: (goal.week_start, goal.id))
        return {
            "project": project,
            "period_start": show_date(start),
            "period_end": show_date(end),
            "phases": [
                {
                    "name": phase.name,
                    "state": phase_states.get(phase.state, ""),
                    "date": show_date(phase.date_deadline_customer),
                }
                for phase in project.phase_ids.sorted(lambda phase: (phase.sequence, phase.id))
            ],
            "goals": [
                {
                    "name": goal.name,
                    "state": goal_states.get(goal.state, ""),
                    "result": goal.result or "",
                }
                for goal in goals
            ],
            "risks": [
                {
                    "name": risk.name,
                    "state": risk_states.get(risk.state, ""),
                    "mitigation": risk.mitigation or "",
                }
                for risk in self._b2b_customer_risks(project)
            ],
        }

    @api.model
    def _b2b_customer_risks(self, project):
        """The risks shared with the customer, of the opportunity the project
        delivers (the delivery team may have no CRM rights); never an
        internal one."""
        lead = project._get_delivery_order().sudo().opportunity_id
        return lead.risk_ids.filtered(
            lambda risk: risk.is_shared and risk.state in REPORTED_RISK_STATES
        )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def _b2b_check_state(self, state, message):
        wrong = self.filtered(lambda update: update.b2b_report_state != state)
        if wrong:
            raise UserError(message % {"reports": ", ".join(wrong.mapped("name"))})

    def action_b2b_mark_reviewed(self):
        """The project manager read the report: it may go to the customer."""
        self._b2b_check_state(
            "draft",
            self.env._("Only a report to review can be reviewed: %(reports)s."),
        )
        self._b2b_write_step(
            {
                "b2b_report_state": "reviewed",
                "b2b_reviewed_by_id": self.env.user.id,
                "b2b_date_reviewed": fields.Datetime.now(),
            }
        )
        return True

    def action_b2b_reset_draft(self):
        """Back to review, to change a reviewed report before it is sent."""
        self._b2b_check_state(
            "reviewed",
            self.env._("Only a reviewed report not yet sent goes back to review: %(reports)s."),
        )
        self._b2b_write_step(
            {
                "b2b_report_state": "draft",
                "b2b_reviewed_by_id": False,
                "b2b_date_reviewed": False,
            }
        )
        return True

    def _b2b_check_sendable(self):
        """Sent only when reviewed (not again), to the project's customer."""
        not_reports = self.filtered(lambda update: not update.b2b_report_state)
        if not_reports:
            raise UserError(
                self.env._(
                    "%(updates)s is an internal status update, not a report to "
                    "the customer.",
                    updates=", ".join(not_reports.mapped("name")),
                )
            )
        sent = self.filtered(lambda update: update.b2b_report_state == "sent")
        if sent:
            # When it went, in the time zone of the user asking again.
            raise UserError(
                self.env._(
                    "The report %(report)s was sent to the customer on %(date)s: "
                    "a report goes to the customer once reviewed, and once only.",
                    report=sent[0].name,
                    date=format_datetime(
                        self.env, sent[0].b2b_date_sent, tz=self.env.user.tz or "UTC"
                    ),
                )
            )
        self._b2b_check_state(
            "reviewed",
            self.env._(
                "A report goes to the customer once reviewed by the project "
                "manager, and once only: %(reports)s."
            ),
        )
        for report in self:
            if not report.b2b_partner_id:
                raise UserError(
                    self.env._(
                        "The project %(project)s has no customer to send the report "
                        "to.",
                        project=report.project_id.name,
                    )
                )

    def _b2b_mark_sent(self):
        self._b2b_write_step(
            {"b2b_report_state": "sent", "b2b_date_sent": fields.Datetime.now()}
        )

    def action_send(self):
        """Mail the reviewed report (with its PDF) to the customer."""
        self._b2b_check_sendable()
        for report in self:
            report.message_post_with_source(
                self.env.ref(REPORT_TEMPLATE),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_b2b_send_compose(self):
        """Button: Odoo's composer with the report's template and PDF."""
        self.ensure_one()
        self._b2b_check_sendable()
        return composer_action(
            self,
            self.env.ref(REPORT_TEMPLATE),
            default_email_layout_xmlid=(
                "mail.mail_notification_layout_with_responsible_signature"
            ),
        )

    def action_b2b_print(self):
        """The progress report PDF (an action XML-RPC can carry)."""
        action = self.env.ref("b2b_sales_delivery.action_report_b2b_progress").report_action(self)
        return {key: value for key, value in action.items() if value is not None}


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        reports = self.env["project.update"]
        template = self.env.ref(REPORT_TEMPLATE, raise_if_not_found=False)
        for wizard in self:
            if template and wizard.model == "project.update" and wizard.template_id == template:
                if wizard.res_domain:
                    found = reports.search(wizard._evaluate_res_domain())
                else:
                    found = reports.browse(wizard._evaluate_res_ids())
                found._b2b_check_sendable()
                reports |= found
        result = super()._action_send_mail(auto_commit=auto_commit)
        reports._b2b_mark_sent()
        return result


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def send_mail_batch(self, res_ids, *args, **kwargs):
        template = self.env.ref(REPORT_TEMPLATE, raise_if_not_found=False)
        reports = self.env["project.update"]
        if template and template in self:
            reports = reports.browse(res_ids)
            reports._b2b_check_sendable()
        result = super().send_mail_batch(res_ids, *args, **kwargs)
        reports._b2b_mark_sent()
        return result
