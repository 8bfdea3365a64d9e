# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

BUFFER_MODES = [
    ("days", "Days"),
    ("percent", "Percent of the duration"),
    ("max", "The larger of both"),
]


class ProjectProject(models.Model):
    _inherit = "project.project"

    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", index=True, copy=False,
        ondelete="set null",
    )
    phase_ids = fields.One2many("b2b.phase", "project_id", string="Phases")
    plan_date_start = fields.Date(string="Plan Start")
    buffer_mode = fields.Selection(BUFFER_MODES, default="max", required=True)
    buffer_days = fields.Integer(default=14)
    buffer_percent = fields.Float(default=20.0)
    risk_ids = fields.One2many("b2b.risk", "project_id", string="Risks")

    @api.multi
    def extend_plan(self, days):
        """Push the open part of the plan back by ``days`` calendar days.

        Used when an approved change request adds time: the deadlines of
        open tasks and of phases not yet accepted move, and so does the
        project's end date.
        """
        if not days:
            return True
        delta = timedelta(days=days)

        def shift(value):
            return fields.Date.to_string(fields.Date.from_string(value) + delta)

        for project in self:
            tasks = project.task_ids.filtered(
                lambda t: t.date_deadline and not t.stage_id.fold
            )
            for task in tasks:
                task.date_deadline = shift(task.date_deadline)
            for phase in project.phase_ids.filtered(
                lambda p: p.date_deadline and p.state != "accepted"
            ):
                phase.date_deadline = shift(phase.date_deadline)
            if project.date:
                project.date = shift(project.date)
        return True
