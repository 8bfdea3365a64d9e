# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Acceptance by the customer only: the minutes go to a contact of the
customer (never to an employee), each sending issues a new link (a link
taken from the draft is void), the minutes sent no longer change, and an
acceptance recorded by email rests on a mail received from the customer
(by the mail gateway), never on a message an employee posted."""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import UserError

from .b2b_acceptance import _is_chatter_only

# What the customer was sent: fixed from the sending to the answer.
SENT_LOCKED_FIELDS = {
    "phase_id", "partner_id", "signatory_id", "item_ids", "reservations", "name",
}


def _is_employee(partner):
    """Whether the partner is the partner of an internal user."""
    return any(
        user.has_group("base.group_user")
        for user in partner.sudo().with_context(active_test=False).user_ids
    )


class B2bAcceptance(models.Model):
    _inherit = "b2b.acceptance"

    @api.multi
    def write(self, vals):
        if not _is_chatter_only(vals) and not self._is_step_write():
            locked = SENT_LOCKED_FIELDS.intersection(vals)
            if locked:
                self._b2b_check_not_sent()
        return super().write(vals)

    def _b2b_check_not_sent(self):
        sent = self.filtered(lambda a: a.state == "sent")
        if sent:
            raise UserError(
                _("The minutes %s were sent to the customer: their phase, "
                  "customer, signatory and items can no longer change. Record "
                  "the customer's rejection, correct them and send them "
                  "again.") % sent[0].name
            )
        return True

    @api.multi
    def action_send(self):
        """Each sending issues a new link, to a contact of the customer."""
        for acceptance in self:
            acceptance._b2b_check_recipient()
            if acceptance.state in ("draft", "sent"):
                # A link taken before (from the draft, an earlier mail) is
                # void: the customer answers through the one just sent.
                acceptance._link_write({"access_token": False, "token_expiry": False})
        return super().action_send()

    def _b2b_customer(self):
        """The customer of the minutes: the order's (or the project's)."""
        self.ensure_one()
        order = self.sudo().order_id
        partner = order.partner_id or self.sudo().project_id.partner_id
        return (partner or self.partner_id).commercial_partner_id

    def _b2b_check_recipient(self):
        """The minutes go to the customer: their customer and signatory are
        contacts of the order's customer, and none is an employee."""
        self.ensure_one()
        customer = self._b2b_customer()
        for partner in (self.partner_id | self.signatory_id).sudo():
            if _is_employee(partner) or (
                partner.commercial_partner_id != customer
            ):
                raise UserError(
                    _("The minutes %(name)s can only be sent to a contact of "
                      "the customer %(customer)s: %(partner)s is not one.")
                    % {"name": self.name, "customer": customer.display_name,
                       "partner": partner.display_name}
                )
        return True

    def _b2b_customer_mails(self):
        """The mails received from the customer on the minutes: created by
        the mail gateway (the superuser), from a contact of the customer or
        an address unknown to Odoo, never from an employee."""
        self.ensure_one()
        customer = self._b2b_customer()
        return self.sudo().message_ids.filtered(
            lambda m: m.message_type == "email"
            and m.create_uid.id == SUPERUSER_ID
            and not _is_employee(m.author_id)
            and (not m.author_id or m.author_id.commercial_partner_id == customer)
        )

    def _check_evidence(self, via):
        self.ensure_one()
        if self.signed_copy or via == "paper":
            return super()._check_evidence(via)
        if not self._b2b_customer_mails():
            raise UserError(
                _("Attach the customer's mail accepting %s (as the signed "
                  "copy), or receive their reply in the minutes' chatter, "
                  "before recording the acceptance. A message posted by an "
                  "employee is not the customer's mail.") % self.name
            )
        return True


class B2bAcceptanceItem(models.Model):
    _inherit = "b2b.acceptance.item"

    @api.model
    def create(self, vals):
        self.env["b2b.acceptance"].browse(vals.get("acceptance_id"))._b2b_check_not_sent()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("acceptance_id")._b2b_check_not_sent()
        if "acceptance_id" in vals:
            self.env["b2b.acceptance"].browse(vals["acceptance_id"])._b2b_check_not_sent()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("acceptance_id")._b2b_check_not_sent()
        return super().unlink()
