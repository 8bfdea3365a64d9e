# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's buying committee on its quotation: who decides, what
each member aims at and which benefits they expect, read where the
salesperson writes the offer (the committee is kept on the opportunity)."""

from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_stakeholder_ids = fields.One2many(
        related="opportunity_id.stakeholder_ids",
        string="Buying Committee",
        groups="b2b_sales_delivery.group_b2b_user",
        help="The buying committee of the opportunity, with each member's goals "
        "and expected benefits: the offer answers them.",
    )
