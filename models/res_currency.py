# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The amounts in words of the addon's documents: Odoo's ``amount_to_text``
in the reader's language, with the đồng named as the addon's catalogue
names it (Odoo's Vietnamese catalogue leaves the unit "Dong")."""

from odoo import models


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def _b2b_amount_in_words(self, amount):
        """``amount`` in words for the addon's documents (in the language of
        the context); Odoo's own documents keep ``amount_to_text``. A
        negative amount says "minus" in the reader's language (num2words
        reads -15 as "năm" in Vietnamese); what is not a number is refused."""
        self.ensure_one()
        if isinstance(amount, bool) or not isinstance(amount, (int, float)):
            raise TypeError(
                self.env._("An amount in words needs a number, not %(value)r.", value=amount)
            )
        if self.compare_amounts(amount, 0) < 0:
            return self.env._("Minus %(amount)s", amount=self._b2b_amount_in_words(-amount))
        words = self.amount_to_text(abs(amount))
        if self.name != "VND" or not self.currency_unit_label:
            return words
        # Only the unit's last occurrence: the unit ends the words.
        head, unit, tail = words.rpartition(self.currency_unit_label)
        return head + self.env._("Dong") + tail if unit else words
