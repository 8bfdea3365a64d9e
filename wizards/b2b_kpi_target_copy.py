# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Copy a period's targets to the next period of the same type."""

from odoo import api, fields, models

from ..utils import kpi_periods


class B2bKpiTargetCopy(models.TransientModel):
    _name = "b2b.kpi.target.copy"
    _description = "Copy Targets to the Next Period"

    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    next_date_from = fields.Date(
        string="Next Period From", compute="_compute_next_period"
    )
    next_date_to = fields.Date(string="Next Period To", compute="_compute_next_period")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        targets = self.env["b2b.kpi.target"].browse(
            self.env.context.get("active_ids", [])
        ).exists()
        if targets and self.env.context.get("active_model") == "b2b.kpi.target":
            values.setdefault("date_from", targets[0].date_from)
            values.setdefault("date_to", targets[0].date_to)
        return values

    @api.depends("date_from", "date_to")
    def _compute_next_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from <= wizard.date_to:
                wizard.next_date_from, wizard.next_date_to = kpi_periods.next_period(
                    wizard.date_from, wizard.date_to
                )
            else:
                wizard.next_date_from = wizard.next_date_to = False

    def action_copy(self):
        self.ensure_one()
        ids = self.env["b2b.kpi.target"].copy_to_next_period(
            fields.Date.to_string(self.date_from), fields.Date.to_string(self.date_to)
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_kpi_target_action"
        )
        action["domain"] = [("id", "in", ids)]
        return action
