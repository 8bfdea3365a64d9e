# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .project_project import CUSTOMER_DATE_DEPENDS


class ProjectTask(models.Model):
    _inherit = "project.task"

    date_deadline_customer = fields.Date(
        string="Customer Deadline",
        compute="_compute_date_deadline_customer",
        store=True,
        help="The deadline the customer sees: the internal deadline (its day in "
        "the time zone of the project's working calendar) plus the project's "
        "buffer, moved to a working day.",
    )

    @api.depends("date_deadline", *CUSTOMER_DATE_DEPENDS)
    def _compute_date_deadline_customer(self):
        self.env["project.project"]._assign_customer_dates(self)
