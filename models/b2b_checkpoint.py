# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import is_html_empty

# What proves a checkpoint met. Each kind has its two methods below,
# ``_get_met_lead_ids_<kind>`` and ``_get_how_to_meet_<kind>``; a later file
# adds a kind with ``selection_add`` and its own two methods.
CHECKPOINT_KINDS = [
    ("field", "Field Filled"),
    ("quotation", "Quotation Sent"),
    ("manual", "Manual Tick"),
]
# A quotation counts once sent to the customer, and stays counted when the
# customer confirms it.
QUOTATION_SENT_STATES = ("sent", "sale")


class B2bCheckpoint(models.Model):
    """An exit criterion of a pipeline stage.

    An opportunity moves forward past a stage only when every required
    checkpoint of the stage is met (``crm.lead._check_stage_checkpoints``).
    """

    _name = "b2b.checkpoint"
    _description = "Stage Checkpoint"
    _order = "stage_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    stage_id = fields.Many2one(
        "crm.stage", string="Stage", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        CHECKPOINT_KINDS,
        required=True,
        default="manual",
        help="What proves the checkpoint met: a field of the opportunity filled, "
        "a quotation of the opportunity sent, or a tick on the opportunity.",
    )
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Field",
        ondelete="cascade",
        domain=[("model", "=", "crm.lead"), ("store", "=", True)],
        help="The field of the opportunity that must be filled.",
    )
    is_optional = fields.Boolean(
        string="Optional",
        help="Shown in the checklist but never blocks the move.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        index=True,
        help="Leave empty to apply the checkpoint in every company.",
    )
    description = fields.Text(
        translate=True, help="What the salesperson does to meet the checkpoint."
    )

    @api.constrains("kind", "field_id")
    def _check_field_id(self):
        for checkpoint in self:
            field = checkpoint.field_id
            if checkpoint.kind == "field" and (
                not field or field.model != "crm.lead" or not field.store
            ):
                raise ValidationError(
                    self.env._(
                        'Checkpoint "%(name)s": choose a stored field of the '
                        "opportunity.",
                        name=checkpoint.name,
                    )
                )

    def _applies_to(self, lead):
        """Whether the checkpoint holds for ``lead``: shared by every company,
        or of the lead's company."""
        self.ensure_one()
        return not self.company_id or self.company_id == lead.company_id

    def _get_met_lead_ids(self, leads):
        """Which of ``leads`` meet each checkpoint of ``self``.

        Returns ``{checkpoint id: set of lead ids}``. Each kind is asked once
        for all the leads (``_get_met_lead_ids_<kind>``): the cost is one
        query per kind involved, whatever the number of leads. The facts are
        read without record rules: a move is judged on the whole history of
        the opportunity, not on what its salesperson may see. Leads being
        edited in a form (new records) count under their saved id.
        """
        met = {checkpoint.id: set() for checkpoint in self}
        if not leads:
            return met
        for kind, checkpoints in self.grouped("kind").items():
            met.update(getattr(checkpoints, "_get_met_lead_ids_" + kind)(leads))
        return met

    def _get_met_lead_ids_field(self, leads):
        leads = leads.sudo()
        if all(isinstance(lead_id, int) for lead_id in leads._ids):
            leads.fetch(set(self.field_id.mapped("name")))
        met = {}
        for checkpoint in self:
            field = checkpoint.field_id
            met[checkpoint.id] = {
                lead._origin.id
                for lead in leads
                if lead._origin.id and self._is_filled(field.ttype, lead[field.name])
            }
        return met

    @api.model
    def _is_filled(self, ttype, value):
        """Whether a field's value counts as filled in: text with more than
        blanks, a non-empty note, a number other than zero, a ticked box, a
        chosen record."""
        if ttype == "html":
            return not is_html_empty(value)
        if isinstance(value, str):
            return bool(value.strip())
        return bool(value)

    def _get_met_lead_ids_quotation(self, leads):
        lead_ids = [lead_id for lead_id in leads._origin.ids if lead_id]
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("opportunity_id", "in", lead_ids),
                    ("state", "in", QUOTATION_SENT_STATES),
                ],
                ["opportunity_id"],
            )
        )
        found = {lead.id for (lead,) in groups}
        return {checkpoint.id: set(found) for checkpoint in self}

    def _get_met_lead_ids_manual(self, leads):
        lead_ids = [lead_id for lead_id in leads._origin.ids if lead_id]
        met = {checkpoint.id: set() for checkpoint in self}
        groups = (
            self.env["b2b.checkpoint.tick"]
            .sudo()
            ._read_group(
                [("lead_id", "in", lead_ids), ("checkpoint_id", "in", self.ids)],
                ["lead_id", "checkpoint_id"],
            )
        )
        for lead, checkpoint in groups:
            met[checkpoint.id].add(lead.id)
        return met

    def _get_how_to_meet(self):
        """What the salesperson does on the opportunity to meet the
        checkpoint, in the user's language."""
        self.ensure_one()
        return getattr(self, "_get_how_to_meet_" + self.kind)()

    def _get_how_to_meet_field(self):
        return self.env._(
            'fill in "%(field)s" on the opportunity',
            field=self.field_id.field_description,
        )

    def _get_how_to_meet_quotation(self):
        return self.env._(
            "create a quotation with the New Quotation button, then send it by "
            "email or confirm it"
        )

    def _get_how_to_meet_manual(self):
        return self.env._("tick it in the Checkpoints tab of the opportunity")
