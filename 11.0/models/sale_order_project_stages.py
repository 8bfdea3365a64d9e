# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every delivery project gets the delivery task stages, whichever road
made it (the button, the wizard, RPC): a phase's progress counts its tasks
in the folded stage, and a project without stages keeps it at 0 %."""
from odoo import models

DELIVERY_STAGES = (
    "b2b_sales_delivery.project_task_type_todo",
    "b2b_sales_delivery.project_task_type_in_progress",
    "b2b_sales_delivery.project_task_type_review",
    "b2b_sales_delivery.project_task_type_done",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_project_values(self, manager=None):
        values = super()._prepare_project_values(manager)
        stages = self.env["project.task.type"]
        for xml_id in DELIVERY_STAGES:
            stages |= self.env.ref(xml_id, raise_if_not_found=False) or stages
        if stages:
            values["type_ids"] = [(6, 0, stages.ids)]
        return values

    def _create_project(self, manager):
        """The starting tasks begin in the project's first stage."""
        project = super()._create_project(manager)
        first = project.type_ids.sorted(lambda stage: (stage.sequence, stage.id))[:1]
        if first:
            project.sudo().task_ids.filtered(
                lambda task: not task.stage_id
            ).write({"stage_id": first.id})
        return project
