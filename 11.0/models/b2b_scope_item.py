# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import plaintext2html

SCOPE_CATEGORIES = [
    ("brief", "Brief"),
    ("ui", "User Interface"),
    ("script", "Script"),
    ("format", "Format"),
    ("timeline", "Timeline"),
    ("other", "Other"),
]


class B2bScopeItem(models.Model):
    """One requirement of the scope agreed with the customer on an order.

    Once the customer has confirmed the scope of the order, its items are
    locked: only an approved change request changes what is delivered.
    """

    _name = "b2b.scope.item"
    _description = "Scope Item"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        SCOPE_CATEGORIES, required=True, default="brief", index=True
    )
    name = fields.Char(string="Requirement", required=True)
    description = fields.Text()
    date_deadline = fields.Date(string="Due Date")
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, readonly=True
    )
    company_id = fields.Many2one(
        related="order_id.company_id", string="Company", store=True, readonly=True
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", readonly=True
    )

    @api.model
    def create(self, vals):
        order = self.env["sale.order"].browse(vals.get("order_id"))
        order._check_scope_editable()
        item = super().create(vals)
        item.order_id._reset_scope_sent()
        return item

    @api.multi
    def write(self, vals):
        orders = self.mapped("order_id")
        if "order_id" in vals:
            orders |= self.env["sale.order"].browse(vals["order_id"])
        orders._check_scope_editable()
        result = super().write(vals)
        orders._reset_scope_sent()
        return result

    @api.multi
    def unlink(self):
        orders = self.mapped("order_id")
        orders._check_scope_editable()
        result = super().unlink()
        orders.exists()._reset_scope_sent()
        return result

    def _prepare_task_values(self, project):
        """Values of the starting task of the delivery project for the item."""
        self.ensure_one()
        description = self.description or ""
        # the team reads the tasks in the company's language (its
        # partner's), else in the language of whoever creates the project
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        lang = project.company_id.sudo().partner_id.lang
        item = self.with_context(lang=lang) if lang in installed else self
        return {
            "name": "%s: %s" % (
                item._fields["category"].convert_to_export(item.category, item),
                self.name),
            "description": plaintext2html(description) if description else False,
            "date_deadline": self.date_deadline,
            "project_id": project.id,
            "partner_id": self.order_id.partner_id.id,
            "sequence": self.sequence,
        }
