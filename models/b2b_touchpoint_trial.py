# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A trial ("Chăm sóc + Dùng thử"): a touchpoint of kind trial with its
period and its outcome; the salesperson is reminded once when it ends."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..utils.cron import run_each
from ..utils.steps import StepFacts, with_step

TRIAL_OUTCOMES = [
    ("running", "Running"),
    ("convinced", "Convinced"),
    ("not_convinced", "Not Convinced"),
    ("cancelled", "Cancelled"),
]
TRIAL_FIELDS = ("trial_date_start", "trial_date_end", "trial_outcome", "trial_outcome_note")
TRIAL_REMINDER_KEY = "b2b_trial_reminder_step"
# Days before the end of a running trial when its salesperson is reminded.
TRIAL_REMINDER_DAYS = 2


class B2bTouchpoint(models.Model):
    _name = "b2b.touchpoint"
    _inherit = ["b2b.touchpoint", "b2b.step.mixin"]

    trial_date_start = fields.Date(
        string="Trial Start",
        compute="_compute_trial_defaults",
        store=True,
        readonly=False,
        precompute=True,
    )
    trial_date_end = fields.Date(string="Trial End")
    trial_outcome = fields.Selection(
        TRIAL_OUTCOMES,
        string="Trial Outcome",
        compute="_compute_trial_defaults",
        store=True,
        readonly=False,
        precompute=True,
    )
    trial_outcome_note = fields.Text(
        string="Trial Outcome Note", help="What the customer's users said of the trial."
    )
    trial_reminded = fields.Boolean(
        string="Trial End Reminded",
        readonly=True,
        copy=False,
        help="The salesperson was given the activity Trial Ends.",
    )

    @api.depends("kind")
    def _compute_trial_defaults(self):
        """A trial starts today and runs until its outcome is known; another
        kind of touchpoint has neither."""
        today = fields.Date.context_today(self)
        for touchpoint in self:
            if touchpoint.kind == "trial":
                touchpoint.trial_date_start = touchpoint.trial_date_start or today
                touchpoint.trial_outcome = touchpoint.trial_outcome or "running"
            else:
                touchpoint.trial_date_start = False
                touchpoint.trial_outcome = False

    @api.constrains("kind", *TRIAL_FIELDS)
    def _check_trial_period(self):
        _ = self.env._
        for touchpoint in self:
            if touchpoint.kind != "trial":
                if any(touchpoint[name] for name in TRIAL_FIELDS):
                    raise ValidationError(_("Only a trial has a period and an outcome."))
                continue
            if not (touchpoint.trial_date_start and touchpoint.trial_date_end):
                raise ValidationError(
                    _(
                        'Trial "%(trial)s": give the day it starts and the day it ends.',
                        trial=touchpoint.name or touchpoint.lead_id.name,
                    )
                )
            if touchpoint.trial_date_end < touchpoint.trial_date_start:
                raise ValidationError(
                    _(
                        'Trial "%(trial)s": it ends on %(end)s, before it starts on '
                        "%(start)s.",
                        trial=touchpoint.name or touchpoint.lead_id.name,
                        end=format_date(touchpoint.env, touchpoint.trial_date_end),
                        start=format_date(touchpoint.env, touchpoint.trial_date_start),
                    )
                )
            if not touchpoint.trial_outcome:
                raise ValidationError(
                    _(
                        'Trial "%(trial)s": say how it goes: its outcome.',
                        trial=touchpoint.name or touchpoint.lead_id.name,
                    )
                )

    def _trial_reminder_refusal(self):
        return self.env._(
            "The reminder of a trial's end is given by the daily job only."
        )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(TRIAL_REMINDER_KEY, ("trial_reminded",), "_trial_reminder_refusal")
        ]

    # ------------------------------------------------------------------
    # The daily reminder
    # ------------------------------------------------------------------

    @api.model
    def _cron_b2b_remind_trials(self, today=None):
        """Daily: give the salesperson of each running trial ending within
        ``TRIAL_REMINDER_DAYS`` days (or ended) the activity Trial Ends, once
        per trial; a bad trial is logged and skipped."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        trials = self.sudo().search(
            [
                ("kind", "=", "trial"),
                ("trial_outcome", "=", "running"),
                ("trial_reminded", "=", False),
                ("trial_date_end", "<=", today + timedelta(days=TRIAL_REMINDER_DAYS)),
            ]
        )
        run_each(trials, lambda trial: trial._b2b_remind_trial_end(), "Trial end reminders")
        return True

    def _b2b_remind_trial_end(self):
        self.ensure_one()
        # A trial whose period was damaged outside the forms is not reminded.
        self._check_trial_period()
        lead = self.lead_id
        lead.activity_schedule(
            "b2b_sales_delivery.mail_activity_type_b2b_trial_end",
            date_deadline=self.trial_date_end,
            summary=self.env._("Trial ends: %(trial)s", trial=self.name or lead.name),
            user_id=(lead.user_id or self.user_id).id,
        )
        with_step(self, TRIAL_REMINDER_KEY).write({"trial_reminded": True})
        return True


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_trial_running_ids = fields.One2many(
        "b2b.touchpoint",
        "lead_id",
        string="Trials Running",
        domain=[("kind", "=", "trial"), ("trial_outcome", "=", "running")],
        readonly=True,
    )
