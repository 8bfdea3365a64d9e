# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

QUESTION_SOURCES = [("customer", "Customer"), ("team", "Team")]
QUESTION_STATES = [("open", "Open"), ("answered", "Answered")]


class B2bQuestion(models.Model):
    """A question of the customer or of the team during the delivery, with
    who answers it and the answer."""

    _name = "b2b.question"
    _description = "Delivery Question"
    _inherit = ["mail.thread", "mail.activity.mixin", "b2b.delivery.mixin"]
    _order = "state desc, date_asked desc, id desc"

    name = fields.Char(string="Question", required=True)
    description = fields.Text(string="Details")
    source = fields.Selection(
        QUESTION_SOURCES, string="Asked by", required=True, default="customer"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Asked by (contact)",
        help="Who asked: a contact of the customer or a team member.",
    )
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True,
        default=lambda self: self.env.user, index=True,
        track_visibility="onchange",
    )
    date_asked = fields.Date(
        required=True, default=fields.Date.context_today, index=True
    )
    answer = fields.Text(track_visibility="onchange")
    date_answered = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        QUESTION_STATES, default="open", required=True, index=True,
        track_visibility="onchange",
    )

    @api.multi
    def action_answer(self):
        """open -> answered; the answer must be written first."""
        for question in self:
            if question.state != "open":
                raise UserError(
                    _("The question %s is already answered.") % question.name
                )
            if not (question.answer or "").strip():
                raise UserError(
                    _("Write the answer to the question %s first.") % question.name
                )
        self.write({
            "state": "answered",
            "date_answered": fields.Date.context_today(self),
        })
        return True

    @api.multi
    def action_reopen(self):
        self.write({"state": "open", "date_answered": False})
        return True
