# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sending the scope's or a change request's mail from Odoo's composer is
the step "sent": the template chosen decides, not a context key a caller
could send."""

from odoo import models

# {template xml id: (model, check before sending, step once sent)}
STEP_TEMPLATES = {
    "b2b_sales_delivery.mail_template_scope": (
        "sale.order",
        "_b2b_check_scope_sendable",
        "_b2b_scope_mail_sent",
    ),
    "b2b_sales_delivery.mail_template_change_request": (
        "b2b.change.request",
        "_b2b_check_sendable",
        "_b2b_mail_sent",
    ),
    "b2b_sales_delivery.mail_template_proposal": (
        "b2b.proposal",
        "_b2b_check_sendable",
        "_b2b_mail_sent",
    ),
}


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _b2b_step_records(self):
        """The (records, step method) whose step template each composer sends."""
        steps = []
        for composer in self.filtered(lambda c: c.template_id and not c.subtype_is_log):
            for xmlid, (model, check, done) in STEP_TEMPLATES.items():
                template = self.env.ref(xmlid, raise_if_not_found=False)
                if composer.model == model and composer.template_id == template:
                    records = self.env[model].browse(composer._evaluate_res_ids())
                    getattr(records, check)()
                    steps.append((records, done))
        return steps

    def _action_send_mail(self, auto_commit=False):
        steps = self._b2b_step_records()
        result = super()._action_send_mail(auto_commit=auto_commit)
        for records, done in steps:
            getattr(records, done)()
        return result
