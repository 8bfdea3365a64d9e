# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A scope confirmed "through the link" is the customer's own answer: only
the link's route records it; a user (button, RPC, import) records what the
customer answered otherwise."""
from odoo import _, api, models
from odoo.exceptions import UserError

# Only server code can put this object in a context (RPC cannot carry it).
CUSTOMER_CONFIRMATION_KEY = "b2b_scope_customer_confirmation"
_CUSTOMER_CONFIRMATION = object()


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.multi
    def action_confirm_scope(self, confirmed_by=False, via="other", date=False):
        if via == "link" and (
            self.env.context.get(CUSTOMER_CONFIRMATION_KEY)
            is not _CUSTOMER_CONFIRMATION
        ):
            raise UserError(
                _("Only the customer confirms the scope through the link; "
                  "record a confirmation received by email, in a meeting or "
                  "otherwise.")
            )
        return super().action_confirm_scope(
            confirmed_by=confirmed_by, via=via, date=date
        )

    def _confirm_scope_by_customer(self, name):
        """The customer confirms the scope through the link. For the
        link's route only."""
        return self.with_context(
            **{CUSTOMER_CONFIRMATION_KEY: _CUSTOMER_CONFIRMATION}
        ).action_confirm_scope(confirmed_by=name, via="link")
