# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A meeting scheduled for an opportunity is a meeting touchpoint that
follows its calendar event: planned when scheduled, moved with it,
cancelled when the event is archived or deleted (held when its meeting
activity is marked done: ``mail.activity``)."""

from odoo import api, fields, models

# Changes of an event that its meeting touchpoint follows.
FOLLOWED_FIELDS = {
    "start",
    "start_date",
    "stop",
    "allday",
    "name",
    "active",
    "opportunity_id",
    "res_model_id",
    "res_model",
    "res_id",
    "user_id",
}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    b2b_touchpoint_ids = fields.One2many(
        "b2b.touchpoint", "calendar_event_id", string="Touchpoints"
    )

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._sync_b2b_touchpoints()
        return events

    def write(self, vals):
        res = super().write(vals)
        if FOLLOWED_FIELDS & set(vals):
            self._sync_b2b_touchpoints()
        return res

    def unlink(self):
        # A deleted event cancels its meeting; the history stays.
        self.env["b2b.touchpoint"]._as_server().search(
            [
                ("calendar_event_id", "in", self.ids),
                ("meeting_state", "=", "planned"),
            ]
        ).write({"meeting_state": "cancelled"})
        return super().unlink()

    def _get_b2b_lead(self):
        self.ensure_one()
        if self.opportunity_id:
            return self.opportunity_id
        if self.res_model == "crm.lead" and self.res_id:
            return self.env["crm.lead"].sudo().browse(self.res_id).exists()
        return self.env["crm.lead"]

    def _sync_b2b_touchpoints(self):
        """Keep each event's meeting touchpoint like the event: created for
        a meeting of an opportunity, moved with it, cancelled when archived
        and planned again when restored; a meeting held stays held."""
        Touchpoint = self.env["b2b.touchpoint"]._as_server()
        events = self.sudo().with_context(active_test=False).exists()
        touchpoints = Touchpoint.search(
            [("calendar_event_id", "in", events.ids)]
        ).grouped("calendar_event_id")
        new_values = []
        for event in events:
            lead = event._get_b2b_lead()
            touchpoint = touchpoints.get(event)
            if not touchpoint:
                if lead and event.active:
                    new_values.append(event._prepare_b2b_touchpoint_values(lead))
                continue
            values = {"date": event.start, "name": event.name}
            if lead and touchpoint.lead_id != lead:
                values["lead_id"] = lead.id
            if touchpoint.meeting_state != "held":
                values["meeting_state"] = "planned" if event.active else "cancelled"
            touchpoint.write(values)
        if new_values:
            Touchpoint.create(new_values)
        return True

    def _prepare_b2b_touchpoint_values(self, lead):
        self.ensure_one()
        return {
            "lead_id": lead.id,
            "partner_id": lead.partner_id.id,
            "kind": "meeting",
            "meeting_state": "planned",
            "date": self.start,
            # Booked now: the event is created for the opportunity, or
            # linked to it, in this step.
            "date_booked": fields.Datetime.now(),
            "user_id": (self.user_id or self.env.user).id,
            "name": self.name,
            "calendar_event_id": self.id,
        }
