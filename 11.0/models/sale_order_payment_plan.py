# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order's payment plan: installments that add up to the order."""
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

from .b2b_payment_plan_line import PLAN_CHECK_DEFERRED
from .sale_order_scope import SCOPE_WRITE

PLAN_LINK_FIELDS = {"b2b_plan_token", "b2b_plan_token_expiry"}


class SaleOrder(models.Model):
    _inherit = "sale.order"
    # The payment plan page's own link (the scope has the mixin's first one).
    _link_kinds = {
        "payment_plan": {
            "token": "b2b_plan_token", "expiry": "b2b_plan_token_expiry",
            "date_sent": False, "state": False, "open_states": (),
        },
    }

    payment_plan_line_ids = fields.One2many(
        "b2b.payment.plan.line", "order_id", string="Payment Plan", copy=False,
        help="Not copied with the order: its installments point to the phases "
        "of this order's project.",
    )
    payment_plan_count = fields.Integer(compute="_compute_payment_plan_count")
    b2b_plan_token = fields.Char(
        string="Payment Plan Link Token", copy=False, readonly=True,
        groups="sales_team.group_sale_salesman,account.group_account_invoice",
    )
    b2b_plan_token_expiry = fields.Datetime(
        string="Payment Plan Link Valid Until", copy=False, readonly=True
    )

    @api.depends("payment_plan_line_ids")
    def _compute_payment_plan_count(self):
        for order in self:
            order.payment_plan_count = len(order.payment_plan_line_ids)

    @api.multi
    def write(self, vals):
        if PLAN_LINK_FIELDS.intersection(vals) and (
            self.env.context.get("b2b_scope_write") is not SCOPE_WRITE
        ):
            raise UserError(
                _("The payment plan link changes only through its actions: "
                  "get the link, revoke it.")
            )
        if "payment_plan_line_ids" not in vals:
            result = super().write(vals)
            if "b2b_contract_id" in vals:
                self._release_payment_plan()
            return result
        # The plan's lines are checked together once all are written.
        result = super(
            SaleOrder, self.with_context(b2b_plan_check=PLAN_CHECK_DEFERRED)
        ).write(vals)
        self._check_payment_plan_if_confirmed()
        self._release_payment_plan()
        return result

    @api.multi
    def get_payment_plan_url(self):
        """The link where the customer reads the payment plan of the order
        (valid for the days set in the settings). Only who may change the
        order gets it."""
        self.ensure_one()
        self._check_link_manager()
        self._issue_link("payment_plan")
        return self._link_url("b2b/payment_plan", "payment_plan")

    @api.multi
    def action_revoke_payment_plan_link(self):
        """Revoke the payment plan link: the one already sent shows nothing."""
        return self._revoke_link("payment_plan")

    @api.multi
    def action_confirm(self):
        self._check_payment_plan()
        res = super().action_confirm()
        self._release_payment_plan()
        return res

    def _release_payment_plan(self):
        """Trigger the installments of the confirmed orders whose trigger is
        met (the confirmation, a signed contract, a date passed...)."""
        return self.filtered(
            lambda o: o.state in ("sale", "done")
        ).mapped("payment_plan_line_ids")._release_met_triggers()

    @api.multi
    def _check_payment_plan_if_confirmed(self):
        """After the confirmation, every change of the plan is checked."""
        return self.filtered(
            lambda o: o.state in ("sale", "done")
        )._check_payment_plan()

    def _get_payment_plan_tax_groups(self):
        """The order's untaxed amount by set of taxes: a list of
        ``(taxes, untaxed)``, in the order of the order's lines.

        Down payments are left out: they are the installments themselves.
        """
        self.ensure_one()
        groups = OrderedDict()
        for line in self.order_line.filtered(lambda so_line: not so_line.is_downpayment):
            taxes = line.tax_id.sorted("id")
            key = tuple(taxes.ids)
            # a tax included in the price is invoiced with the price
            base = (
                line.price_total if any(taxes.mapped("price_include"))
                else line.price_subtotal
            )
            if key in groups:
                groups[key] = (groups[key][0], groups[key][1] + base)
            else:
                groups[key] = (taxes, base)
        return list(groups.values())

    @api.multi
    def _check_payment_plan(self):
        """A plan must add up to the order total, to the last unit."""
        for order in self.filtered("payment_plan_line_ids"):
            lines = order.payment_plan_line_ids
            currency = order.currency_id
            negative = lines.filtered(
                lambda line: float_compare(
                    line.amount, 0, precision_rounding=currency.rounding
                ) < 0
            )
            if negative:
                raise ValidationError(
                    _("The installment %(line)s of order %(order)s has a negative "
                      "amount.") % {"line": negative[0].name, "order": order.name}
                )
            total = sum(lines.mapped("amount"))
            if float_compare(
                total, order.amount_total, precision_rounding=currency.rounding
            ):
                raise ValidationError(
                    _("The payment plan of order %(order)s adds up to %(plan)s, "
                      "not to the order total %(total)s: correct the "
                      "installments.")
                    % {
                        "order": order.name,
                        "plan": formatLang(self.env, total, currency_obj=currency),
                        "total": formatLang(
                            self.env, order.amount_total, currency_obj=currency),
                    }
                )
        return True

    @api.multi
    def action_generate_payment_plan(self):
        """Replace the plan by one installment per phase of the order.

        The order total is shared equally between the phases (the rounding
        remainder on the last); each installment is invoiced when its phase
        is accepted. Returns True.
        """
        for order in self:
            phases = order.phase_ids.sorted(lambda p: (p.sequence, p.id))
            if not phases:
                raise UserError(
                    _("The order %s has no phases to plan the payments on: plan "
                      "its phases first.") % order.name
                )
            if order.payment_plan_line_ids.filtered(
                lambda line: line.invoice_id or line.date_triggered
            ):
                raise UserError(
                    _("The payment plan of order %s has started: it can no longer "
                      "be generated again.") % order.name
                )
            share = round(100.0 / len(phases), 4)
            commands = [(5, 0, 0)]
            for index, phase in enumerate(phases):
                commands.append((0, 0, {
                    "sequence": (index + 1) * 10,
                    "name": _("Installment %(number)s: %(phase)s") % {
                        "number": index + 1, "phase": phase.name},
                    "amount_type": "percent",
                    "percent": share if index < len(phases) - 1
                    else round(100.0 - share * (len(phases) - 1), 4),
                    "trigger": "phase_accepted",
                    "phase_id": phase.id,
                    "payment_days": order.company_id.b2b_installment_payment_days,
                }))
            order.write({"payment_plan_line_ids": commands})
        return True

    @api.multi
    def action_view_payment_plan(self):
        self.ensure_one()
        action = self.env.ref(
            "b2b_sales_delivery.b2b_payment_plan_line_action"
        ).read()[0]
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action
