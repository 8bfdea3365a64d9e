# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .b2b_phase import MILESTONE_FIELDS


class ProjectMilestone(models.Model):
    """A milestone of the delivery project may stand for a phase: its name
    and deadline changed in the project's milestone views change the phase's
    too."""

    _inherit = "project.milestone"

    b2b_phase_ids = fields.One2many("b2b.phase", "milestone_id", string="Phase")

    def write(self, vals):
        result = super().write(vals)
        to_phase = {
            phase_field: vals[milestone_field]
            for phase_field, milestone_field in MILESTONE_FIELDS.items()
            if milestone_field in vals
        }
        if to_phase and not self.env.context.get("b2b_phase_sync"):
            phases = self.sudo().b2b_phase_ids.with_context(b2b_phase_sync=True)
            phases.write(to_phase)
        return result
