# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from psycopg2.extras import execute_values

from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from .b2b_delivery_mixin import CUSTOMER_DATE_DEPENDS


class ProjectTask(models.Model):
    _inherit = "project.task"

    phase_id = fields.Many2one(
        "b2b.phase", string="Phase", index=True, ondelete="set null",
        domain="[('project_id', '=', project_id)]", track_visibility="onchange",
    )
    date_deadline_customer = fields.Date(
        string="Customer Deadline",
        compute="_compute_date_deadline_customer",
        store=True,
        help="The deadline the customer sees: the internal deadline plus the "
        "project's buffer, moved to a working day.",
    )

    @api.model_cr_context
    def _auto_init(self):
        # Created empty, then filled by _fill_customer_deadlines at install:
        # Odoo would otherwise recompute (and rewrite) every existing task.
        if not tools.column_exists(self.env.cr, self._table, "date_deadline_customer"):
            tools.create_column(self.env.cr, self._table, "date_deadline_customer", "date")
        return super()._auto_init()

    @api.depends(*CUSTOMER_DATE_DEPENDS)
    def _compute_date_deadline_customer(self):
        self.env["project.project"]._assign_customer_dates(self)

    @api.model
    def _fill_customer_deadlines(self):
        """The customer deadlines of the tasks that were there before the
        addon: one calendar read per project and one UPDATE, without
        rewriting the tasks (their write date stays)."""
        cr = self.env.cr
        cr.execute(
            """SELECT id, project_id, date_deadline::text FROM project_task
                WHERE date_deadline IS NOT NULL AND project_id IS NOT NULL
                  AND date_deadline_customer IS NULL"""
        )
        by_project = defaultdict(list)
        for task_id, project_id, deadline in cr.fetchall():
            by_project[project_id].append((task_id, deadline))
        values = []
        for project in self.env["project.project"].browse(list(by_project)):
            tasks = by_project[project.id]
            dates = project._customer_dates([deadline for _id, deadline in tasks])
            values += [(task_id, dates[deadline]) for task_id, deadline in tasks]
        if values:
            execute_values(
                cr,
                """UPDATE project_task t SET date_deadline_customer = v.day::date
                     FROM (VALUES %s) AS v (id, day) WHERE t.id = v.id""",
                values,
            )
        self.invalidate_cache(["date_deadline_customer"])
        return len(values)

    @api.constrains("phase_id", "project_id")
    def _check_phase_project(self):
        for task in self:
            if task.phase_id and task.phase_id.project_id != task.project_id:
                raise ValidationError(
                    _("The task %(task)s and its phase %(phase)s belong to "
                      "different projects.")
                    % {"task": task.name, "phase": task.phase_id.name}
                )
