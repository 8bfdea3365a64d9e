# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's word: what the addon accepts as the customer speaking on a
document sent to them (acceptance minutes, a scope, a change request).

Two roads only: the customer's own link (the document's portal access token,
opened by the customer or by nobody logged in, never by an employee), or a
message of the customer's on the document's thread: a mail received by Odoo's
mail gateway (created by the superuser that routes incoming mail) or a
message the customer posted from the portal. A message an employee posted,
whatever author or type they gave it, is not the customer's word. Each document says who it was
sent to by ``_b2b_customer_partners``.
"""

from odoo import SUPERUSER_ID, models
from odoo.exceptions import AccessError


class B2bCustomerWordMixin(models.AbstractModel):
    _name = "b2b.customer.word.mixin"
    _description = "Customer's Word"

    def _b2b_customer_partners(self):
        """The partners the document was sent to: the only ones whose word
        counts. Documents override this."""
        raise NotImplementedError

    def _b2b_customer_speakers(self):
        """The partners who may speak for the customer: those the document
        was sent to, never a partner of an internal user."""
        self.ensure_one()
        partners = self.sudo()._b2b_customer_partners()
        internal = partners.user_ids.filtered(lambda user: user._is_internal())
        return partners - internal.partner_id

    def _b2b_check_customer_link_user(self):
        """Refuse a link opened by anyone but the customer: an internal user
        (even with the token), or a portal user who is not among the
        partners the document was sent to."""
        self.ensure_one()
        user = self.env.user
        if user._is_public():
            return True
        if user._is_internal() or user.partner_id not in self._b2b_customer_speakers():
            raise AccessError(
                self.env._(
                    "Only the customer this document was sent to can answer "
                    "through its link."
                )
            )
        return True

    def _b2b_customer_mail(self, message=None):
        """The customer's message on the document: ``message`` if it is one,
        else the latest; an empty recordset when there is none. Its author is
        one of the partners the document was sent to, and it was created
        either by the mail gateway (a received mail) or by that customer's own
        portal user (a reply from the portal)."""
        self.ensure_one()
        speakers = self._b2b_customer_speakers()
        domain = [
            ("model", "=", self._name),
            ("res_id", "=", self.id),
            ("message_type", "in", ("email", "comment")),
            ("author_id", "in", speakers.ids),
            "|",
            "&",
            ("message_type", "=", "email"),
            ("create_uid", "=", SUPERUSER_ID),
            ("create_uid.partner_id", "in", speakers.ids),
        ]
        if message:
            domain.append(("id", "=", message.id))
        return self.env["mail.message"].sudo().search(domain, order="id desc", limit=1)
