# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order's delivery project, created once from the order."""
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    project_ids = fields.One2many(
        "project.project", "sale_order_id", string="Delivery Projects"
    )

    project_count = fields.Integer(
        string="Projects", compute="_compute_project_count"
    )

    @api.depends("project_ids")
    def _compute_project_count(self):
        data = self.env["project.project"].read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["sale_order_id"]
        )
        counts = {d["sale_order_id"][0]: d["sale_order_id_count"] for d in data}
        for order in self:
            order.project_count = counts.get(order.id, 0)

    @api.multi
    def action_view_projects(self):
        action = self.env.ref("project.open_view_project_all").read()[0]
        action["domain"] = [("sale_order_id", "in", self.ids)]
        action["context"] = {"default_sale_order_id": self.id}
        if len(self.project_ids) == 1:
            action.update(view_mode="form", res_id=self.project_ids.id,
                          views=[(False, "form")])
        return action

    @api.model
    def _default_project_manager(self):
        """Who manages a new delivery project unless chosen: the user
        creating it when they work in projects, else nobody (never the
        salesperson for being the salesperson)."""
        user = self.env.user
        if user.has_group("project.group_project_user"):
            return user
        return self.env["res.users"]

    @api.multi
    def action_create_project(self):
        """Create the delivery project of the order once; return it.

        A second call returns the same project. Over RPC it returns the id.
        The project is managed by the calling user when they work in
        projects (the form's button asks who manages it).
        """
        self.ensure_one()
        return self._create_project(self._default_project_manager()).id

    def _create_project(self, manager):
        """The order's delivery project, created once, managed by
        ``manager`` (a project user, or an empty recordset)."""
        self.ensure_one()
        project = self.project_ids[:1]
        if not project:
            project = self.env["project.project"].create(
                self._prepare_project_values(manager)
            )
            # The manager and the salesperson (who listens for the next
            # orders) follow the project, kept to its followers.
            project.message_subscribe_users(user_ids=(manager | self.user_id).ids)
            Task = self.env["project.task"]
            for task_values in self._prepare_project_task_values(project):
                Task.create(task_values)
        return project

    def _prepare_project_values(self, manager=None):
        self.ensure_one()
        return {
            "name": self.name if not self.client_order_ref
            else "%s - %s" % (self.name, self.client_order_ref),
            "partner_id": self.partner_id.id,
            "sale_order_id": self.id,
            "company_id": self.company_id.id,
            "user_id": manager.id if manager else False,
            # Delivery: the plan starts when the order is confirmed, and the
            # project is visible to its team (followers) only.
            "plan_date_start": (self.confirmation_date or "")[:10]
            or fields.Date.context_today(self),
            "privacy_visibility": "followers",
        }

    def _prepare_project_task_values(self, project):
        """Values of the starting tasks of the delivery project (hook)."""
        self.ensure_one()
        return []
