# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's composer opened by the minutes' "Send by Email": sending it is the
minutes' send step (``b2b.acceptance._send_step``), then the mail."""

from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        if self.env.context.get("b2b_acceptance_send"):
            for wizard in self.filtered(
                lambda wizard: wizard.model == "b2b.acceptance"
                and wizard.composition_mode == "comment"
            ):
                wizard._b2b_send_acceptances()
        return super()._action_send_mail(auto_commit=auto_commit)

    def _b2b_send_acceptances(self):
        """The step first: the minutes get their new link, issued to their
        contact; the body rendered when the composer opened carries the
        draft's link, replaced by the new one."""
        self.ensure_one()
        acceptances = self.env["b2b.acceptance"].browse(self._evaluate_res_ids())
        draft_tokens = {
            acceptance.id: acceptance.sudo().access_token for acceptance in acceptances
        }
        acceptances._send_step()
        body = self.body or ""
        for acceptance in acceptances:
            old = draft_tokens[acceptance.id]
            if old:
                body = body.replace(old, acceptance.sudo().access_token)
        self.body = body
        self.partner_ids |= acceptances.sent_to_id
        return True
