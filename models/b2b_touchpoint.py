# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

TOUCHPOINT_KINDS = [
    ("call", "Call"),
    ("email", "Email"),
    ("meeting", "Meeting"),
    ("demo", "Demo"),
    ("trial", "Trial"),
    ("other", "Other"),
]
CALL_OUTCOMES = [
    ("no_answer", "No answer"),
    ("answered", "Answered"),
    ("talked", "Conversation held"),
]
MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]


class B2bTouchpoint(models.Model):
    """One contact with the customer: a call, an email, a meeting, a demo..."""

    _name = "b2b.touchpoint"
    _description = "Customer Touchpoint"
    _order = "date desc, id desc"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", ondelete="cascade", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Contact", index=True)
    commercial_partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        compute="_compute_commercial_partner_id",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        default=lambda self: self.env.user.company_id,
        index=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    kind = fields.Selection(TOUCHPOINT_KINDS, required=True, default="call", index=True)
    call_outcome = fields.Selection(CALL_OUTCOMES, string="Call Outcome")
    meeting_state = fields.Selection(MEETING_STATES, string="Meeting State")
    is_new_partner = fields.Boolean(
        string="First Meeting with the Company",
        help="The first meeting with this company (commercial partner).",
    )
    note = fields.Html()

    @api.depends("partner_id", "lead_id.partner_id")
    def _compute_commercial_partner_id(self):
        for touchpoint in self:
            partner = touchpoint.partner_id or touchpoint.lead_id.partner_id
            touchpoint.commercial_partner_id = partner.commercial_partner_id
