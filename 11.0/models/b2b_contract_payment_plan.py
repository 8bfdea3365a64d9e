# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract's signature releases the advance of its orders' plans."""
from odoo import api, models


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    @api.multi
    def action_sign(self, date_signed=None):
        """Signing triggers the installments "contract signed" (the advance)
        of the contract's confirmed orders."""
        result = super().action_sign(date_signed=date_signed)
        self.mapped("sale_order_ids")._release_payment_plan()
        return result
