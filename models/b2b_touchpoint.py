# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every contact with the customer, recorded where the salesperson works: a
call activity marked done (or the Log a Call button), a mail sent from the
opportunity's chatter, a meeting scheduled in the calendar, a demo, a trial
or another contact logged by hand."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.steps import in_step, with_step

TOUCHPOINT_KINDS = [
    ("call", "Call"),
    ("email", "Email"),
    ("meeting", "Meeting"),
    ("demo", "Demo"),
    ("trial", "Trial"),
    ("other", "Other"),
]
# From the least to the best: a better outcome satisfies a lesser one.
CALL_OUTCOMES = [
    ("no_answer", "No answer"),
    ("answered", "Picked up"),
    ("talked", "Conversation held"),
]
CALL_OUTCOME_RANK = {code: rank for rank, (code, _label) in enumerate(CALL_OUTCOMES)}
MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
# The meeting states that satisfy a checkpoint asking for each state: a
# meeting held was planned too; a cancelled one satisfies nothing.
MEETING_STATES_MATCHING = {
    False: ("planned", "held"),
    "planned": ("planned", "held"),
    "held": ("held",),
}
# The kinds a salesperson logs by hand; mails and meetings come from their
# message and their calendar event only.
MANUAL_KINDS = ("call", "demo", "trial", "other")
# Facts the server sets: who, when, where the touchpoint comes from, the
# meeting's state (it follows the event) and the first meeting of a company.
SERVER_FACTS = (
    "user_id",
    "date",
    "mail_message_id",
    "calendar_event_id",
    "meeting_state",
    "is_new_partner",
    "date_booked",
)
# What a touchpoint records, fixed once recorded.
FIXED_FACTS = SERVER_FACTS + ("lead_id", "kind", "call_outcome")
# The roads of the server (a done call, a mail, an event) write the facts
# inside this step (utils.steps).
SERVER_KEY = "b2b_touchpoint_server"


