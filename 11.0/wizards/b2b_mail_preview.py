# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import append_content_to_html, decode_smtp_header

from ..models.b2b_mail_preview_mixin import MAIL_PREVIEW


class B2bMailPreview(models.TransientModel):
    """The mail a step is about to send to the customer, as it will go out:
    recipients with their email, language, subject, body and attachments.

    "Send" runs the document's own sending step: the preview adds no way
    around its rules.
    """

    _name = "b2b.mail.preview"
    _description = "Preview of a Customer Mail"

    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Integer(string="Document", required=True, readonly=True)
    action = fields.Char(string="Sending Step", required=True, readonly=True)
    email_from = fields.Char(string="Sender", readonly=True)
    partner_ids = fields.Many2many(
        "res.partner", string="Recipients", readonly=True
    )
    email_to = fields.Char(string="Other Recipients", readonly=True)
    follower_ids = fields.Many2many(
        "res.partner", "b2b_mail_preview_follower_rel", "preview_id", "partner_id",
        string="Followers Notified", readonly=True,
        help="Followers of the document's discussions who get the message too, "
        "in Odoo or by email as each of them chose.",
    )
    lang = fields.Char(string="Language Code", readonly=True)
    lang_name = fields.Char(string="Language", readonly=True)
    subject = fields.Char(readonly=True)
    body_html = fields.Html(string="Message", readonly=True)
    attachment_names = fields.Text(string="Attachments", readonly=True)
    note = fields.Text(string="Before Sending", readonly=True)

    @api.multi
    def action_send(self):
        """Send through the document's own step, then close: the document's
        form reloads on its new state."""
        self.ensure_one()
        document = self._document()
        getattr(document, self.action)()
        return {"type": "ir.actions.act_window_close"}

    @api.model
    def _open_for(self, document, action):
        """Render the mail of ``document``'s step ``action`` and open it."""
        document.ensure_one()
        # Who cannot read the document sees none of its mail (the template
        # would fail on it with a less clear error).
        document.check_access_rights("read")
        document.check_access_rule("read")
        template = document._mail_preview_template(action)
        values = self._render(document, template)
        values.update(
            res_model=document._name, res_id=document.id, action=action,
            note="\n".join(self._notes(document, values)) or False,
            follower_ids=[(6, 0, self._followers_notified(document, values).ids)],
        )
        preview = self.create(values)
        return {
            "type": "ir.actions.act_window",
            "name": _("Preview of the Mail"),
            "res_model": self._name,
            "res_id": preview.id,
            "view_mode": "form",
            "views": [(self.env.ref(
                "b2b_sales_delivery.b2b_mail_preview_view_form").id, "form")],
            "target": "new",
        }

    @api.model
    def _render(self, document, template):
        """The mail as the template renders it for ``document``, in the
        recipient's language (as ``mail.template.generate_email`` does, but
        naming the attachments instead of printing them)."""
        res_id = document.id
        template = template.with_context(
            b2b_mail_preview=MAIL_PREVIEW
        ).get_email_template(res_id)

        def render(field, **kwargs):
            return template.with_context(safe=field == "subject").render_template(
                template[field], template.model, [res_id], **kwargs
            )[res_id]

        recipients = template.generate_recipients(
            {res_id: {name: render(name) for name in
                      ("partner_to", "email_to", "email_cc")}},
            [res_id],
        )[res_id]
        body = render("body_html", post_process=True)
        if template.user_signature and self.env.user.signature:
            body = append_content_to_html(
                body, self.env.user.signature, plaintext=False
            )
        lang = template.env.context.get("lang") or "en_US"
        return {
            # as people read it (the header encodes names outside ASCII)
            "email_from": decode_smtp_header(render("email_from")),
            "partner_ids": [(6, 0, recipients.get("partner_ids", []))],
            "email_to": ", ".join(
                filter(None, (recipients.get("email_to"), recipients.get("email_cc")))
            ) or False,
            "lang": lang,
            "lang_name": self.env["res.lang"]._lang_get(lang).name or lang,
            "subject": render("subject"),
            "body_html": body,
            "attachment_names": "\n".join(
                self._attachment_names(template, res_id)
            ) or False,
        }

    @api.model
    def _followers_notified(self, document, values):
        """Who else gets the message the step posts: the followers of the
        document's discussions, but the recipients and the sender (Odoo
        does not notify a message's author)."""
        discussions = self.env.ref("mail.mt_comment")
        followers = document.sudo().message_follower_ids.filtered(
            lambda follower: discussions in follower.subtype_ids
        ).mapped("partner_id")
        recipients = self.env["res.partner"].browse(values["partner_ids"][0][2])
        return followers - recipients - self.env.user.partner_id

    @api.model
    def _attachment_names(self, template, res_id):
        """The file names the mail will carry: the printed document, then
        the template's own attachments."""
        names = []
        report = template.report_template
        if report:
            name = template.render_template(
                template.report_name, template.model, [res_id]
            )[res_id] or "report." + report.report_name
            ext = ".html" if report.report_type == "qweb-html" else ".pdf"
            names.append(name if name.endswith(ext) else name + ext)
        return names + template.attachment_ids.mapped("name")

    @api.model
    def _notes(self, document, values):
        """Recipients the mail cannot reach, then the document's notes."""
        notes = [
            _("%s has no email address: the mail cannot reach them.")
            % partner.display_name
            for partner in self.env["res.partner"].browse(values["partner_ids"][0][2])
            if not partner.email
        ]
        if not values["partner_ids"][0][2] and not values["email_to"]:
            notes.append(_("The mail has no recipient."))
        return notes + document._mail_preview_notes()

    def _document(self):
        """The previewed document, as the current user sees it; only a
        sending step its model names is called."""
        self.ensure_one()
        if self.res_model not in self.env:
            raise UserError(_("Unknown document model: %s") % self.res_model)
        Document = self.env[self.res_model]
        if not hasattr(type(Document), "_mail_preview_template"):
            raise UserError(
                _("%s is not a step that mails the customer.") % self.action
            )
        Document._mail_preview_template(self.action)
        document = Document.browse(self.res_id).exists()
        if not document:
            raise UserError(_("The document of this mail no longer exists."))
        return document
