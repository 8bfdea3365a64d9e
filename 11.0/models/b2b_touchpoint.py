# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .b2b_step_mixin import check_new_values

# Only ``_update_new_partner`` writes ``is_new_partner``, under this object,
# which no RPC call can carry.
NEW_PARTNER_WRITE = object()

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
    ("answered", "Picked up"),
    ("talked", "Conversation held"),
]
MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]


def meeting_not_cancelled_sql(alias):
    """The SQL condition "the touchpoint row ``alias`` is not a cancelled
    meeting" (a meeting without a state counts as planned): which meetings
    make a company's first meeting, and which the indicators count."""
    return "COALESCE(%s.meeting_state, 'planned') != 'cancelled'" % alias


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
        readonly=True,
        help="The first meeting with this company (commercial partner).",
    )
    note = fields.Html()
    name = fields.Char(string="Summary")
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Meeting", ondelete="set null", index=True,
        help="The calendar event this meeting touchpoint follows.",
    )
    mail_message_id = fields.Many2one(
        "mail.message", string="Email", ondelete="set null", index=True,
        help="The message sent from the opportunity's chatter.",
    )
    color = fields.Integer(compute="_compute_color")
    lead_user_id = fields.Many2one(
        related="lead_id.user_id", string="Opportunity Salesperson", store=True,
        readonly=True, index=True,
    )

    @api.depends("partner_id", "lead_id.partner_id")
    def _compute_commercial_partner_id(self):
        for touchpoint in self:
            partner = touchpoint.partner_id or touchpoint.lead_id.partner_id
            touchpoint.commercial_partner_id = partner.commercial_partner_id

    @api.depends("kind", "call_outcome", "meeting_state")
    def _compute_color(self):
        colors = {"call": 4, "email": 3, "meeting": 10, "demo": 2, "trial": 8}
        for touchpoint in self:
            color = colors.get(touchpoint.kind, 0)
            if touchpoint.meeting_state == "cancelled" or (
                touchpoint.call_outcome == "no_answer"
            ):
                color = 1
            touchpoint.color = color

    @api.model
    def create(self, vals):
        check_new_values(self, vals, ("is_new_partner",), self._new_partner_refusal)
        vals = dict(vals)
        if vals.get("lead_id"):
            lead = self.env["crm.lead"].browse(vals["lead_id"])
            vals.setdefault("partner_id", lead.partner_id.id)
            if lead.company_id:
                vals.setdefault("company_id", lead.company_id.id)
        if vals.get("kind") == "meeting" and not vals.get("meeting_state"):
            vals["meeting_state"] = "planned"
        touchpoint = super().create(vals)
        touchpoint._update_new_partner()
        return touchpoint

    @api.multi
    def write(self, vals):
        if "is_new_partner" in vals and (
            self.env.context.get("b2b_new_partner_write") is not NEW_PARTNER_WRITE
        ):
            raise UserError(self._new_partner_refusal(vals))
        partners = self.mapped("commercial_partner_id")
        res = super().write(vals)
        if {"kind", "meeting_state", "date", "partner_id", "lead_id"} & set(vals):
            self._update_new_partner(partners | self.mapped("commercial_partner_id"))
        return res

    @api.multi
    def unlink(self):
        partners = self.mapped("commercial_partner_id")
        res = super().unlink()
        self.browse()._update_new_partner(partners)
        return res

    @api.multi
    def _update_new_partner(self, partners=None):
        """Flag the first meeting (not cancelled) with each company.

        ``is_new_partner`` is true on the earliest meeting with a commercial
        partner across all opportunities and false on every other touchpoint
        of that partner. One query finds the first meetings, at most two
        writes fix the flags.
        """
        if partners is None:
            partners = self.mapped("commercial_partner_id")
        if not partners:
            return True
        # The condition is built from constants only.
        self.env.cr.execute(  # pylint: disable=sql-injection
            """
            SELECT DISTINCT ON (t.commercial_partner_id) t.id
              FROM b2b_touchpoint t
             WHERE t.commercial_partner_id IN %%s
               AND t.kind = 'meeting'
               AND %s
          ORDER BY t.commercial_partner_id, t.date, t.id
            """ % meeting_not_cancelled_sql("t"),
            (tuple(partners.ids),),
        )
        first_ids = {row[0] for row in self.env.cr.fetchall()}
        flagged = self.sudo().search(
            [("commercial_partner_id", "in", partners.ids),
             ("is_new_partner", "=", True)]
        )
        to_clear = flagged.filtered(lambda t: t.id not in first_ids)
        to_set = self.sudo().browse(first_ids) - flagged
        flagged = flagged.with_context(b2b_new_partner_write=NEW_PARTNER_WRITE)
        to_clear = to_clear.with_context(b2b_new_partner_write=NEW_PARTNER_WRITE)
        to_set = to_set.with_context(b2b_new_partner_write=NEW_PARTNER_WRITE)
        if to_clear:
            to_clear.write({"is_new_partner": False})
        if to_set:
            to_set.write({"is_new_partner": True})
        return True

    @api.model
    def _new_partner_refusal(self, vals):
        return _("Whether a meeting is the first with a new partner is worked "
                 "out from the meetings; it cannot be written.")

    @api.multi
    def action_mark_held(self):
        """Record that the meetings took place."""
        return self._set_meeting_state("held")

    @api.multi
    def action_cancel_meeting(self):
        """Record that the meetings were cancelled."""
        return self._set_meeting_state("cancelled")

    def _set_meeting_state(self, state):
        if any(touchpoint.kind != "meeting" for touchpoint in self):
            raise UserError(_("Only a meeting has a meeting state."))
        self.write({"meeting_state": state})
        return True
