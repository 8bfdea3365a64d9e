# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope gate's waiver: a sales manager lets an order whose scope the
customer has not confirmed go on (confirming the order, creating its project,
starting a phase, invoicing an installment), giving the reason, logged on the
order. Who waived, why and when are facts written by the waiver's step only."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..utils.arguments import reason_argument
from ..utils.steps import StepFacts, with_step

SCOPE_WAIVER_STEP_KEY = "b2b_scope_waiver_step"
SCOPE_WAIVER_FIELDS = (
    "b2b_scope_waived_by",
    "b2b_scope_waiver_reason",
    "b2b_scope_waiver_date",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_scope_waived_by = fields.Many2one(
        "res.users",
        string="Scope Gate Waived by",
        readonly=True,
        copy=False,
        tracking=True,
        help="The sales manager who let the delivery go on without the "
        "customer's confirmation of the scope.",
    )
    b2b_scope_waiver_reason = fields.Text(
        string="Scope Waiver Reason", readonly=True, copy=False
    )
    b2b_scope_waiver_date = fields.Datetime(
        string="Scope Gate Waived on", readonly=True, copy=False
    )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(SCOPE_WAIVER_STEP_KEY, SCOPE_WAIVER_FIELDS, "_scope_waiver_refusal")
        ]

    def _scope_waiver_refusal(self):
        return self.env._(
            "The scope gate's waiver is given only through its step: a sales "
            "manager waives it with a reason."
        )

    def _check_scope_confirmed(self, step):
        """A waived order passes the gate."""
        return super(
            SaleOrder, self.filtered(lambda order: not order.sudo().b2b_scope_waived_by)
        )._check_scope_confirmed(step)

    def action_open_scope_waiver(self):
        """The button: ask the reason of the waiver."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Waive the Scope Gate"),
            "res_model": "b2b.scope.waiver.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_waive_scope(self, reason):
        """A sales manager lets the orders go on without the customer's
        confirmation of their scope, with a reason, logged. Returns True."""
        if not self.env.su and not self.env.user.has_group(
            "b2b_sales_delivery.group_b2b_manager"
        ):
            raise AccessError(
                self.env._("Only sales managers waive the scope gate of an order.")
            )
        reason = reason_argument(
            reason, self.env._("Give the reason for waiving the scope gate.")
        )
        self.check_access("write")
        for order in self:
            if not order.scope_item_ids or order.scope_state == "confirmed":
                raise UserError(
                    self.env._(
                        "The scope of %(order)s needs no waiver: it has no items "
                        "or the customer confirmed it.",
                        order=order.name,
                    )
                )
            if order.b2b_scope_waived_by:
                raise UserError(
                    self.env._(
                        "The scope gate of %(order)s is already waived.", order=order.name
                    )
                )
        now = fields.Datetime.now()
        for order in self:
            with_step(order.sudo(), SCOPE_WAIVER_STEP_KEY).write(
                {
                    "b2b_scope_waived_by": self.env.user.id,
                    "b2b_scope_waiver_reason": reason,
                    "b2b_scope_waiver_date": now,
                }
            )
            order.sudo().message_post(
                body=self.env._(
                    "Scope gate waived by %(who)s: the delivery goes on without the "
                    "customer's confirmation of the scope. Reason: %(reason)s",
                    who=self.env.user.name,
                    reason=reason,
                )
            )
        return True


class B2bPaymentPlanLine(models.Model):
    """An installment is invoiced on a confirmed (or waived) scope."""

    _inherit = "b2b.payment.plan.line"

    def _invoice(self):
        self.order_id._check_scope_confirmed("invoice")
        return super()._invoice()
