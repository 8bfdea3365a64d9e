# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .b2b_contract import contract_signed_sql
from .b2b_touchpoint import CALL_OUTCOMES, MEETING_STATES, TOUCHPOINT_KINDS

CHECKPOINT_KINDS = [
    ("touchpoint", "Touchpoint"),
    ("stakeholder", "Stakeholder with a Role"),
    ("quotation", "Quotation Sent"),
    ("contract", "Contract Signed"),
    ("field", "Field Filled"),
    ("manual", "Manual Tick"),
]
# A better outcome satisfies a checkpoint asking for a lesser one: a call on
# which a conversation was held was also answered.
CALL_OUTCOME_RANK = {"no_answer": 0, "answered": 1, "talked": 2}
# A held meeting was planned first; a cancelled one satisfies only itself.
MEETING_STATES_MATCHING = {
    "planned": ("planned", "held"),
    "held": ("held",),
    "cancelled": ("cancelled",),
}
QUOTATION_SENT_STATES = ("sent", "sale", "done")


class B2bCheckpoint(models.Model):
    """An exit criterion of a pipeline stage.

    An opportunity moves forward past a stage only when every required
    checkpoint of the stage is met (see ``crm.lead.write``).
    """

    _name = "b2b.checkpoint"
    _description = "Stage Checkpoint"
    _order = "stage_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    stage_id = fields.Many2one(
        "crm.stage", string="Stage", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(CHECKPOINT_KINDS, required=True, default="touchpoint")
    touchpoint_kind = fields.Selection(TOUCHPOINT_KINDS, string="Touchpoint Kind")
    call_outcome = fields.Selection(
        CALL_OUTCOMES,
        string="Call Outcome",
        help="The least outcome accepted: a conversation held also counts as "
        "answered.",
    )
    meeting_state = fields.Selection(
        MEETING_STATES,
        string="Meeting State",
        help="A held meeting also counts as planned.",
    )
    role_id = fields.Many2one(
        "b2b.stakeholder.role", string="Role", ondelete="restrict"
    )
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Field",
        ondelete="cascade",
        domain=[("model", "=", "crm.lead"), ("store", "=", True)],
    )
    is_optional = fields.Boolean(
        string="Optional",
        help="Shown in the checklist but never blocks the move.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        help="Leave empty to apply the checkpoint in every company.",
    )
    description = fields.Text(translate=True)

    @api.constrains("kind", "touchpoint_kind", "role_id", "field_id")
    def _check_parameters(self):
        for checkpoint in self:
            if checkpoint.kind == "touchpoint" and not checkpoint.touchpoint_kind:
                raise ValidationError(
                    _("Checkpoint \"%s\": choose the kind of touchpoint.")
                    % checkpoint.name
                )
            if checkpoint.kind == "stakeholder" and not checkpoint.role_id:
                raise ValidationError(
                    _("Checkpoint \"%s\": choose the role of the stakeholder.")
                    % checkpoint.name
                )
            if checkpoint.kind == "field" and (
                not checkpoint.field_id
                or checkpoint.field_id.model != "crm.lead"
                or not checkpoint.field_id.store
            ):
                raise ValidationError(
                    _("Checkpoint \"%s\": choose a stored field of the "
                      "opportunity.") % checkpoint.name
                )

    def _get_how_to_meet(self):
        """What the salesperson does on the opportunity to meet the
        checkpoint, in the user's language."""
        self.ensure_one()
        if self.kind == "touchpoint":
            if self.touchpoint_kind == "call":
                outcome = dict(self._fields["call_outcome"]._description_selection(
                    self.env)).get(self.call_outcome)
                return (_("log a call with the Log a Call button (outcome: %s)")
                        % outcome if outcome else
                        _("log a call with the Log a Call button"))
            if self.touchpoint_kind == "email":
                return _("send an email from the opportunity's chatter")
            if self.touchpoint_kind == "meeting":
                return (_("schedule the meeting with the Meeting button, then mark "
                          "it held in the Touchpoints tab")
                        if self.meeting_state == "held" else
                        _("schedule the meeting with the Meeting button"))
            kind = dict(self._fields["touchpoint_kind"]._description_selection(
                self.env)).get(self.touchpoint_kind)
            return _("log a touchpoint \"%s\" in the Touchpoints tab") % kind
        if self.kind == "stakeholder":
            return (_("add a member of the buying committee with the role \"%s\" "
                      "in the Buying Committee tab") % self.role_id.name)
        if self.kind == "quotation":
            return _("send a quotation with the New Quotation button, then Send by "
                     "Email")
        if self.kind == "contract":
            return _("sign the opportunity's contract (Contracts button)")
        if self.kind == "field":
            return _("fill in \"%s\" on the opportunity") % (
                self.field_id.field_description)
        return _("tick it in the Manual Checkpoints tab")

    def _applies_to(self, lead):
        self.ensure_one()
        return not self.company_id or self.company_id == lead.company_id

    @api.multi
    def _get_met_lead_ids(self, leads):
        """Which of ``leads`` meet each checkpoint of ``self``.

        Returns ``{checkpoint_id: set of lead ids}``. The cost is one query
        per kind of checkpoint involved, whatever the number of leads, so a
        move of many opportunities stays cheap. The facts are read without
        record rules: a salesperson's move is judged on the whole history.
        """
        met = {checkpoint.id: set() for checkpoint in self}
        if not leads or not self:
            return met
        lead_ids = tuple(leads.ids)
        by_kind = defaultdict(lambda: self.browse())
        for checkpoint in self:
            by_kind[checkpoint.kind] |= checkpoint
        cr = self.env.cr
        if by_kind["touchpoint"]:
            cr.execute(
                """SELECT lead_id, kind, call_outcome, meeting_state
                     FROM b2b_touchpoint WHERE lead_id IN %s
                 GROUP BY lead_id, kind, call_outcome, meeting_state""",
                (lead_ids,),
            )
            rows = cr.fetchall()
            for checkpoint in by_kind["touchpoint"]:
                met[checkpoint.id] = {
                    row[0] for row in rows if checkpoint._match_touchpoint(*row[1:])
                }
        if by_kind["stakeholder"]:
            cr.execute(
                """SELECT DISTINCT s.lead_id, rel.role_id
                     FROM b2b_stakeholder s
                     JOIN b2b_stakeholder_role_rel rel ON rel.stakeholder_id = s.id
                    WHERE s.lead_id IN %s""",
                (lead_ids,),
            )
            rows = cr.fetchall()
            for checkpoint in by_kind["stakeholder"]:
                met[checkpoint.id] = {
                    lead_id for lead_id, role_id in rows
                    if role_id == checkpoint.role_id.id
                }
        if by_kind["quotation"]:
            cr.execute(
                """SELECT DISTINCT opportunity_id FROM sale_order
                    WHERE opportunity_id IN %s
                      AND (state IN %s OR b2b_date_proposal IS NOT NULL)""",
                (lead_ids, QUOTATION_SENT_STATES),
            )
            found = {row[0] for row in cr.fetchall()}
            for checkpoint in by_kind["quotation"]:
                met[checkpoint.id] = found
        if by_kind["contract"]:
            found = self._get_signed_contract_lead_ids(leads)
            for checkpoint in by_kind["contract"]:
                met[checkpoint.id] = found
        if by_kind["field"]:
            names = list(set(by_kind["field"].mapped("field_id.name")))
            values = {row["id"]: row for row in leads.sudo().read(names, load="")}
            for checkpoint in by_kind["field"]:
                name = checkpoint.field_id.name
                met[checkpoint.id] = {
                    lead_id for lead_id, row in values.items()
                    if row[name] not in (False, None, "", 0, 0.0, [])
                }
        if by_kind["manual"]:
            cr.execute(
                """SELECT lead_id, checkpoint_id FROM b2b_checkpoint_tick
                    WHERE lead_id IN %s AND checkpoint_id IN %s""",
                (lead_ids, tuple(by_kind["manual"].ids)),
            )
            for lead_id, checkpoint_id in cr.fetchall():
                met[checkpoint_id].add(lead_id)
        return met

    @api.model
    def _get_signed_contract_lead_ids(self, leads):
        if not leads:
            return set()
        # The condition is built from constants only.
        self.env.cr.execute(  # pylint: disable=sql-injection
            """SELECT DISTINCT c.lead_id FROM b2b_contract c
                WHERE c.lead_id IN %%s AND %s""" % contract_signed_sql("c"),
            (tuple(leads.ids),),
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _match_touchpoint(self, kind, call_outcome, meeting_state):
        self.ensure_one()
        if kind != self.touchpoint_kind:
            return False
        if self.call_outcome and CALL_OUTCOME_RANK.get(
            call_outcome, -1
        ) < CALL_OUTCOME_RANK[self.call_outcome]:
            return False
        if self.meeting_state and (
            meeting_state not in MEETING_STATES_MATCHING[self.meeting_state]
        ):
            return False
        return True


class B2bCheckpointTick(models.Model):
    """A manual checkpoint ticked on an opportunity: who and when."""

    _name = "b2b.checkpoint.tick"
    _description = "Manual Checkpoint Tick"
    _order = "date desc, id desc"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade",
        index=True,
    )
    checkpoint_id = fields.Many2one(
        "b2b.checkpoint",
        string="Checkpoint",
        required=True,
        ondelete="cascade",
        domain=[("kind", "=", "manual")],
    )
    user_id = fields.Many2one(
        "res.users", string="Ticked by", required=True, readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(
        string="Ticked on", required=True, readonly=True,
        default=fields.Datetime.now,
    )
    note = fields.Char()
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, readonly=True
    )
    lead_user_id = fields.Many2one(
        related="lead_id.user_id", string="Opportunity Salesperson", store=True,
        readonly=True, index=True,
    )

    _sql_constraints = [
        (
            "lead_checkpoint_uniq",
            "unique(lead_id, checkpoint_id)",
            "A checkpoint is ticked only once on an opportunity.",
        ),
    ]

    @api.constrains("checkpoint_id")
    def _check_manual_kind(self):
        for tick in self:
            if tick.checkpoint_id.kind != "manual":
                raise ValidationError(
                    _("Only a manual checkpoint can be ticked; \"%s\" is "
                      "checked from the opportunity's records.")
                    % tick.checkpoint_id.name
                )

    @api.model
    def create(self, vals):
        # Who ticked and when are facts, not input.
        vals = dict(vals, user_id=self.env.uid, date=fields.Datetime.now())
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if {"user_id", "date", "lead_id", "checkpoint_id"} & set(vals):
            raise UserError(
                _("A tick records who ticked what and when: remove it and tick "
                  "again instead of changing it.")
            )
        return super().write(vals)
