# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buying committee's goals and expected benefits, where the proposal is
prepared: read from the order's opportunity."""
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_stakeholder_ids = fields.One2many(
        related="opportunity_id.stakeholder_ids", string="Buying Committee",
        readonly=True,
        help="The people of the customer taking part in the decision, their "
        "goals and the benefits they expect, from the opportunity.",
    )
