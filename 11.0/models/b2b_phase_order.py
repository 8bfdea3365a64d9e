# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A phase planned with the deal: on the quotation, before any project."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class B2bPhaseOrder(models.Model):
    """The order side of a phase: planned on the quotation with its
    deliverables and duration, carried into the delivery project (the same
    record) when the project is created."""

    _inherit = "b2b.phase"

    order_id = fields.Many2one(
        "sale.order", string="Order", index=True, ondelete="cascade",
        track_visibility="onchange",
        help="The order whose deal planned the phase; its installments may "
        "be triggered by the phase.",
    )
    project_id = fields.Many2one(
        required=False,
        help="Set when the order's delivery project is created.",
    )
    company_id = fields.Many2one(
        "res.company", related=None, compute="_compute_company_id", store=True,
        readonly=True,
    )
    deliverables = fields.Text(help="What the customer receives and accepts.")
    planned_days = fields.Integer(
        string="Planned Duration (days)",
        help="Calendar days planned for the phase.",
    )

    _sql_constraints = [
        (
            "planned_days_positive",
            "CHECK(planned_days >= 0)",
            "The planned duration of a phase cannot be negative.",
        ),
        (
            "order_or_project",
            "CHECK(order_id IS NOT NULL OR project_id IS NOT NULL)",
            "A phase belongs to an order or to a project.",
        ),
    ]

    @api.depends("project_id.company_id", "order_id.company_id")
    def _compute_company_id(self):
        for phase in self:
            phase.company_id = phase.project_id.company_id or phase.order_id.company_id

    @api.constrains("order_id", "project_id")
    def _check_order_id(self):
        for phase in self.sudo():
            project_order = phase.project_id.sale_order_id
            if project_order and phase.order_id != project_order:
                raise ValidationError(
                    _("The phase %(phase)s belongs to the project of order "
                      "%(project_order)s: it cannot be a phase of %(order)s.")
                    % {"phase": phase.name, "project_order": project_order.name,
                       "order": phase.order_id.name or _("no order")}
                )
            others = phase.payment_plan_line_ids.filtered(
                lambda line: line.order_id != phase.order_id
            )
            if others:
                raise ValidationError(
                    _("The phase %(phase)s triggers installments of order "
                      "%(order)s: it stays a phase of that order.")
                    % {"phase": phase.name, "order": others[0].order_id.name}
                )

    @api.model
    def create(self, vals):
        if vals.get("project_id") and not vals.get("order_id"):
            project = self.env["project.project"].browse(vals["project_id"])
            vals = dict(vals, order_id=project.sudo().sale_order_id.id or False)
        return super().create(vals)
