# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A call activity of an opportunity marked done is a call touchpoint with
its outcome; the meeting activity of a calendar event marked done holds the
meeting."""

from odoo import api, fields, models
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
    b2b_is_lead_call = fields.Boolean(
        string="Call of an Opportunity", compute="_compute_b2b_is_lead_call"
    )

    @api.depends("activity_type_id", "res_model")
    def _compute_b2b_is_lead_call(self):
        for activity in self:
            activity.b2b_is_lead_call = (
                activity.res_model == "crm.lead"
                and activity.activity_type_id.category == "phonecall"
            )

    def _action_done(self, feedback=False, attachment_ids=None):
        # Read the activities before super archives (or deletes) them.
        call_values = [
            activity._prepare_call_touchpoint_values(feedback)
            for activity in self
            if activity.b2b_is_lead_call
        ]
        events = self.filtered(
            lambda activity: activity.res_model == "crm.lead"
            and activity.calendar_event_id
        ).calendar_event_id
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        Touchpoint = self.env["b2b.touchpoint"]._as_server()
        if call_values:
            Touchpoint.create(call_values)
        if events:
            Touchpoint.search(
                [
                    ("calendar_event_id", "in", events.ids),
                    ("meeting_state", "=", "planned"),
                ]
            ).write({"meeting_state": "held"})
        return res

    def _prepare_call_touchpoint_values(self, feedback):
        self.ensure_one()
        if not self.b2b_call_outcome:
            raise UserError(
                self.env._(
                    'What came of the call "%(call)s"? Open the activity, choose '
                    "its outcome (no answer, picked up, conversation held) and mark "
                    "it done there.",
                    call=self.summary or self.activity_type_id.name,
                )
            )
        lead = self.env["crm.lead"].browse(self.res_id)
        return {
            "lead_id": lead.id,
            "partner_id": lead.partner_id.id,
            "kind": "call",
            "call_outcome": self.b2b_call_outcome,
            "date": fields.Datetime.now(),
            "user_id": self.env.uid,
            "name": self.summary or self.activity_type_id.name,
            "note": feedback or self.note,
        }
