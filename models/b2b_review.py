# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A review meeting of a delivery project and its minutes: one occurrence
of the project's recurrent review meeting (a ``calendar.event``), held or
cancelled through its own steps only."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from ..utils.steps import StepFacts, with_step

# The mixins the review inherits are loaded before it.
from . import b2b_resource_line, b2b_step_mixin  # noqa: F401

REVIEW_STATES = [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")]
REVIEW_STEP_KEY = "b2b_review_step"
# The facts of a review that only its steps write.
REVIEW_STEP_FIELDS = ("state", "date_held")


class B2bReview(models.Model):
    _name = "b2b.review"
    _description = "Review Meeting"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "b2b.project.line.mixin",
        "b2b.step.mixin",
    ]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
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
    event_id = fields.Many2one(
        "calendar.event",
        string="Meeting",
        index="btree_not_null",
        copy=False,
        ondelete="set null",
    )
    date = fields.Datetime(
        compute="_compute_date",
        store=True,
        readonly=False,
        required=True,
        tracking=True,
        help="When the review meets: the start of its meeting.",
    )
    attendee_ids = fields.Many2many(
        "res.partner",
        "b2b_review_partner_rel",
        "review_id",
        "partner_id",
        string="Attendees",
        compute="_compute_attendee_ids",
        store=True,
        readonly=False,
    )
    minutes = fields.Html(help="What was presented and discussed at the review.")
    decisions = fields.Html(help="What was decided, by whom, for when.")
    state = fields.Selection(
        REVIEW_STATES,
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_held = fields.Datetime(string="Held On", readonly=True, copy=False)

    _event_unique = models.Constraint(
        "UNIQUE(event_id)", "A meeting holds one review only."
    )

    @api.depends("event_id.start")
    def _compute_date(self):
        for review in self:
            if review.event_id:
                review.date = review.event_id.start

    @api.depends("event_id.partner_ids")
    def _compute_attendee_ids(self):
        for review in self:
            if review.event_id:
                review.attendee_ids = review.event_id.partner_ids

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                REVIEW_STEP_KEY, REVIEW_STEP_FIELDS, "_state_refusal", initial={"state": "planned"}
            )
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        held = self.filtered(lambda review: review.state == "held")
        if held:
            raise UserError(
                self.env._(
                    "A held review keeps its minutes: %(reviews)s cannot be deleted.",
                    reviews=", ".join(held.mapped("name")),
                )
            )

    def _state_refusal(self):
        return self.env._(
            "A review is held or cancelled only through its buttons Hold and "
            "Cancel, not by writing its state."
        )

    def _write_step(self, vals):
        return with_step(self, REVIEW_STEP_KEY).write(vals)

    def _check_planned(self):
        done = self.filtered(lambda review: review.state != "planned")
        if done:
            raise UserError(
                self.env._(
                    "These reviews are no longer planned: %(reviews)s.",
                    reviews=", ".join(done.mapped("name")),
                )
            )

    def action_hold(self):
        """The review met: its minutes are recorded."""
        self._check_planned()
        empty = self.filtered(lambda review: is_html_empty(review.minutes))
        if empty:
            raise UserError(
                self.env._(
                    "Write the minutes of %(reviews)s before recording it as held.",
                    reviews=", ".join(empty.mapped("name")),
                )
            )
        self._write_step({"state": "held", "date_held": fields.Datetime.now()})
        return True

    def action_cancel(self):
        """The review does not meet: its meeting leaves the calendars."""
        self._check_planned()
        self._write_step({"state": "cancelled"})
        self.event_id.filtered("active").write({"active": False})
        return True
