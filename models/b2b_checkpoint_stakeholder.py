# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checkpoint kind "stakeholder": a member of the buying committee with
a given role identified on the opportunity."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bCheckpoint(models.Model):
    _inherit = "b2b.checkpoint"

    kind = fields.Selection(
        selection_add=[("stakeholder", "Stakeholder with a Role")],
        ondelete={"stakeholder": "cascade"},
    )
    role_id = fields.Many2one(
        "b2b.stakeholder.role",
        string="Role",
        ondelete="restrict",
        help="The role a member of the buying committee must have.",
    )

    @api.constrains("kind", "role_id")
    def _check_role_id(self):
        for checkpoint in self:
            if checkpoint.kind == "stakeholder" and not checkpoint.role_id:
                raise ValidationError(
                    self.env._(
                        'Checkpoint "%(name)s": choose the role of the stakeholder.',
                        name=checkpoint.name,
                    )
                )

    def _get_met_lead_ids_stakeholder(self, leads):
        lead_ids = [lead_id for lead_id in leads._origin.ids if lead_id]
        groups = (
            self.env["b2b.stakeholder"]
            .sudo()
            ._read_group(
                [("lead_id", "in", lead_ids), ("role_ids", "in", self.role_id.ids)],
                ["lead_id", "role_ids"],
            )
        )
        met = {checkpoint.id: set() for checkpoint in self}
        by_role = self.grouped("role_id")
        for lead, role in groups:
            for checkpoint in by_role.get(role, []):
                met[checkpoint.id].add(lead.id)
        return met

    def _get_how_to_meet_stakeholder(self):
        return self.env._(
            'add a member of the buying committee with the role "%(role)s" in the '
            "Buying Committee tab",
            role=self.role_id.name,
        )
