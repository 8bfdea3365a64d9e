# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils.confirmation_link import expiry_after, new_token, token_is_valid

LINK_DAYS_PARAM = "b2b_sales_delivery.scope_link_days"
CONFIRMATION_CHANNELS = [
    ("link", "Confirmation link"),
    ("email", "Email"),
    ("meeting", "Meeting or call"),
    ("other", "Other"),
]


class B2bConfirmationLinkMixin(models.AbstractModel):
    """A document the customer confirms through a link sent by mail.

    The model names the fields that carry the link (token, expiry, sending
    date, state) and writes them through ``_link_write``, its only way to
    them; this mixin sends, revokes and checks the link.
    """

    _name = "b2b.confirmation.link.mixin"
    _description = "Customer Confirmation Link"

    _link_token_field = "access_token"
    _link_expiry_field = "token_expiry"
    _link_date_sent_field = "date_sent"
    _link_state_field = "state"

    def _link_write(self, vals):
        raise NotImplementedError()

    @api.model
    def _check_channel(self, via):
        """Refuse a confirmation channel that is not one of the codes."""
        if via not in dict(CONFIRMATION_CHANNELS):
            raise UserError(_("Unknown confirmation channel: %s") % via)
        return True

    @api.model
    def _link_days(self):
        """Days a link stays valid (0: no expiry), set in the settings."""
        value = self.env["ir.config_parameter"].sudo().get_param(LINK_DAYS_PARAM, "30")
        try:
            return int(value)
        except ValueError:
            return 30

    def _send_link(self, template_xmlid):
        """Mail each customer the document with its link (a token kept
        from an earlier sending, or a new one), valid for the days set."""
        template = self.env.ref(template_xmlid)
        for record in self:
            if not record.partner_id.email:
                raise UserError(
                    _("The customer %s has no email address.")
                    % record.partner_id.display_name
                )
            now = fields.Datetime.now()
            record._link_write(
                {
                    self._link_state_field: "sent",
                    self._link_token_field: record.sudo()[self._link_token_field]
                    or new_token(),
                    self._link_expiry_field: expiry_after(now, self._link_days()),
                    self._link_date_sent_field: now,
                }
            )
            record.message_post_with_template(template.id)
        return True

    def _revoke_link(self):
        """A new token: the link already sent shows nothing any more."""
        for record in self:
            record._link_write({self._link_token_field: new_token()})
            record.message_post(body=_("The confirmation link was revoked."))
        return True

    @api.model
    def _find_by_link_token(self, record_id, token):
        """The document (as superuser) whose link is ``record_id`` and
        ``token``, sent and still valid; an empty recordset otherwise."""
        record = self.sudo().browse(record_id).exists()
        if not record or record[self._link_state_field] == "draft" or not (
            token_is_valid(
                record[self._link_token_field], token,
                record[self._link_expiry_field], fields.Datetime.now(),
            )
        ):
            return self.sudo().browse()
        return record
