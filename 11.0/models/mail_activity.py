# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .b2b_touchpoint import CALL_OUTCOMES


class MailActivity(models.Model):
    _inherit = "mail.activity"

    b2b_call_outcome = fields.Selection(
        CALL_OUTCOMES,
        string="Call Outcome",
        help="Marking a call of an opportunity done records a call touchpoint "
        "with this outcome.",
    )
    b2b_is_lead_call = fields.Boolean(compute="_compute_b2b_is_lead_call")

    @api.depends("activity_type_id", "res_model")
    def _compute_b2b_is_lead_call(self):
        call_type = self.env.ref("mail.mail_activity_data_call", raise_if_not_found=False)
        for activity in self:
            activity.b2b_is_lead_call = bool(
                call_type
                and activity.res_model == "crm.lead"
                and activity.activity_type_id == call_type
            )

    @api.multi
    def action_feedback(self, feedback=False):
        """Done calls of opportunities become call touchpoints with their
        outcome; done meetings mark their meeting touchpoint held.

        The activity is deleted by ``super``: read it first.
        """
        touchpoint_values = []
        events = self.env["calendar.event"]
        for activity in self:
            if activity.b2b_is_lead_call:
                touchpoint_values.append(
                    activity._prepare_call_touchpoint_values(feedback)
                )
            if activity.res_model == "crm.lead" and activity.calendar_event_id:
                events |= activity.calendar_event_id
        res = super().action_feedback(feedback=feedback)
        Touchpoint = self.env["b2b.touchpoint"].sudo()
        for values in touchpoint_values:
            Touchpoint.create(values)
        if events:
            Touchpoint.search(
                [("calendar_event_id", "in", events.ids),
                 ("meeting_state", "=", "planned")]
            ).write({"meeting_state": "held"})
        return res

    def _prepare_call_touchpoint_values(self, feedback):
        self.ensure_one()
        outcome = self.b2b_call_outcome or self.env.context.get("b2b_call_outcome")
        if not outcome:
            raise UserError(
                _("What came of the call \"%s\"? Open the activity, choose its "
                  "outcome (no answer, answered, conversation held) and mark "
                  "it done there.")
                % (self.summary or self.activity_type_id.name)
            )
        lead = self.env["crm.lead"].browse(self.res_id)
        return {
            "lead_id": lead.id,
            "partner_id": lead.partner_id.id,
            "kind": "call",
            "call_outcome": outcome,
            "date": fields.Datetime.now(),
            "user_id": self.env.uid,
            "name": self.summary or self.activity_type_id.name,
            "note": feedback or self.note,
        }

    @api.model
    def _b2b_schedule(self, record, summary, note, user):
        """A to-do for ``user`` on ``record`` (any model with activities),
        due today: how the addon hands a failure over to a person."""
        return self.sudo().create({
            "res_model_id": self.env["ir.model"]._get(record._name).id,
            "res_id": record.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "summary": summary,
            "note": note,
            "user_id": user.id,
            "date_deadline": fields.Date.context_today(self),
        })
