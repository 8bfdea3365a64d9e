# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# What a tick records as facts: set by the server, never by the caller.
TICK_FACTS = ("user_id", "date", "lead_id", "checkpoint_id")


class B2bCheckpointTick(models.Model):
    """A manual checkpoint ticked on an opportunity: who ticked it, and when."""

    _name = "b2b.checkpoint.tick"
    _description = "Manual Checkpoint Tick"
    _order = "date desc, id desc"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True
    )
    checkpoint_id = fields.Many2one(
        "b2b.checkpoint",
        string="Checkpoint",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("kind", "=", "manual")],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Ticked by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(
        string="Ticked on", required=True, readonly=True, default=fields.Datetime.now
    )
    note = fields.Char()
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, index=True
    )

    _lead_checkpoint_uniq = models.Constraint(
        "UNIQUE(lead_id, checkpoint_id)",
        "A checkpoint is ticked only once on an opportunity.",
    )

    @api.constrains("checkpoint_id")
    def _check_checkpoint_id(self):
        for tick in self:
            if tick.checkpoint_id.kind != "manual":
                raise ValidationError(
                    self.env._(
                        'Only a manual checkpoint can be ticked; "%(name)s" is '
                        "checked from the opportunity's records.",
                        name=tick.checkpoint_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Who ticked and when are facts, not input.
        now = fields.Datetime.now()
        vals_list = [dict(vals, user_id=self.env.uid, date=now) for vals in vals_list]
        return super().create(vals_list)

    def write(self, vals):
        # The facts are read-only: writing them again unchanged (a form
        # saving every field) passes, changing them is refused.
        facts = [name for name in TICK_FACTS if name in vals]
        if facts and any(
            tick[name]
            != self._fields[name].convert_to_record(
                self._fields[name].convert_to_cache(vals[name], tick), tick
            )
            for tick in self
            for name in facts
        ):
            raise UserError(
                self.env._(
                    "A tick records who ticked what and when: remove it and tick "
                    "again instead of changing it."
                )
            )
        return super().write(vals)

    def _move_to_lead(self, lead):
        """Carry the ticks over to ``lead`` (the head of a merge), with who
        ticked them and when."""
        return super().write({"lead_id": lead.id})
