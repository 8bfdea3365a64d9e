# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from ..models.b2b_touchpoint import CALL_OUTCOMES


class B2bLogCallWizard(models.TransientModel):
    """Log a call made to the customer, with its outcome."""

    _name = "b2b.log.call.wizard"
    _description = "Log a Call"

    lead_id = fields.Many2one("crm.lead", string="Opportunity", required=True)
    partner_id = fields.Many2one("res.partner", string="Contact")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    call_outcome = fields.Selection(CALL_OUTCOMES, string="Outcome", required=True)
    name = fields.Char(string="Summary")
    note = fields.Html()

    @api.multi
    def action_log(self):
        """Create the call touchpoint and note it in the chatter."""
        self.ensure_one()
        touchpoint = self.env["b2b.touchpoint"].create({
            "lead_id": self.lead_id.id,
            "partner_id": self.partner_id.id or self.lead_id.partner_id.id,
            "kind": "call",
            "call_outcome": self.call_outcome,
            "date": self.date,
            "name": self.name,
            "note": self.note,
        })
        outcome = self._fields["call_outcome"].convert_to_export(
            self.call_outcome, self)
        body = _("<p>Call logged: %s</p>") % outcome
        self.lead_id.message_post(body=body + (self.note or ""), subtype="mail.mt_note")
        return {"type": "ir.actions.act_window_close", "res_id": touchpoint.id}
