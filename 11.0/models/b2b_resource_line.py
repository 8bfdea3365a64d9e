# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

RESOURCE_CATEGORIES = [
    ("people", "People and Team"),
    ("documents", "Documents, Script, Requirements, Brief"),
    ("budget", "Budget"),
    ("venue_equipment", "Venue and Equipment"),
    ("other", "Other"),
]


class B2bResourceLine(models.Model):
    """A resource the delivery needs, with who prepares it and whether it is
    ready."""

    _name = "b2b.resource.line"
    _description = "Delivery Resource"
    _inherit = ["b2b.delivery.mixin"]
    _order = "project_id, sequence, category, id"

    sequence = fields.Integer(default=10)
    category = fields.Selection(
        RESOURCE_CATEGORIES, required=True, default="people", index=True
    )
    name = fields.Char(string="Resource", required=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user,
        index=True,
    )
    is_ready = fields.Boolean(string="Ready", default=False, index=True)
    date_needed = fields.Date(string="Needed by")
    note = fields.Text()
