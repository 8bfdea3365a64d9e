# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The confirmed scope's items become the delivery project's starting
tasks, on every road that hands the order over to its project
(``_carry_phases``: the button and sale_project's creation on
confirmation), once per item.

An item's date is the one the customer was promised: the task's internal
deadline is the latest day whose customer deadline (plus the project's
buffer, on a working day) is not after it, so the customer's page of the
task shows no later date than the scope did."""

from datetime import datetime, time, timedelta

import pytz

from odoo import Command, fields, models
from odoo.tools import plaintext2html

# How far back the internal deadline of an item is looked for.
MAX_BUFFER_DAYS = 366


class ProjectTask(models.Model):
    _inherit = "project.task"

    b2b_scope_item_id = fields.Many2one(
        "b2b.scope.item",
        string="Scope Item",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The item of the confirmed scope this task started from.",
    )


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _carry_phases(self, project):
        result = super()._carry_phases(project)
        self._b2b_create_scope_tasks(project)
        return result

    def _b2b_create_scope_tasks(self, project):
        """One task per item of the confirmed scope not yet carried."""
        self.ensure_one()
        order = self.sudo()
        if order.scope_state != "confirmed" or not order.scope_item_ids:
            return self.env["project.task"]
        Task = self.env["project.task"].sudo()
        carried = Task.with_context(active_test=False).search(
            [("b2b_scope_item_id", "in", order.scope_item_ids.ids)]
        ).b2b_scope_item_id
        # The team reads the tasks in the company's language, whoever hands
        # the order over.
        lang = order.company_id.partner_id.lang or self.env.lang
        categories = dict(
            order.scope_item_ids._fields["category"]._description_selection(
                self.with_context(lang=lang).env
            )
        )
        project = project.sudo()
        return Task.create(
            [
                {
                    "name": "%s: %s" % (categories[item.category], item.name),
                    "project_id": project.id,
                    "b2b_scope_item_id": item.id,
                    "sequence": item.sequence,
                    "description": plaintext2html(item.description) if item.description else False,
                    "date_deadline": self._b2b_internal_deadline(project, item.date),
                    "user_ids": [Command.clear()],
                }
                for item in order.scope_item_ids - carried
            ]
        )

    def _b2b_internal_deadline(self, project, customer_date):
        """The task deadline (a UTC datetime, noon in the project's time
        zone) of the latest day whose customer date is not after
        ``customer_date``; False without a date."""
        if not customer_date:
            return False
        days = [customer_date - timedelta(days=back) for back in range(MAX_BUFFER_DAYS)]
        shown = project._customer_dates(days)
        day = next((day for day in days if shown[day] <= customer_date), days[-1])
        tz = pytz.timezone(project._get_working_calendar().tz or "UTC")
        noon = tz.localize(datetime.combine(day, time(12, 0)))
        return fields.Datetime.to_string(noon.astimezone(pytz.utc).replace(tzinfo=None))
