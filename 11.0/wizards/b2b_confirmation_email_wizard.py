# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..utils.display import user_datetime


class B2bConfirmationEmailWizard(models.TransientModel):
    """Record a customer's confirmation received by email, keeping the mail.

    Confirms the scope of an order, or approves a change request, with who
    confirmed and when; the mail (pasted, attached, or picked among the
    messages of the document) stays in the document's chatter.
    """

    _name = "b2b.confirmation.email.wizard"
    _description = "Record a Confirmation Received by Email"

    order_id = fields.Many2one("sale.order", string="Order", ondelete="cascade")
    change_request_id = fields.Many2one(
        "b2b.change.request", string="Change Request", ondelete="cascade"
    )
    confirmed_by = fields.Char(string="Confirmed by", required=True)
    date_confirmed = fields.Datetime(
        string="Received on", required=True, default=fields.Datetime.now
    )
    message_id = fields.Many2one(
        "mail.message", string="Mail in the Chatter",
        help="The customer's reply, when it already reached the chatter.",
    )
    body = fields.Html(string="Mail", help="Paste the customer's mail here.")
    attachment_ids = fields.Many2many(
        "ir.attachment", "b2b_confirmation_email_wizard_attachment_rel",
        "wizard_id", "attachment_id", string="Attachments",
        help="The mail itself (.eml) or its attachments.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        document = self._document_from(values)
        if document and "confirmed_by" in fields_list and not values.get(
            "confirmed_by"
        ):
            values["confirmed_by"] = document.partner_id.name
        return values

    def _document_from(self, values):
        if values.get("change_request_id"):
            return self.env["b2b.change.request"].browse(values["change_request_id"])
        if values.get("order_id"):
            return self.env["sale.order"].browse(values["order_id"])
        return None

    def _document(self):
        self.ensure_one()
        return self.change_request_id or self.order_id

    @api.multi
    def action_record(self):
        self.ensure_one()
        document = self._document()
        if not document:
            raise UserError(_("Choose the order or the change request confirmed."))
        if self.message_id and (
            self.message_id.model != document._name
            or self.message_id.res_id != document.id
        ):
            raise UserError(_("The mail chosen belongs to another document."))
        has_body = bool(html2plaintext(self.body or "").strip())
        if not (self.message_id or has_body or self.attachment_ids):
            raise UserError(
                _("Keep the customer's mail: paste it, attach it or pick it in "
                  "the chatter.")
            )
        self._post_mail(document, has_body)
        if self.change_request_id:
            self.change_request_id.action_approve(
                approved_by=self.confirmed_by, via="email"
            )
        else:
            # The mail attached (.eml or its scan) is the customer's word
            # kept; else their mail received in the chatter.
            kept = self.attachment_ids[:1]
            self.order_id.action_confirm_scope(
                confirmed_by=self.confirmed_by, via="email",
                date=self.date_confirmed, signed_copy=kept.datas or False,
                signed_copy_name=kept.datas_fname or kept.name or False,
            )
        return {"type": "ir.actions.act_window_close"}

    def _post_mail(self, document, has_body):
        header = _("Confirmation received by email from %(who)s on %(date)s.") % {
            "who": self.confirmed_by,
            "date": user_datetime(self, self.date_confirmed),
        }
        body = "<p>%s</p>" % header
        if has_body:
            body += "<blockquote>%s</blockquote>" % self.body
        self.attachment_ids.write({"res_model": document._name, "res_id": document.id})
        return document.message_post(
            body=body,
            message_type="comment",
            subtype="mail.mt_note",
            parent_id=self.message_id.id,
            attachment_ids=self.attachment_ids.ids,
        )
