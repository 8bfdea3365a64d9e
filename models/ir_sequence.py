# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    def _next(self):
        """A gapless number waits its turn.

        Odoo locks a gapless sequence (the journals': invoices, payments,
        entries) with NOWAIT until the end of the transaction: a second
        invoice or payment numbered in the same journal meanwhile is
        refused, and after five retries the user gets the error. Locking the
        sequence first, waiting, makes the numbers of one journal taken in
        turn; they stay gapless.
        """
        if self.implementation == "no_gap":
            self.env.cr.execute(
                "SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", (self.id,)
            )
        return super()._next()
