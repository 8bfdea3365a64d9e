# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project made by ``action_create_project`` gets its task
stages, as sale_project gives the project it creates for a service
(``sale.order.line._timesheet_create_project``): without them a new task
lands in no stage ("Undefined Stage" in the kanban)."""

from odoo import Command, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_delivery_project_values(self):
        values = super()._prepare_delivery_project_values()
        if "type_ids" not in values:
            values["type_ids"] = [
                Command.create({"name": name, "fold": fold, "sequence": sequence})
                for name, fold, sequence in self._get_delivery_task_stages()
            ]
        return values

    def _get_delivery_task_stages(self):
        """(name, folded, sequence) of the delivery project's task stages:
        sale_project's."""
        _ = self.env._
        return [
            (_("To Do"), False, 5),
            (_("In Progress"), False, 10),
            (_("Done"), False, 15),
            (_("Cancelled"), True, 20),
        ]
