# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One requirement of the scope agreed with the customer on an order: what
is delivered. Locked once the customer confirmed the order's scope."""

from odoo import api, fields, models

SCOPE_CATEGORIES = [
    ("brief", "Brief"),
    ("ui", "User Interface"),
    ("script", "Script"),
    ("format", "Format"),
    ("timeline", "Timeline"),
    ("other", "Other"),
]


class B2bScopeItem(models.Model):
    _name = "b2b.scope.item"
    _description = "Scope Item"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        SCOPE_CATEGORIES, required=True, default="brief", index=True
    )
    name = fields.Char(string="Requirement", required=True)
    description = fields.Text()
    date = fields.Date(string="Due Date", help="When the customer expects it.")
    company_id = fields.Many2one(
        related="order_id.company_id", string="Company", store=True, index=True
    )
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    scope_state = fields.Selection(related="order_id.scope_state")

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals.get("order_id") for vals in vals_list if vals.get("order_id")}
        )
        orders._check_scope_editable()
        items = super().create(vals_list)
        items.order_id._b2b_scope_changed()
        return items

    def write(self, vals):
        orders = self.order_id
        if vals.get("order_id"):
            orders |= self.env["sale.order"].browse(vals["order_id"])
        orders._check_scope_editable()
        result = super().write(vals)
        orders._b2b_scope_changed()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed_scope(self):
        self.order_id._check_scope_editable()

    def unlink(self):
        orders = self.order_id
        result = super().unlink()
        orders.exists()._b2b_scope_changed()
        return result
