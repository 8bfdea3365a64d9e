# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.multi
    def post(self):
        """Entries take their gapless numbers in turn (ir.sequence)."""
        self.env["ir.sequence"]._b2b_number_in_turn()
        return super().post()
