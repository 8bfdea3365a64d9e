# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils.plan_dates import monday_of

GOAL_STATES = [("todo", "To Do"), ("done", "Done"), ("missed", "Missed")]


class B2bWeeklyGoal(models.Model):
    """A concrete goal of one week of the delivery, reviewed with the customer
    at the weekly review."""

    _name = "b2b.weekly.goal"
    _description = "Weekly Goal"
    _inherit = [
        "mail.thread", "b2b.delivery.mixin", "b2b.state.columns.mixin",
        "b2b.step.mixin",
    ]
    _order = "week_start desc, project_id, sequence, id"
    _step_fields = ("state",)
    _step_drop_actions = {
        "todo": "action_reset",
        "done": "action_done",
        "missed": "action_missed",
    }

    phase_id = fields.Many2one(
        "b2b.phase", string="Phase", ondelete="set null",
        domain="[('project_id', '=', project_id)]",
    )
    sequence = fields.Integer(default=10)
    week_start = fields.Date(
        string="Week of", required=True, index=True,
        default=lambda self: self._default_week_start(),
        help="The Monday of the week; any other day is moved to its Monday.",
    )
    name = fields.Char(string="Goal", required=True, track_visibility="onchange")
    user_id = fields.Many2one(
        "res.users", string="Owner", default=lambda self: self.env.user,
        index=True, track_visibility="onchange",
    )
    result = fields.Text(track_visibility="onchange")
    state = fields.Selection(
        GOAL_STATES, default="todo", required=True, index=True, readonly=True,
        copy=False, track_visibility="onchange", group_expand="_expand_states",
    )

    def _default_week_start(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(monday_of(today))

    @staticmethod
    def _normalize_week(vals):
        if vals.get("week_start"):
            day = fields.Date.from_string(vals["week_start"])
            vals["week_start"] = fields.Date.to_string(monday_of(day))
        return vals

    @api.model
    def create(self, vals):
        return super().create(self._normalize_week(dict(vals)))

    @api.multi
    def write(self, vals):
        return super().write(self._normalize_week(dict(vals)))

    def _close(self, state):
        for goal in self:
            if goal.state != "todo":
                raise UserError(
                    _("The goal %s is already closed.") % goal.name
                )
            if not (goal.result or "").strip():
                raise UserError(
                    _("Write the result of the goal %s before closing it.")
                    % goal.name
                )
        self._step_write({"state": state})
        return True

    @api.multi
    def action_done(self):
        return self._close("done")

    @api.multi
    def action_missed(self):
        return self._close("missed")

    @api.multi
    def action_reset(self):
        self._step_write({"state": "todo"})
        return True

    def _step_buttons(self):
        return _("Done, Missed, Reset")