class B2bTouchpoint(models.Model):
    """One contact with the customer: a call, an email, a meeting, a demo..."""

    _name = "b2b.touchpoint"
    _description = "Customer Touchpoint"
    _order = "date desc, id desc"

    name = fields.Char(string="Summary")
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Contact", index=True)
    commercial_partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_commercial_partner_id",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    kind = fields.Selection(TOUCHPOINT_KINDS, required=True, default="call", index=True)
    call_outcome = fields.Selection(CALL_OUTCOMES, string="Call Outcome")
    meeting_state = fields.Selection(MEETING_STATES, readonly=True)
    date_booked = fields.Datetime(
        string="Booked on",
        readonly=True,
        index="btree_not_null",
        help="When the meeting was booked: its calendar event created for "
        "the opportunity (or linked to it). Meetings with new partners count "
        "on this day; meetings held on the meeting's own date.",
    )
    is_new_partner = fields.Boolean(
        string="First Meeting with the Customer",
        readonly=True,
        help="The first meeting (not cancelled) with this customer company, "
        "over all its opportunities: a new partner met.",
    )
    note = fields.Html()
    mail_message_id = fields.Many2one(
        "mail.message",
        string="Email",
        readonly=True,
        ondelete="set null",
        index="btree_not_null",
        help="The message sent from the opportunity's chatter.",
    )
    calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Calendar Event",
        readonly=True,
        ondelete="set null",
        index="btree_not_null",
        help="The calendar event this meeting follows.",
    )
    lead_user_id = fields.Many2one(
        related="lead_id.user_id", string="Opportunity Salesperson", store=True
    )
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, index=True
    )
    color = fields.Integer(compute="_compute_color")

    @api.depends("partner_id", "lead_id.partner_id")
    def _compute_commercial_partner_id(self):
        for touchpoint in self:
            partner = touchpoint.partner_id or touchpoint.lead_id.partner_id
            touchpoint.commercial_partner_id = partner.commercial_partner_id

    @api.depends("kind", "call_outcome", "meeting_state")
    def _compute_color(self):
        colors = {"call": 4, "email": 3, "meeting": 10, "demo": 2, "trial": 8}
        for touchpoint in self:
            failed = touchpoint.meeting_state == "cancelled" or (
                touchpoint.call_outcome == "no_answer"
            )
            touchpoint.color = 1 if failed else colors.get(touchpoint.kind, 0)

    @api.constrains("kind", "call_outcome", "meeting_state")
    def _check_kind_details(self):
        _ = self.env._
        for touchpoint in self:
            if touchpoint.kind == "call" and not touchpoint.call_outcome:
                raise ValidationError(_("Say what came of the call: its outcome."))
            if touchpoint.kind != "call" and touchpoint.call_outcome:
                raise ValidationError(_("Only a call has a call outcome."))
            if (touchpoint.kind == "meeting") != bool(touchpoint.meeting_state):
                raise ValidationError(_("Only a meeting has a meeting state."))

    # ------------------------------------------------------------------
    # The facts are the server's
    # ------------------------------------------------------------------

    def _is_server(self):
        return in_step(self, SERVER_KEY)

    @api.model
    def _as_server(self):
        """The model in the hands of the server's roads: every fact
        writable, record rules bypassed."""
        return with_step(self.sudo(), SERVER_KEY)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_server():
            vals_list = [self._check_manual_values(vals) for vals in vals_list]
        touchpoints = super().create(vals_list)
        touchpoints._update_new_partner()
        return touchpoints

    @api.model
    def _check_manual_values(self, vals):
        """A touchpoint logged by hand: the kinds a person logs, the facts
        the server's (who and when: now and the user)."""
        _ = self.env._
        kind = vals.get("kind") or self.default_get(["kind"]).get("kind")
        if kind not in MANUAL_KINDS:
            raise UserError(
                _(
                    "An email is recorded when it is sent from the opportunity's "
                    "chatter, a meeting when it is scheduled in the calendar: "
                    "they cannot be logged by hand."
                )
            )
        forged = [
            name
            for name in (
                "mail_message_id", "calendar_event_id", "meeting_state", "date_booked"
            )
            if vals.get(name)
        ]
        if forged or vals.get("is_new_partner"):
            raise UserError(self._fact_refusal())
        vals = dict(vals, user_id=self.env.uid, date=fields.Datetime.now())
        vals.pop("is_new_partner", None)
        if vals.get("lead_id") and not vals.get("partner_id"):
            lead = self.env["crm.lead"].browse(vals["lead_id"])
            vals["partner_id"] = lead.partner_id.id
        return vals

    def write(self, vals):
        # Written again unchanged (a form saving every field): accepted;
        # changed: refused, but on the server's roads.
        facts = [name for name in FIXED_FACTS if name in vals]
        if facts and not self._is_server() and self._changes(vals, facts):
            raise UserError(self._fact_refusal())
        partners = self.commercial_partner_id
        res = super().write(vals)
        if {"kind", "meeting_state", "date", "partner_id", "lead_id"} & set(vals):
            self._update_new_partner(partners | self.commercial_partner_id)
        return res

    def _changes(self, vals, names):
        return any(
            touchpoint[name]
            != self._fields[name].convert_to_record(
                self._fields[name].convert_to_cache(vals[name], touchpoint), touchpoint
            )
            for touchpoint in self
            for name in names
        )

    def unlink(self):
        partners = self.commercial_partner_id
        res = super().unlink()
        self.browse()._update_new_partner(partners)
        return res

    @api.model
    def _fact_refusal(self):
        return self.env._(
            "A touchpoint records who contacted the customer, when, how and "
            "what came of it, and where it comes from (a mail, a calendar "
            "event): these facts are set when it is recorded and cannot be "
            "changed. Log a new touchpoint instead."
        )

    def _update_new_partner(self, partners=None):
        """Flag the first meeting (not cancelled) with each customer company.

        ``is_new_partner`` is true on the earliest meeting with a commercial
        partner over all opportunities and false on every other touchpoint
        of that partner. One query finds the first meetings, at most two
        writes fix the flags.
        """
        if partners is None:
            partners = self.commercial_partner_id
        if not partners:
            return True
        Touchpoint = self._as_server()
        meetings = Touchpoint.search_fetch(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("kind", "=", "meeting"),
                ("meeting_state", "!=", "cancelled"),
            ],
            ["commercial_partner_id"],
            order="date, id",
        )
        first_ids = {
            touchpoints[0].id
            for touchpoints in meetings.grouped("commercial_partner_id").values()
        }
        flagged = Touchpoint.search(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("is_new_partner", "=", True),
            ]
        )
        to_clear = flagged.filtered(lambda t: t.id not in first_ids)
        to_set = Touchpoint.browse(first_ids) - flagged
        if to_clear:
            to_clear.write({"is_new_partner": False})
        if to_set:
            to_set.write({"is_new_partner": True})
        return True

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def action_mark_held(self):
        """Record that the meetings took place (their calendar event's
        meeting activity marked done does the same). Returns True."""
        _ = self.env._
        self.check_access("write")
        if any(touchpoint.kind != "meeting" for touchpoint in self):
            raise UserError(_("Only a meeting can be held."))
        if any(touchpoint.meeting_state == "cancelled" for touchpoint in self):
            raise UserError(_("A cancelled meeting cannot be held."))
        if any(touchpoint.date > fields.Datetime.now() for touchpoint in self):
            raise UserError(_("A meeting is held once its time has come."))
        self._as_server().browse(self.ids).write({"meeting_state": "held"})
        return True
