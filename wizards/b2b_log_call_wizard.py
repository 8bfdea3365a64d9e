# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models

from ..models.b2b_touchpoint import CALL_OUTCOMES


class B2bLogCallWizard(models.TransientModel):
    """Log a call made to the customer of an opportunity, with its outcome."""

    _name = "b2b.log.call.wizard"
    _description = "Log a Call"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Contact")
    call_outcome = fields.Selection(CALL_OUTCOMES, string="Outcome", required=True)
    name = fields.Char(string="Summary")
    note = fields.Html()

    def action_log(self):
        """Record the call touchpoint (as the user: who and when are the
        server's) and note it in the opportunity's chatter."""
        self.ensure_one()
        touchpoint = self.env["b2b.touchpoint"].create(
            {
                "lead_id": self.lead_id.id,
                "partner_id": (self.partner_id or self.lead_id.partner_id).id,
                "kind": "call",
                "call_outcome": self.call_outcome,
                "name": self.name,
                "note": self.note,
            }
        )
        outcome = dict(self._fields["call_outcome"]._description_selection(self.env))[
            self.call_outcome
        ]
        body = Markup("<p>%s</p>") % self.env._(
            "Call logged: %(outcome)s", outcome=outcome
        )
        if self.name:
            body += Markup("<p>%s</p>") % self.name
        if self.note:
            body += self.note
        self.lead_id.message_post(body=body, subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window_close", "res_id": touchpoint.id}
