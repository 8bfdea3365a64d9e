# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install-time creation of the addon's columns on Odoo's tables that a
company already has full (``utils/install.py``): the columns with a default
added without rewriting the rows, the tasks' customer deadline computed for
the tasks that have a deadline only."""

from odoo import models
from odoo.tools import SQL

from ..utils.install import add_columns_with_default, add_computed_column


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def _auto_init(self):
        add_columns_with_default(self, ["b2b_budget_status"])
        return super()._auto_init()


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _auto_init(self):
        add_columns_with_default(self, ["scope_state"])
        return super()._auto_init()


class ProjectProject(models.Model):
    _inherit = "project.project"

    def _auto_init(self):
        add_columns_with_default(self, [
            "buffer_mode", "buffer_days", "buffer_percent", "b2b_plan_version",
            "review_cadence", "review_duration",
        ])
        return super()._auto_init()


class ProjectTask(models.Model):
    _inherit = "project.task"

    def _auto_init(self):
        # The customer deadline of a task without a deadline or a project is
        # empty (project.project._assign_customer_dates).
        add_computed_column(self, "date_deadline_customer", SQL(
            "date_deadline IS NOT NULL AND project_id IS NOT NULL"
        ))
        return super()._auto_init()
