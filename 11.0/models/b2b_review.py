# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A review meeting with the customer and its minutes."""
from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

REVIEW_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
# Put in the context by the review's own steps: its state changes through
# them only, never from values a caller sends.
REVIEW_STEP = object()


class B2bReview(models.Model):
    """One review meeting of a delivery project with the customer (weekly or
    every two weeks), with its minutes: what was done, what was decided,
    what was asked. Holding it schedules the next one."""

    _name = "b2b.review"
    _description = "Review Meeting"
    _inherit = ["mail.thread", "b2b.delivery.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    date = fields.Datetime(required=True, index=True, track_visibility="onchange")
    event_id = fields.Many2one(
        "calendar.event", string="Meeting", readonly=True, copy=False,
        ondelete="set null",
    )
    state = fields.Selection(
        REVIEW_STATES, default="planned", required=True, readonly=True,
        copy=False, track_visibility="onchange",
    )
    attendee_ids = fields.Many2many(
        "res.partner", "b2b_review_partner_rel", "review_id", "partner_id",
        string="Attendees",
    )
    minutes_done = fields.Text(
        string="What Was Done", help="Progress presented at the review."
    )
    minutes_decided = fields.Text(
        string="Decisions", help="What was decided with the customer."
    )
    minutes_asked = fields.Text(
        string="Questions Asked",
        help="What the customer or the team asked, to be answered.",
    )

    _sql_constraints = [
        ("event_unique", "UNIQUE(event_id)", "A meeting has one review."),
    ]

    @api.model
    def create(self, vals):
        self._check_review_step(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_review_step(vals)
        return super().write(vals)

    def _check_review_step(self, vals):
        if ("state" in vals or "event_id" in vals) and (
            self.env.context.get("b2b_review_step") is not REVIEW_STEP
        ):
            raise UserError(
                _("A review is held or cancelled with its buttons, and its "
                  "meeting is scheduled from the project.")
            )

    def _write_step(self, vals):
        return self.with_context(b2b_review_step=REVIEW_STEP).write(vals)

    @api.multi
    def action_hold(self):
        """Record the review as held and schedule the next one."""
        return self._hold(datetime.utcnow())

    def _hold(self, now):
        """Held at ``now`` (a datetime): the next review follows the cadence
        after this one, and after ``now``."""
        for review in self:
            if review.state != "planned":
                raise UserError(
                    _("The review %s is not planned: it cannot be held.")
                    % review.name
                )
            review._write_step({"state": "held"})
            review.project_id._schedule_review(
                max(now, fields.Datetime.from_string(review.date))
            )
        return True

    @api.multi
    def action_cancel(self):
        """Cancel a planned review (the next one follows the cadence)."""
        for review in self:
            if review.state != "planned":
                raise UserError(
                    _("The review %s is not planned: it cannot be cancelled.")
                    % review.name
                )
            review._write_step({"state": "cancelled"})
        return True
