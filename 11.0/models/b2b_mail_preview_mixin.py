# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError

# Only server code can put this object in a context (RPC cannot carry it):
# the mail is rendered for the preview, not sent; a link not made yet shows
# as a placeholder instead of being made by the rendering.
MAIL_PREVIEW = object()


def is_mail_preview(env):
    """Whether ``env`` renders a mail for its preview."""
    return env.context.get("b2b_mail_preview") is MAIL_PREVIEW


class B2bMailPreviewMixin(models.AbstractModel):
    """A document whose customer mails are seen before they go out.

    The model names its sending steps in ``_mail_preview_actions``: the
    public method that sends, and the template it mails. Its buttons open
    the preview (``_b2b_mail_preview``), whose "Send" calls that method, so
    the step's rules stay in the step.
    """

    _name = "b2b.mail.preview.mixin"
    _description = "Mail Previewed before Sending"

    # {public sending method: xml id of the mail template it sends}
    _mail_preview_actions = {}

    @api.model
    def _mail_preview_template(self, action):
        """The template the step ``action`` mails; refuses any other name."""
        xmlid = self._mail_preview_actions.get(action)
        if not xmlid or action.startswith("_"):
            raise UserError(
                _("%s is not a step that mails the customer.") % (action,)
            )
        return self.env.ref(xmlid)

    def _b2b_mail_preview(self, action):
        """Open the preview of the mail that ``action`` sends."""
        self.ensure_one()
        return self.env["b2b.mail.preview"]._open_for(self, action)

    def _mail_preview_notes(self):
        """What the sender should know before sending (a list of texts)."""
        self.ensure_one()
        return []
