# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A quotation's phases change with the quotation: whoever may not change
the quotation (another team's salesperson, a salesperson who sees only their
own documents) may not add, change, move or delete its phases either. Once
the order is confirmed, the phases are the delivery project's and its
project rights govern them."""

from odoo import api, models

QUOTATION_STATES = ("draft", "sent")


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    def _check_quotation_access(self):
        """Write access to the quotations of these phases, as the caller."""
        if self.env.su:
            return True
        quotations = self.sudo().order_id.filtered(
            lambda order: order.state in QUOTATION_STATES
        )
        if quotations:
            quotations.with_env(self.env).check_access("write")
        return True

    @api.model_create_multi
    def create(self, vals_list):
        phases = super().create(vals_list)
        phases._check_quotation_access()
        return phases

    def write(self, vals):
        self._check_quotation_access()
        result = super().write(vals)
        if "order_id" in vals:
            self._check_quotation_access()
        return result

    def unlink(self):
        self._check_quotation_access()
        return super().unlink()
