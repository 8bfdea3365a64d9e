# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer decides a change request: through its link, or as recorded
by a salesperson who may change it (never an accountant or a project user),
and only once it was sent to the customer."""
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

# Only the link's route decides in the customer's name: its pass is this
# very object, which no RPC call can carry.
CUSTOMER_DECISION_KEY = "b2b_change_customer_decision"
_CUSTOMER_DECISION = object()


class B2bChangeRequest(models.Model):
    _inherit = "b2b.change.request"

    @api.multi
    def action_approve(self, approved_by=False, via="other"):
        self._b2b_check_decision(via)
        return super().action_approve(approved_by=approved_by, via=via)

    @api.multi
    def action_reject(self, rejected_by=False, via="other"):
        self._b2b_check_decision(via)
        return super().action_reject(rejected_by=rejected_by, via=via)

    def _b2b_decide_by_customer(self, decision, name):
        """The customer's answer through the link (the route's only way)."""
        self.ensure_one()
        change = self.with_context(**{CUSTOMER_DECISION_KEY: _CUSTOMER_DECISION})
        if decision == "approve":
            return change.action_approve(approved_by=name, via="link")
        return change.action_reject(rejected_by=name, via="link")

    def _b2b_check_decision(self, via):
        """A decision recorded by a user: a salesperson who may change the
        change request records what the customer answered otherwise, once
        it was sent to them."""
        if self.env.context.get(CUSTOMER_DECISION_KEY) is _CUSTOMER_DECISION:
            return True
        if via == "link":
            raise UserError(
                _("Only the customer answers through the link; record an "
                  "answer received by email, in a meeting or otherwise.")
            )
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(
                _("Only a salesperson records the customer's decision on a "
                  "change request.")
            )
        self.check_access_rights("write")
        self.check_access_rule("write")
        unsent = self.filtered(lambda change: change.state == "draft")
        if unsent:
            raise UserError(
                _("The change request %s was never sent to the customer: send "
                  "it before recording their decision.") % unsent[0].name
            )
        return True
