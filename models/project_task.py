# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
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

    @api.depends(*CUSTOMER_DATE_DEPENDS)
    def _compute_date_deadline_customer(self):
        self.env["project.project"]._assign_customer_dates(self)

    @api.constrains("phase_id", "project_id")
    def _check_phase_project(self):
        for task in self:
            if task.phase_id and task.phase_id.project_id != task.project_id:
                raise ValidationError(
                    _("The task %(task)s and its phase %(phase)s belong to "
                      "different projects.")
                    % {"task": task.name, "phase": task.phase_id.name}
                )
