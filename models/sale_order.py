# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order's phases, planned with the deal on the quotation, and its
delivery project, created once through sale_project's link."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    phase_ids = fields.One2many(
        "b2b.phase",
        "order_id",
        string="Phases",
        copy=False,
        help="Planned on the quotation; the delivery project takes the same "
        "phases when it is created.",
    )
    b2b_has_delivery_project = fields.Boolean(
        string="Has a Delivery Project",
        compute="_compute_b2b_has_delivery_project",
        compute_sudo=True,
    )

    @api.depends("project_id")
    def _compute_b2b_has_delivery_project(self):
        for order in self:
            order.b2b_has_delivery_project = bool(order.project_id)

    def action_create_project(self):
        """For an order of the B2B process (``_b2b_in_process``): create the
        delivery project of the confirmed order once and return its id; a
        second call returns the same project (also the one Odoo created on
        confirmation for a service product that creates a project). The
        order's phases are carried into the project with their milestones in
        the same step, the one every road shares.

        Any other order keeps sale_project's own answer (the action opening
        a new project's form), so Odoo's callers of this method get what
        they expect.
        """
        self.ensure_one()
        if not self._b2b_in_process():
            return super().action_create_project()
        return self._create_delivery_project().id

    def _b2b_in_process(self):
        """Whether the order follows the B2B process: phases planned, a scope,
        a payment plan or a contract on it."""
        self.ensure_one()
        order = self.sudo()
        return bool(
            order.phase_ids
            or order.scope_item_ids
            or order.payment_plan_line_ids
            or order.b2b_contract_id
        )

    def action_create_delivery_project(self):
        """The button: create the delivery project (once) and open it."""
        project = self._create_delivery_project()
        # The project's form is the delivery team's (Project rights): a
        # salesperson without them stays on the order, the project made.
        if not (
            project.has_access("read")
            and self.env.user.has_group("project.group_project_user")
        ):
            return True
        return {
            "type": "ir.actions.act_window",
            "name": project.name,
            "res_model": "project.project",
            "res_id": project.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _check_can_create_delivery_project(self):
        """Salespeople who may change the order, project managers who may
        read it; a confirmed order."""
        self.ensure_one()
        user = self.env.user
        is_salesman = user.has_group("sales_team.group_sale_salesman")
        if not self.env.su and not (
            is_salesman or user.has_group("project.group_project_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only salespeople and project managers create the delivery "
                    "project of an order."
                )
            )
        # Salespeople on the orders they may change; project managers on the
        # orders they may read.
        self.check_access("write" if is_salesman or self.env.su else "read")
        if self.state != "sale":
            raise UserError(
                self.env._(
                    "The delivery project of %(order)s is created once the order "
                    "is confirmed.",
                    order=self.name,
                )
            )

    def _create_delivery_project(self):
        """The order's delivery project, created once (the order's row is
        locked while it is looked for and made), with the order's phases."""
        self.ensure_one()
        self._check_can_create_delivery_project()
        self.env.cr.execute("SELECT id FROM sale_order WHERE id = %s FOR UPDATE", [self.id])
        order = self.sudo()
        order.invalidate_recordset(["project_id"])
        project = order.project_id
        if not project:
            project = self.env["project.project"].sudo().create(
                order._prepare_delivery_project_values()
            )
            order.project_id = project
            project.message_subscribe(
                partner_ids=(self.env.user | order.user_id).partner_id.ids
            )
        order._carry_phases(project)
        return project.with_env(self.env)

    def _prepare_delivery_project_values(self):
        """Values of the delivery project (hook): linked as sale_project links
        a project to its order (the order's first service line, the order
        re-invoiced), planned from the confirmation."""
        self.ensure_one()
        service_line = self.order_line.filtered(
            lambda line: line.product_id.type == "service" and not line.is_downpayment
        ).sorted("sequence")[:1]
        user = self.env.user
        values = {
            "name": (
                "%s - %s" % (self.client_order_ref, self.name)
                if self.client_order_ref
                else self.name
            ),
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "sale_line_id": service_line.id,
            "reinvoiced_sale_order_id": self.id,
            "allow_billable": True,
            "user_id": user.id if user.has_group("project.group_project_user") else False,
            "privacy_visibility": "followers",
        }
        values.update(self._prepare_delivery_plan_values())
        return values

    def _prepare_delivery_plan_values(self):
        """What every delivery project of the order gets, whoever creates it
        (the button or sale_project on confirmation): the plan starts on the
        confirmation, and the phases show as milestones."""
        self.ensure_one()
        return {
            "plan_date_start": fields.Date.to_date(
                fields.Date.context_today(self, self.date_order)
            ),
            "allow_milestones": True,
        }

    def _carry_phases(self, project):
        """The phases planned on the order not yet in a project go to
        ``project``, each with its milestone."""
        self.ensure_one()
        phases = self.sudo().phase_ids.filtered(lambda phase: not phase.project_id)
        phases.write({"project_id": project.id})
        return True
