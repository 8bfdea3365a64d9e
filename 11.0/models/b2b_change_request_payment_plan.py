# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where an approved change's amount goes in the order's payment plan."""
from odoo import _, fields, models
from odoo.exceptions import UserError

from ..utils.payment import split_by_bases, to_decimal
from .b2b_change_request import CHANGE_CONTENT_FIELDS, CHANGE_STATE_FIELDS
from .b2b_payment_plan_line import PLAN_TRIGGERS

CHANGE_PLAN_POLICIES = [
    ("spread", "Spread over the installments not yet invoiced"),
    ("new_installment", "A new installment"),
]
CHANGE_PLAN_FIELDS = {
    "payment_plan_policy", "payment_trigger", "payment_phase_id",
    "payment_date_planned", "payment_days",
}


class B2bChangeRequest(models.Model):
    """The payment side of a change request: invoiced installments keep
    their amounts; the difference the change makes to the order total is
    spread over the installments not yet invoiced, or becomes a new
    installment with its own trigger. The plan still adds up."""

    _inherit = "b2b.change.request"
    # The installment added is recorded by the approval only.
    _step_fields = tuple(sorted(CHANGE_STATE_FIELDS | {"payment_plan_line_id"}))
    _content_fields = tuple(sorted(CHANGE_CONTENT_FIELDS | CHANGE_PLAN_FIELDS))

    payment_plan_policy = fields.Selection(
        CHANGE_PLAN_POLICIES, string="Difference in the Payment Plan",
        default="spread", required=True, track_visibility="onchange",
    )
    payment_trigger = fields.Selection(
        PLAN_TRIGGERS, string="Trigger of the New Installment",
        default="order_confirmed",
    )
    payment_phase_id = fields.Many2one(
        "b2b.phase", string="Phase of the New Installment",
        domain="[('order_id', '=', order_id)]",
    )
    payment_date_planned = fields.Date(string="Date of the New Installment")
    payment_days = fields.Integer(string="Payment Days of the New Installment")
    payment_plan_line_id = fields.Many2one(
        "b2b.payment.plan.line", string="Installment Added", readonly=True,
        copy=False, ondelete="set null",
    )

    def _apply_amount(self):
        """The order total changes: the plan of a confirmed order follows the
        change request's policy."""
        order = self.order_id
        adjusts = bool(
            order.state in ("sale", "done") and order.payment_plan_line_ids
            and not self._needs_new_order()
        )
        open_lines = order.payment_plan_line_ids.filtered(
            lambda line: not line.invoice_id
        ).sorted(lambda line: line.sequence)
        before = {line.id: line.amount for line in open_lines}
        values = super()._apply_amount()
        if adjusts and not values.get("change_order_id"):
            values.update(self._apply_to_payment_plan(open_lines, before))
        return values

    def _apply_to_payment_plan(self, open_lines, before):
        """Write the plan after the change; return what the change records."""
        self.ensure_one()
        order = self.order_id.sudo()
        currency = order.currency_id
        places = currency.decimal_places
        plan = order.payment_plan_line_ids
        kept = sum(
            to_decimal(line.amount_invoiced, places) for line in plan - open_lines
        )
        open_before = sum(to_decimal(before[line.id], places) for line in open_lines)
        difference = to_decimal(order.amount_total, places) - kept - open_before
        commands = []
        policy = self.payment_plan_policy
        if policy == "spread" and open_lines:
            shares = split_by_bases(
                difference, open_before, [before[line.id] for line in open_lines],
                places,
            )
            shares[-1] += difference - sum(shares)
            for line, share in zip(open_lines, shares):
                commands.append((1, line.id, {
                    "amount_type": "fixed",
                    "fixed_amount": float(to_decimal(before[line.id], places) + share),
                }))
        else:
            if difference < 0:
                raise UserError(
                    _("The change request %s lowers the order total: the "
                      "difference can only be spread over installments not yet "
                      "invoiced.") % self.name
                )
            # The open installments keep the amounts agreed before the change.
            for line in open_lines:
                commands.append((1, line.id, {
                    "amount_type": "fixed", "fixed_amount": before[line.id],
                }))
            commands.append((0, 0, self._prepare_payment_plan_line(float(difference))))
        order.write({"payment_plan_line_ids": commands})
        if policy == "spread" and open_lines:
            return {}
        added = order.payment_plan_line_ids.filtered(
            lambda line: line.id not in plan.ids
        )
        return {"payment_plan_line_id": added[:1].id}

    def _prepare_payment_plan_line(self, amount):
        """Values of the installment a change request adds (hook)."""
        self.ensure_one()
        sequence = max(self.order_id.payment_plan_line_ids.mapped("sequence") or [0])
        return {
            "sequence": sequence + 1,
            "name": _("Change request: %s") % self.name,
            "amount_type": "fixed",
            "fixed_amount": amount,
            "trigger": self.payment_trigger or "order_confirmed",
            "phase_id": self.payment_phase_id.id,
            "date_planned": self.payment_date_planned,
            "payment_days": self.payment_days,
        }
