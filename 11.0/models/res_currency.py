# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..utils.amount_words import amount_to_words_vi


class ResCurrency(models.Model):
    _inherit = "res.currency"

    @api.multi
    def b2b_amount_to_words(self, amount):
        """The amount in words in the language of the context, for documents:
        đồng in Vietnamese read the way Vietnamese invoices write them (Odoo's
        ``amount_to_text`` has no such rule), anything else as Odoo reads it."""
        self.ensure_one()
        lang = self.env.context.get("lang") or self.env.user.lang or ""
        if self.name == "VND" and lang.startswith("vi"):
            return amount_to_words_vi(amount)
        return self.amount_to_text(amount)
