# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A project manager records the customer's answer received outside the
link: accepted by email (the customer's mail as received) or on signed paper,
or rejected with a reason. The wizard ends in the minutes' own steps."""

from odoo import api, fields, models

from .b2b_acceptance import RECORDED_CHANNELS


class B2bAcceptanceAnswerWizard(models.TransientModel):
    _name = "b2b.acceptance.answer.wizard"
    _description = "Record the Customer's Answer to Acceptance Minutes"

    acceptance_id = fields.Many2one("b2b.acceptance", required=True, ondelete="cascade")
    answer = fields.Selection(
        [("accept", "Accepted"), ("reject", "Rejected")],
        required=True,
        default="accept",
    )
    accepted_via = fields.Selection(
        [
            (key, label)
            for key, label in [("email", "Email"), ("paper", "Signed Paper Copy")]
            if key in RECORDED_CHANNELS
        ],
        string="Received By",
        default="email",
    )
    message_id = fields.Many2one(
        "mail.message",
        string="Customer's Mail",
        domain="[('model', '=', 'b2b.acceptance'), ('res_id', '=', acceptance_id), "
        "('message_type', '=', 'email')]",
        help="The customer's mail accepting the minutes, as received on the "
        "minutes' thread.",
    )
    accepted_by = fields.Char(string="Accepted By")
    reason = fields.Text()

    @api.onchange("acceptance_id", "accepted_via")
    def _onchange_accepted_via(self):
        if self.acceptance_id and self.accepted_via == "email" and not self.message_id:
            self.message_id = self.acceptance_id._b2b_customer_mail()

    def action_confirm(self):
        self.ensure_one()
        acceptance = self.acceptance_id
        if self.answer == "reject":
            acceptance.action_reject(reason=self.reason)
        else:
            acceptance.action_accept(
                accepted_by=self.accepted_by or None,
                accepted_via=self.accepted_via,
                message_id=self.message_id.id or None,
            )
        return {"type": "ir.actions.act_window_close"}
