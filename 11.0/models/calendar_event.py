# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.calendar.models.calendar import calendar_id2real_id

# Changes of an event that its meeting touchpoint follows.
FOLLOWED_FIELDS = {
    "start", "start_datetime", "start_date", "allday", "name", "active",
    "opportunity_id", "res_model_id", "res_id", "user_id",
}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    b2b_touchpoint_ids = fields.One2many(
        "b2b.touchpoint", "calendar_event_id", string="Touchpoints"
    )

    @api.model
    def create(self, vals):
        event = super().create(vals)
        event._sync_b2b_touchpoints()
        return event

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if FOLLOWED_FIELDS & set(vals):
            self._real_events()._sync_b2b_touchpoints()
        return res

    @api.multi
    def unlink(self, can_be_deleted=True):
        events = self._real_events()
        touchpoints = self.env["b2b.touchpoint"].sudo().search(
            [("calendar_event_id", "in", events.ids)]
        )
        # A deleted event cancels its meeting (the history stays).
        touchpoints.write({"meeting_state": "cancelled"})
        return super().unlink(can_be_deleted=can_be_deleted)

    def _real_events(self):
        return self.browse({calendar_id2real_id(event_id) for event_id in self.ids})

    def _get_b2b_lead(self):
        self.ensure_one()
        if self.opportunity_id:
            return self.opportunity_id
        if self.res_model == "crm.lead" and self.res_id:
            return self.env["crm.lead"].browse(self.res_id).exists()
        return self.env["crm.lead"]

    def _sync_b2b_touchpoints(self):
        """Keep each event's meeting touchpoint like the event: created for
        a meeting of an opportunity, moved with it, cancelled when archived."""
        Touchpoint = self.env["b2b.touchpoint"].sudo()
        events = self.with_context(active_test=False).exists()
        touchpoints = Touchpoint.search([("calendar_event_id", "in", events.ids)])
        for event in events:
            lead = event._get_b2b_lead()
            touchpoint = touchpoints.filtered(
                lambda t, event=event: t.calendar_event_id == event
            )
            if not touchpoint:
                if lead and event.active:
                    Touchpoint.create(event._prepare_b2b_touchpoint_values(lead))
                continue
            values = {"date": event.start, "name": event.name}
            if lead and touchpoint.lead_id != lead:
                values["lead_id"] = lead.id
            if not event.active:
                values["meeting_state"] = "cancelled"
            elif touchpoint.meeting_state == "cancelled":
                values["meeting_state"] = "planned"
            touchpoint.write(values)
        return True

    def _prepare_b2b_touchpoint_values(self, lead):
        self.ensure_one()
        return {
            "lead_id": lead.id,
            "partner_id": lead.partner_id.id,
            "kind": "meeting",
            "meeting_state": "planned",
            "date": self.start,
            "user_id": (self.user_id or self.env.user).id,
            "name": self.name,
            "calendar_event_id": self.id,
        }
