# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Gapless numbers (the journals': invoices, payments, entries) taken in turn.

Odoo locks a gapless sequence with NOWAIT until the end of the transaction:
a second invoice or payment numbered in the same journal meanwhile is
refused, retried five times, and then the user gets the error. Two waits
replace the refusal:

- the steps that number (validating an invoice, posting a payment or an
  entry, registering payments) first wait for the other numbering
  transactions, before they read anything: their snapshot then sees the
  numbers taken before them (PostgreSQL's repeatable read would otherwise
  refuse the update of a number another transaction changed meanwhile);
- a gapless number taken on any other road waits for the sequence's row.
"""
from odoo import api, models


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    @api.model
    def _b2b_number_in_turn(self):
        """Wait for the transactions taking gapless numbers to end. A table
        lock takes no snapshot: first in a transaction, the snapshot comes
        after the wait. The mode conflicts only with itself (and vacuum),
        never with reading or writing sequences."""
        self.env.cr.execute("LOCK TABLE ir_sequence IN SHARE UPDATE EXCLUSIVE MODE")
        return True

    def _next(self):
        if self.implementation == "no_gap":
            self.env.cr.execute(
                "SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", (self.id,)
            )
        return super()._next()
