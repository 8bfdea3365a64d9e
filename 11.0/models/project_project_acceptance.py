# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A project keeps the phases its customer accepted."""
from odoo import _, api, models
from odoo.exceptions import UserError


class ProjectProject(models.Model):
    _inherit = "project.project"

    @api.multi
    def write(self, vals):
        if "sale_order_id" in vals:
            self._check_no_accepted_phase(
                _("The project %s has accepted phases: it stays with its order.")
            )
        return super().write(vals)

    @api.multi
    def unlink(self):
        # The database deletes the phases and their minutes with the
        # project, without asking them: ask here.
        self._check_no_accepted_phase(
            _("The project %s has accepted phases: it cannot be deleted.")
        )
        return super().unlink()

    def _check_no_accepted_phase(self, message):
        phases = self.env["b2b.phase"].sudo().search([("project_id", "in", self.ids)])
        accepted = phases.filtered(
            lambda p: p.state == "accepted"
            or "accepted" in p.mapped("acceptance_ids.state")
        )
        if accepted:
            raise UserError(message % accepted[0].project_id.name)
        return True
