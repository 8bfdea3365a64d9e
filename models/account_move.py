# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.multi
    def post(self):
        self._b2b_wait_for_gapless_numbers()
        return super().post()

    def _b2b_wait_for_gapless_numbers(self):
        """Wait for the journals' gapless sequences before posting.

        A journal entry takes its number from a gapless sequence, which Odoo
        locks with NOWAIT until the end of the transaction: a second invoice
        or payment posted in the same journal meanwhile is refused, and after
        five retries the user gets the error. Locking the sequences here, in
        the order of their ids and waiting, makes the posts of one journal
        take their turn; the number stays gapless.
        """
        journals = self.sudo().mapped("journal_id")
        sequences = journals.mapped("sequence_id") | journals.mapped(
            "refund_sequence_id"
        )
        gapless = sequences.filtered(lambda seq: seq.implementation == "no_gap")
        if gapless:
            self.env.cr.execute(
                "SELECT id FROM ir_sequence WHERE id IN %s ORDER BY id FOR UPDATE",
                (tuple(gapless.ids),),
            )
        return True
