# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .project_project_timeline import check_agreed_dates


class ProjectTask(models.Model):
    """A task made from a dated scope item shows the customer the date the
    customer confirmed; its internal deadline is earlier by the buffer."""

    _inherit = "project.task"

    date_deadline_agreed = fields.Date(
        string="Date Agreed with the Customer", readonly=True, copy=False,
        help="The date of the scope item the customer confirmed: the "
        "customer deadline of the task. The internal deadline is derived "
        "earlier by the project's buffer.",
    )

    @api.model
    def create(self, vals):
        check_agreed_dates(self, vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        check_agreed_dates(self, vals)
        return super().write(vals)
