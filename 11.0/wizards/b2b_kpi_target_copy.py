# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from ..utils import kpi_periods

COPY_PERIOD_TYPES = [pt for pt in kpi_periods.PERIOD_TYPES if pt[0] != "custom"]


class B2bKpiTargetCopy(models.TransientModel):
    """Copy the targets of the last period into the next one, in one step."""

    _name = "b2b.kpi.target.copy"
    _description = "Copy Targets from the Last Period"

    period_type = fields.Selection(
        COPY_PERIOD_TYPES, string="Period", required=True, default="month"
    )
    date = fields.Date(
        string="A Day of the New Period", required=True,
        default=fields.Date.context_today,
    )
    date_from = fields.Date(compute="_compute_period", string="From")
    date_to = fields.Date(compute="_compute_period", string="To")

    @api.depends("period_type", "date")
    def _compute_period(self):
        for wizard in self:
            if wizard.period_type and wizard.date:
                start, end = kpi_periods.period_bounds(wizard.date, wizard.period_type)
                wizard.date_from = fields.Date.to_string(start)
                wizard.date_to = fields.Date.to_string(end)

    @api.multi
    def action_copy(self):
        self.ensure_one()
        target_ids = self.env["b2b.kpi.target"].copy_from_previous_period(
            self.date_from, self.date_to
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Targets copied"),
            "res_model": "b2b.kpi.target",
            "view_mode": "tree,pivot",
            "domain": [("id", "in", target_ids)],
        }
