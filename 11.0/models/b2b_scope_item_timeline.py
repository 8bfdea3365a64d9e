# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class B2bScopeItem(models.Model):
    """A dated scope item is a date the customer confirms: it becomes the
    customer date of its task and of the phases delivering it."""

    _inherit = "b2b.scope.item"

    phase_ids = fields.One2many(
        "b2b.phase", "timeline_item_id", string="Phases Delivering It"
    )

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "date_deadline" in vals:
            self.sudo().mapped("phase_ids")._pin_agreed_date()
        return result

    def _prepare_task_values(self, project):
        """The task shows the customer the item's date; its internal deadline
        is earlier by the project's buffer."""
        values = super()._prepare_task_values(project)
        if self.date_deadline:
            values.update(
                date_deadline_agreed=self.date_deadline,
                date_deadline=project._internal_dates(
                    [self.date_deadline]
                )[self.date_deadline],
            )
        return values
