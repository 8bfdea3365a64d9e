# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.confirmation_link import (
    MAX_NAME_LENGTH,
    clean_text,
    expiry_after,
    new_token,
    record_id_of,
    signature_bytes,
    token_is_valid,
)
from .b2b_mail_preview_mixin import is_mail_preview

LINK_DAYS_PARAM = "b2b_sales_delivery.scope_link_days"
CONFIRMATION_CHANNELS = [
    ("link", "Confirmation link"),
    ("email", "Email"),
    ("meeting", "Meeting or call"),
    ("other", "Other"),
]


class B2bConfirmationLinkMixin(models.AbstractModel):
    """A document the customer answers through a link sent by mail: the one
    door of customers to the scope, change requests, acceptance minutes and
    payment plans.

    The link is a secret of 256 bits per document, compared in constant
    time, valid for the days set, revoked on demand and spent once the
    customer decided. The model names the fields that carry a link (token,
    expiry, sending date, state and the states where it opens) and writes
    them through ``_link_write``, its only way to them; the token fields are
    readable only by the users who may change the document. A model with two
    links (an order: its scope and its payment plan) names the second one in
    ``_link_kinds``. The link opens its document only: it grants no other
    right.
    """

    _name = "b2b.confirmation.link.mixin"
    _description = "Customer Confirmation Link"
    _inherit = "b2b.mail.preview.mixin"

    _link_token_field = "access_token"
    _link_expiry_field = "token_expiry"
    _link_date_sent_field = "date_sent"
    _link_state_field = "state"
    # States where the link opens the document (the customer may answer).
    _link_open_states = ("sent",)
    # Other links of the model: {kind: {"token":, "expiry":, "date_sent":,
    # "state":, "open_states":}}; a kind without a state opens while valid.
    _link_kinds = {}

    @api.model
    def _link_field_names(self):
        """The fields of every link of the model (token and expiry)."""
        specs = [self._link_spec()] + list(self._link_kinds.values())
        return {spec[key] for spec in specs for key in ("token", "expiry")}

    @api.model
    def create(self, vals):
        # A link is made by its steps only: a token chosen by a caller would
        # open the document to whoever knows it.
        forged = self._link_field_names().intersection(
            key for key, value in vals.items() if value
        )
        if forged:
            raise UserError(
                _("The customer link of a document is made only by its steps "
                  "(send, get the link): %s cannot be given.")
                % ", ".join(sorted(forged))
            )
        return super().create(vals)

    def _link_write(self, vals):
        raise NotImplementedError()

    @api.model
    def _link_spec(self, kind=None):
        if kind:
            return self._link_kinds[kind]
        return {
            "token": self._link_token_field,
            "expiry": self._link_expiry_field,
            "date_sent": self._link_date_sent_field,
            "state": self._link_state_field,
            "open_states": self._link_open_states,
        }

    @api.model
    def _check_channel(self, via):
        """Refuse a confirmation channel that is not one of the codes."""
        if not isinstance(via, str) or via not in dict(CONFIRMATION_CHANNELS):
            raise UserError(_("Unknown confirmation channel: %s") % (via,))
        return True

    @api.model
    def _check_customer_name(self, name, label=None):
        """The customer's name as typed, checked: text of at most
        MAX_NAME_LENGTH characters; ``False`` when empty."""
        if name in (None, False, ""):
            return False
        cleaned = clean_text(name, MAX_NAME_LENGTH)
        if cleaned is None:
            raise ValidationError(
                _("%(what)s must be a text of at most %(max)s characters.")
                % {"what": label or _("The name"), "max": MAX_NAME_LENGTH}
            )
        return cleaned

    @api.model
    def _check_signature(self, signature):
        """The base64 signature, checked: a PNG or JPEG image under the
        size limit; ``False`` when there is none."""
        if not signature:
            return False
        if signature_bytes(signature) is None:
            raise ValidationError(
                _("The signature must be a PNG or JPEG image of at most "
                  "512 KB.")
            )
        if isinstance(signature, bytes):
            signature = signature.decode("ascii")
        if signature.startswith("data:"):
            signature = signature.split(",", 1)[1]
        return signature

    def _check_link_manager(self):
        """Only who may change the document sees or manages its link."""
        self.check_access_rights("write")
        self.check_access_rule("write")

    @api.model
    def _link_days(self):
        """Days a link stays valid (0: no expiry), set in the settings."""
        value = self.env["ir.config_parameter"].sudo().get_param(LINK_DAYS_PARAM, "30")
        try:
            return int(value)
        except ValueError:
            return 30

    def _issue_link(self, kind=None, state=None):
        """Give each document a valid link (keep a valid one), optionally
        moving it to ``state``; return True."""
        self._check_link_manager()
        spec = self._link_spec(kind)
        now = fields.Datetime.now()
        for record in self:
            current = record.sudo()
            vals = {}
            if state:
                vals[spec["state"]] = state
            if not current[spec["token"]] or (
                current[spec["expiry"]] and current[spec["expiry"]] <= now
            ):
                vals[spec["token"]] = new_token()
            vals[spec["expiry"]] = expiry_after(now, self._link_days())
            if state and spec.get("date_sent"):
                vals[spec["date_sent"]] = now
            record._link_write(vals)
        return True

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
            record._issue_link(state="sent")
            record.message_post_with_template(template.id)
        return True

    def _revoke_link(self, kind=None):
        """A new token: the link already sent shows nothing any more."""
        self._check_link_manager()
        spec = self._link_spec(kind)
        for record in self:
            record._link_write({spec["token"]: new_token()})
            record.message_post(body=_("The confirmation link was revoked."))
        return True

    def _link_url(self, path, kind=None):
        self.ensure_one()
        token = self.sudo()[self._link_spec(kind)["token"]]
        if not token:
            # A mail rendered for its preview: the link is made on sending.
            return "#" if is_mail_preview(self.env) else False
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        return "%s/%s/%s/%s" % (base_url, path.strip("/"), self.id, token)

    def _has_valid_link(self, kind=None):
        self.ensure_one()
        spec = self._link_spec(kind)
        record = self.sudo()
        return bool(record[spec["token"]]) and (
            not record[spec["expiry"]]
            or record[spec["expiry"]] > fields.Datetime.now()
        )

    def _mail_preview_notes(self):
        notes = super()._mail_preview_notes()
        if not self._has_valid_link():
            notes.append(
                _("The customer's link is made when the mail is sent: the "
                  "button in the mail opens it.")
            )
        return notes

    @api.model
    def _b2b_links_shown_to_user(self):
        """Whether the current user may open customers' links: the public
        user and portal users, never an employee (server code, running as
        the superuser, finds the documents of a link)."""
        user = self.env.user
        return self.env.uid == SUPERUSER_ID or not user.has_group("base.group_user")

    @api.model
    def _find_by_link_token(self, record_id, token, kind=None):
        """The document (as superuser) whose link is ``record_id`` and
        ``token``, in a state where the link opens and still valid; an
        empty recordset otherwise, whatever was given."""
        spec = self._link_spec(kind)
        record_id = record_id_of(record_id)
        if record_id is None or not isinstance(token, str):
            return self.sudo().browse()
        if not self._b2b_links_shown_to_user():
            # A customer's link is void for an employee, whoever gave it.
            return self.sudo().browse()
        record = self.sudo().browse(record_id).exists()
        if not record:
            return record
        if spec.get("state") and record[spec["state"]] not in spec["open_states"]:
            return self.sudo().browse()
        if not token_is_valid(
            record[spec["token"]], token, record[spec["expiry"]],
            fields.Datetime.now(),
        ):
            return self.sudo().browse()
        return record
