# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery's goals of each week, with their result: done or missed,
through the goal's own steps; a cron marks the open goals of past weeks
missed."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.cron import run_each
from ..utils.steps import StepFacts, with_step

GOAL_STATES = [("todo", "To Do"), ("done", "Done"), ("missed", "Missed")]
GOAL_STEP_KEY = "b2b_weekly_goal_step"


def week_monday(day):
    """The Monday of the week of ``day`` (a date)."""
    return day - timedelta(days=day.weekday())


class B2bWeeklyGoal(models.Model):
    _name = "b2b.weekly.goal"
    _description = "Weekly Goal"
    _inherit = ["mail.thread", "b2b.project.line.mixin", "b2b.step.mixin"]
    _order = "week_start desc, project_id, id"

    project_id = fields.Many2one(
        "project.project",
        string="Project",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )
    week_start = fields.Date(
        string="Week",
        required=True,
        default=lambda self: week_monday(fields.Date.context_today(self)),
        index=True,
        tracking=True,
        help="The Monday of the goal's week.",
    )
    name = fields.Char(string="Goal", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    result = fields.Text(help="What the week achieved against the goal.")
    state = fields.Selection(
        GOAL_STATES,
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.constrains("week_start")
    def _check_week_start(self):
        for goal in self:
            if goal.week_start.weekday() != 0:
                raise ValidationError(
                    self.env._(
                        "The week of the goal %(goal)s starts on a Monday, not on "
                        "%(date)s.",
                        goal=goal.name,
                        date=goal.week_start,
                    )
                )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(GOAL_STEP_KEY, ("state",), "_state_refusal", initial={"state": "todo"})
        ]

    def _state_refusal(self):
        return self.env._(
            "The state of a weekly goal changes only through its steps: Done, "
            "Missed, Reopen."
        )

    def _write_step(self, state):
        return with_step(self, GOAL_STEP_KEY).write({"state": state})

    def _check_open(self):
        closed = self.filtered(lambda goal: goal.state != "todo")
        if closed:
            raise UserError(
                self.env._(
                    "These weekly goals are already closed: %(goals)s.",
                    goals=", ".join(closed.mapped("name")),
                )
            )

    def action_done(self):
        """The goal is reached (its result says how)."""
        self._check_open()
        self._write_step("done")
        return True

    def action_missed(self):
        """The goal is not reached this week."""
        self._check_open()
        self._write_step("missed")
        return True

    def action_reopen(self):
        """Back to do: a result marked by mistake."""
        self.filtered(lambda goal: goal.state != "todo")._write_step("todo")
        return True

    @api.model
    def _cron_mark_missed(self, today=None):
        """The open goals of the weeks before this one are missed."""
        today = today or fields.Date.context_today(self)
        goals = self.search(
            [("state", "=", "todo"), ("week_start", "<", week_monday(today))]
        )
        run_each(goals, lambda goal: goal._write_step("missed"), "Weekly goals missed")
        return True
