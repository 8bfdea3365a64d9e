# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buttons of the web client on steps that take arguments over RPC.

Odoo 11's web client calls a button's method with the context as its last
positional argument; Odoo takes it out only when the method has no room
for it. A step with optional arguments (the signing date, who accepts, the
reason) would receive the context as its first argument: its button calls
one of these methods instead, which take none and do the step with what the
form holds."""
from odoo import api, models


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    @api.multi
    def button_sign(self):
        """Button Signed: signed today."""
        return self.action_sign()


class B2bAcceptance(models.Model):
    _inherit = "b2b.acceptance"

    @api.multi
    def button_accept(self):
        """Button Record Acceptance: who accepted and how, from the form."""
        return self.action_accept()

    @api.multi
    def button_reject(self):
        """Button Record Rejection: the reason from the form."""
        return self.action_reject()


class B2bChangeRequest(models.Model):
    _inherit = "b2b.change.request"

    @api.multi
    def button_approve(self):
        """Button Approved: the customer's approval received otherwise."""
        return self.action_approve()

    @api.multi
    def button_reject(self):
        """Button Rejected: the customer's refusal received otherwise."""
        return self.action_reject()
