# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checkpoint kind "touchpoint": a contact of a given kind recorded on
the opportunity, a call with at least a given outcome, a meeting planned or
held."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .b2b_touchpoint import (
    CALL_OUTCOME_RANK,
    CALL_OUTCOMES,
    MEETING_STATES,
    MEETING_STATES_MATCHING,
    TOUCHPOINT_KINDS,
)


class B2bCheckpoint(models.Model):
    _inherit = "b2b.checkpoint"

    kind = fields.Selection(
        selection_add=[("touchpoint", "Touchpoint")],
        ondelete={"touchpoint": "cascade"},
    )
    touchpoint_kind = fields.Selection(
        TOUCHPOINT_KINDS,
        help="The kind of contact the opportunity needs.",
    )
    call_outcome = fields.Selection(
        CALL_OUTCOMES,
        string="At Least",
        help="The least outcome of a call that counts; a better one counts "
        "too. Empty: any call.",
    )
    meeting_state = fields.Selection(
        [state for state in MEETING_STATES if state[0] != "cancelled"],
        string="Meeting",
        help="Planned: a meeting scheduled (or held). Held: a meeting that "
        "took place. A cancelled meeting never counts.",
    )

    @api.constrains("kind", "touchpoint_kind", "call_outcome", "meeting_state")
    def _check_touchpoint_kind(self):
        _ = self.env._
        for checkpoint in self:
            if checkpoint.kind != "touchpoint":
                continue
            if not checkpoint.touchpoint_kind:
                raise ValidationError(
                    _(
                        'Checkpoint "%(name)s": choose the kind of touchpoint.',
                        name=checkpoint.name,
                    )
                )
            if checkpoint.call_outcome and checkpoint.touchpoint_kind != "call":
                raise ValidationError(
                    _(
                        'Checkpoint "%(name)s": only a call has an outcome.',
                        name=checkpoint.name,
                    )
                )
            if checkpoint.meeting_state and checkpoint.touchpoint_kind != "meeting":
                raise ValidationError(
                    _(
                        'Checkpoint "%(name)s": only a meeting is planned or held.',
                        name=checkpoint.name,
                    )
                )

    def _get_met_lead_ids_touchpoint(self, leads):
        lead_ids = [lead_id for lead_id in leads._origin.ids if lead_id]
        groups = (
            self.env["b2b.touchpoint"]
            .sudo()
            ._read_group(
                [
                    ("lead_id", "in", lead_ids),
                    ("kind", "in", self.mapped("touchpoint_kind")),
                ],
                ["lead_id", "kind", "call_outcome", "meeting_state"],
            )
        )
        met = {checkpoint.id: set() for checkpoint in self}
        for checkpoint in self:
            for lead, kind, call_outcome, meeting_state in groups:
                if checkpoint._is_met_by_touchpoint(kind, call_outcome, meeting_state):
                    met[checkpoint.id].add(lead.id)
        return met

    def _is_met_by_touchpoint(self, kind, call_outcome, meeting_state):
        """Whether a touchpoint of ``kind``, with ``call_outcome`` and
        ``meeting_state``, meets the checkpoint."""
        self.ensure_one()
        if kind != self.touchpoint_kind:
            return False
        if kind == "call" and self.call_outcome:
            return CALL_OUTCOME_RANK.get(call_outcome, -1) >= (
                CALL_OUTCOME_RANK[self.call_outcome]
            )
        if kind == "meeting":
            return meeting_state in MEETING_STATES_MATCHING[self.meeting_state]
        return True

    def _get_how_to_meet_touchpoint(self):
        _ = self.env._
        if self.touchpoint_kind == "call":
            if self.call_outcome:
                outcome = dict(
                    self._fields["call_outcome"]._description_selection(self.env)
                )[self.call_outcome]
                return _(
                    'log a call with the Log a Call button or mark a call activity '
                    'done, with the outcome "%(outcome)s" or better',
                    outcome=outcome,
                )
            return _("log a call with the Log a Call button or mark a call activity done")
        if self.touchpoint_kind == "email":
            return _("send an email from the opportunity's chatter")
        if self.touchpoint_kind == "meeting":
            if self.meeting_state == "held":
                return _(
                    "schedule the meeting with the Meeting button, then mark its "
                    "activity done (or the meeting held in the Touchpoints tab) "
                    "once it took place"
                )
            return _("schedule the meeting with the Meeting button")
        kind = dict(self._fields["touchpoint_kind"]._description_selection(self.env))[
            self.touchpoint_kind
        ]
        return _(
            'log a touchpoint "%(kind)s" in the Touchpoints tab of the opportunity',
            kind=kind,
        )
