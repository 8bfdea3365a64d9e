# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An installment of the order's payment plan, agreed on the quotation.

Each installment but the last is invoiced as Odoo's down payment of a fixed
amount (its invoice carries its share of every tax of the order); the last is
Odoo's final invoice, which deducts the down payments. What an installment
has invoiced is read from Odoo's records (the invoice lines of its
down-payment lines, or of the order's own lines for the last), never kept as
a counter of the addon's.
"""

import logging

from psycopg2.errors import LockNotAvailable

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from ..utils.cron import run_each
from ..utils.payment import split_amount
from ..utils.scope_steps import CHANGE_STEP_KEY
from ..utils.steps import StepFacts, in_step, with_step
from .b2b_step_mixin import B2bStepMixin

_logger = logging.getLogger(__name__)

TRIGGERS = [
    ("contract_signed", "Contract Signed"),
    ("order_confirmed", "Order Confirmed"),
    ("phase_accepted", "Phase Accepted"),
    ("date", "Date"),
]
PLAN_LINE_STATES = [
    ("planned", "Planned"),
    ("to_invoice", "To Invoice"),
    ("invoiced", "Invoiced"),
    ("paid", "Paid"),
]
# The release of an installment (its trigger met) is a fact written only by
# the release step (utils.steps).
RELEASE_STEP_KEY = "b2b_payment_release_step"
# The order's own write of its plan (the form's one2many): the installments
# are checked together by the order once all are written (utils.steps).
PLAN_EDIT_STEP_KEY = "b2b_payment_plan_edit_step"
# What an invoiced installment keeps.
INVOICED_LOCKED_FIELDS = ("order_id", "phase_id", "trigger", "amount", "percent")
# Triggers that invoice the installment as soon as they are met.
AUTO_INVOICE_TRIGGERS = ("phase_accepted", "date")


class B2bPaymentPlanLine(models.Model):
    _name = "b2b.payment.plan.line"
    _description = "Payment Plan Installment"
    _inherit = [B2bStepMixin._name]
    _order = "order_id, sequence, id"

    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Installment", required=True, translate=False)
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, string="Company"
    )
    currency_id = fields.Many2one(related="order_id.currency_id", string="Currency")
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, string="Customer"
    )
    percent = fields.Float(
        digits=(5, 2),
        help="The part of the order total (taxes included); leave empty to "
        "agree an amount instead.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        help="Taxes included. Computed from the percent (the last line with a "
        "percent takes the rounding), or agreed as it is.",
    )
    trigger = fields.Selection(
        TRIGGERS, required=True, default="order_confirmed", string="Due On"
    )
    phase_id = fields.Many2one(
        "b2b.phase",
        string="Phase",
        index="btree_not_null",
        ondelete="restrict",
        domain="[('order_id', '=', order_id)]",
    )
    date_due = fields.Date(string="Due Date")
    change_request_id = fields.Many2one(
        "b2b.change.request",
        string="Change Request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The approved change request whose extra amount this installment "
        "bills: added to the plan by the approval itself.",
    )
    date_released = fields.Date(
        string="Released On",
        readonly=True,
        copy=False,
        help="When the trigger of the installment was met (contract signed, "
        "due date reached).",
    )
    sale_line_ids = fields.One2many(
        "sale.order.line",
        "b2b_payment_plan_line_id",
        string="Down Payment Lines",
        readonly=True,
        copy=False,
    )
    invoice_id = fields.Many2one(
        "account.move",
        string="Invoice",
        compute="_compute_state",
        store=True,
        compute_sudo=True,
        help="The live (not cancelled, not reversed) invoice of the installment.",
    )
    state = fields.Selection(
        PLAN_LINE_STATES,
        group_expand=True,
        compute="_compute_state",
        store=True,
        compute_sudo=True,
        index=True,
    )
    payment_state = fields.Selection(
        related="invoice_id.payment_state", string="Payment Status"
    )
    invoice_date_due = fields.Date(
        related="invoice_id.invoice_date_due", string="Invoice Due Date"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    _change_request_uniq = models.Constraint(
        "UNIQUE(change_request_id)",
        "A change request adds one installment to the payment plan.",
    )

    @api.depends(
        "percent",
        "sequence",
        "order_id.state",
        "order_id.amount_total",
        "order_id.payment_plan_line_ids.percent",
        "order_id.payment_plan_line_ids.sequence",
    )
    def _compute_amount(self):
        for order in self.order_id:
            # The order's lines being created may not be in its cache yet.
            lines = (
                order.payment_plan_line_ids
                | self.filtered(lambda line, order=order: line.order_id == order)
            ).sorted(lambda line: (line.sequence, line._origin.id or 0))
            digits = order.currency_id.decimal_places
            # The plan of a confirmed order is agreed in amounts: a change of
            # the order (an approved change request) adds its own installment
            # instead of moving the agreed ones; a percent added then takes
            # its part of the order as it stands.
            if order.state == "sale":
                for line in self.filtered(
                    lambda line, order=order: line.order_id == order
                    and line.percent
                    and not line.amount
                ):
                    line.amount = float(
                        split_amount(order.amount_total, [(line.percent, 0)], digits)[0]
                    )
                continue
            amounts = split_amount(
                order.amount_total,
                [(line.percent, line.amount) for line in lines],
                digits,
                frozen=[bool(line._origin.sale_line_ids) for line in lines],
            )
            # An agreed amount, or an invoiced installment's, is kept as it is
            # (left unassigned, as sale keeps an invoiced line's price).
            # Lines of the order outside ``self`` are not written from here
            # (a write would check the plan half-way): the dependencies mark
            # them all.
            for line, amount in zip(lines, amounts):
                if line in self and line.percent and not line._origin.sale_line_ids:
                    line.amount = float(amount)

    @api.depends(
        "trigger",
        "amount",
        "date_released",
        "phase_id.state",
        "order_id.state",
        "order_id.payment_plan_line_ids.sequence",
        "sale_line_ids.invoice_lines.move_id.state",
        "sale_line_ids.invoice_lines.move_id.payment_state",
        "order_id.order_line.invoice_lines.move_id.state",
        "order_id.order_line.invoice_lines.move_id.payment_state",
    )
    def _compute_state(self):
        for line in self:
            if not line.order_id:
                line.invoice_id = False
                line.state = "planned"
                continue
            invoice = line._get_live_invoice()
            line.invoice_id = invoice
            if invoice:
                paid = invoice.state == "posted" and invoice.payment_state in (
                    "paid",
                    "in_payment",
                )
                line.state = "paid" if paid else "invoiced"
            elif line._is_released():
                line.state = "to_invoice"
            else:
                line.state = "planned"

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------

    @api.constrains("percent", "amount", "order_id")
    def _check_amount(self):
        for line in self:
            if line.percent < 0 or line.percent > 100:
                raise ValidationError(
                    self.env._(
                        "The percent of installment %(line)s must be between 0 "
                        "and 100.",
                        line=line.name,
                    )
                )
            amount_sign = line.currency_id.compare_amounts(line.amount, 0)
            if amount_sign < 0 or (not line.percent and amount_sign <= 0):
                raise ValidationError(
                    self.env._(
                        "Installment %(line)s of %(order)s needs a positive amount "
                        "or percent.",
                        line=line.name,
                        order=line.order_id.name,
                    )
                )

    @api.constrains("trigger", "phase_id", "date_due", "order_id")
    def _check_trigger(self):
        for line in self.sudo():
            if line.trigger == "phase_accepted" and not line.phase_id:
                raise ValidationError(
                    self.env._(
                        "Installment %(line)s is due when a phase is accepted: "
                        "choose the phase.",
                        line=line.name,
                    )
                )
            if line.phase_id and line.phase_id.order_id != line.order_id:
                raise ValidationError(
                    self.env._(
                        "The phase %(phase)s is not a phase of order %(order)s.",
                        phase=line.phase_id.name,
                        order=line.order_id.name,
                    )
                )
            if line.trigger == "date" and not line.date_due:
                raise ValidationError(
                    self.env._(
                        "Installment %(line)s is due on a date: set its due date.",
                        line=line.name,
                    )
                )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(RELEASE_STEP_KEY, ("date_released",), "_release_refusal"),
            StepFacts(CHANGE_STEP_KEY, ("change_request_id",), "_change_request_refusal"),
        ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not in_step(self, PLAN_EDIT_STEP_KEY):
            lines.order_id._check_payment_plan_whole()
        return lines

    def write(self, vals):
        # The steps' facts first, then what an invoiced installment keeps.
        self._b2b_check_step_facts(vals=vals)
        locked = set(INVOICED_LOCKED_FIELDS) & set(vals)
        if locked:
            for line in self:
                if not line._is_invoiced():
                    continue
                changed = [name for name in locked if line._differs(name, vals[name])]
                if changed:
                    raise UserError(
                        self.env._(
                            "Installment %(line)s of %(order)s is invoiced: its "
                            "order, phase, trigger and amount stay as they are.",
                            line=line.name,
                            order=line.order_id.name,
                        )
                    )
        orders = self.order_id
        result = super().write(vals)
        # The order's form writes its installments one by one: the order
        # checks its whole plan once they are all written.
        if not in_step(self, PLAN_EDIT_STEP_KEY):
            (orders | self.order_id)._check_payment_plan_whole()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced_or_confirmed(self):
        for line in self:
            if line._is_invoiced():
                raise UserError(
                    self.env._(
                        "Installment %(line)s of %(order)s is invoiced: it cannot "
                        "be deleted.",
                        line=line.name,
                        order=line.order_id.name,
                    )
                )
            if line.order_id.state == "sale" and not in_step(self, PLAN_EDIT_STEP_KEY):
                raise UserError(
                    self.env._(
                        "The payment plan of the confirmed order %(order)s stays "
                        "whole: installment %(line)s cannot be deleted.",
                        line=line.name,
                        order=line.order_id.name,
                    )
                )

    def _differs(self, name, value):
        """Whether writing ``value`` to field ``name`` changes it."""
        self.ensure_one()
        field = self._fields[name]
        if field.type == "many2one":
            return self[name].id != (value or False)
        if field.type == "monetary":
            return bool(self.currency_id.compare_amounts(self[name], value or 0.0))
        if field.type == "float":
            return bool(float_compare(self[name], value or 0.0, precision_digits=2))
        return self[name] != value

    def _change_request_refusal(self):
        return self.env._(
            "The installment of a change request is added to the plan only by "
            "the customer's approval of the change request."
        )

    def _release_refusal(self):
        return self.env._(
            "An installment is released only by its trigger: the contract signed, "
            "the order confirmed, the phase accepted or the due date reached."
        )

    # ------------------------------------------------------------------
    # What Odoo's records say
    # ------------------------------------------------------------------

    def _is_final(self):
        """Whether the installment is the last of its order's plan: it is
        invoiced as Odoo's final invoice."""
        self.ensure_one()
        lines = self.order_id.payment_plan_line_ids.sorted(
            lambda line: (line.sequence, line.id)
        )
        return lines[-1:] == self

    def _get_invoice_lines(self):
        """The invoice lines (of any state) that bill the installment: those
        of its down-payment lines on down-payment invoices, or for the last
        installment every line of the order's final invoices (the deductions
        included)."""
        self.ensure_one()
        order = self.order_id
        final_moves = order._get_final_invoices()
        if self._is_final():
            return final_moves.invoice_line_ids.filtered(
                lambda aml: aml.sale_line_ids.order_id == order
            )
        return self.sale_line_ids.invoice_lines.filtered(
            lambda aml: aml.move_id not in final_moves
        )

    def _get_invoiced_net(self, plus=None, minus=None):
        """What the installment has invoiced (see sale.order._invoiced_net)."""
        self.ensure_one()
        return self.order_id._invoiced_net(self._get_invoice_lines(), plus, minus)

    def _get_live_invoice(self):
        """The installment's invoice that stands: not cancelled, not fully
        reversed, while the installment's invoiced net is not nil."""
        self.ensure_one()
        currency = self.order_id.currency_id
        if currency.compare_amounts(self._get_invoiced_net(), 0) <= 0:
            return self.env["account.move"]
        moves = self._get_invoice_lines().move_id.filtered(
            lambda move: move.move_type == "out_invoice"
            and move.state != "cancel"
            and move.payment_state != "reversed"
        )
        return moves.sorted("id")[-1:]

    def _is_invoiced(self):
        """Whether Odoo holds any invoice (of any state) of the installment."""
        self.ensure_one()
        if not self.order_id:
            return False
        return bool(self.sale_line_ids or (self._is_final() and self._get_invoice_lines()))

    def _is_released(self):
        """Whether the trigger of the installment is met."""
        self.ensure_one()
        if self.order_id.state != "sale":
            return False
        if self.trigger == "order_confirmed":
            return True
        if self.trigger == "phase_accepted":
            return self.phase_id.state == "accepted"
        return bool(self.date_released)

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def _release(self, date=None):
        """The release step: record that the trigger is met (contract signed,
        date reached). Lines already released keep their date."""
        lines = self.filtered(lambda line: not line.date_released)
        if lines:
            with_step(lines.sudo(), RELEASE_STEP_KEY).write(
                {"date_released": date or fields.Date.context_today(self)}
            )
        return True

    @api.model
    def _release_contract_signed(self, orders, date=None):
        """The contract of ``orders`` is signed: release their installments due
        on signing (called by the contract's signing step)."""
        lines = orders.sudo().payment_plan_line_ids.filtered(
            lambda line: line.trigger == "contract_signed"
        )
        return lines._release(date)

    def _check_can_invoice(self):
        user = self.env.user
        if not self.env.su and not (
            user.has_group("account.group_account_invoice")
            or user.has_group("sales_team.group_sale_salesman")
        ):
            raise AccessError(
                self.env._("Only salespeople and accountants invoice installments.")
            )
        self.check_access("read")
        self.order_id.check_access("read")

    def action_invoice(self):
        """Invoice the installment once and return the id of its invoice; an
        installment already invoiced returns its invoice (clicks, retries and
        cron runs give one invoice)."""
        self.ensure_one()
        self._check_can_invoice()
        return self.sudo()._invoice().id

    def action_invoice_open(self):
        """The button: invoice the installment (once) and open its invoice."""
        invoice_id = self.action_invoice()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": invoice_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _invoice(self):
        """The one step that invoices an installment, on the order's locked
        row; returns its invoice."""
        self.ensure_one()
        order = self.order_id
        order._lock_for_invoicing()
        self.env.invalidate_all()
        self.env.add_to_compute(self._fields["state"], self)
        self.env.add_to_compute(self._fields["invoice_id"], self)
        if self.invoice_id:
            return self.invoice_id
        if self.state != "to_invoice":
            raise UserError(
                self.env._(
                    "Installment %(line)s of %(order)s is not due yet: it is "
                    "invoiced when its trigger is met.",
                    line=self.name,
                    order=order.name,
                )
            )
        if self._is_final():
            invoice = self._create_final_invoice()
        else:
            invoice = self._create_down_payment_invoice()
        order._check_invoicing()
        self.env.add_to_compute(self._fields["state"], self)
        self.env.add_to_compute(self._fields["invoice_id"], self)
        return invoice

    def _create_down_payment_invoice(self):
        """Odoo's down payment of the installment's amount not yet invoiced
        (taxes included, shared over the order's taxes)."""
        self.ensure_one()
        order = self.order_id
        amount = self.amount - self._get_invoiced_net()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_company(order.company_id)
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create(self._prepare_down_payment_values(amount))
        )
        invoice = wizard._create_invoices(order)
        down_payment_lines = invoice.invoice_line_ids.sale_line_ids.filtered(
            lambda sol: sol.is_downpayment and not sol.display_type
        )
        down_payment_lines.b2b_payment_plan_line_id = self
        self._set_invoice_values(invoice)
        return invoice

    def _prepare_down_payment_values(self, amount):
        """Values of Odoo's down-payment wizard for the installment (hook)."""
        self.ensure_one()
        return {
            "sale_order_ids": [(6, 0, self.order_id.ids)],
            "advance_payment_method": "fixed",
            "fixed_amount": amount,
        }

    def _create_final_invoice(self):
        """Odoo's final invoice of the order, deducting the down payments; the
        earlier installments must be invoiced first."""
        self.ensure_one()
        order = self.order_id
        earlier = order.payment_plan_line_ids - self
        pending = earlier.filtered(lambda line: not line.invoice_id)
        if pending:
            raise UserError(
                self.env._(
                    "Installment %(line)s of %(order)s is the last one: invoice "
                    "%(pending)s first.",
                    line=self.name,
                    order=order.name,
                    pending=", ".join(pending.mapped("name")),
                )
            )
        order._check_delivered_for_final_invoice()
        invoice = order._create_invoices(final=True)
        self._set_invoice_values(invoice)
        return invoice

    def _set_invoice_values(self, invoice):
        """The installment's due date on its invoice when it has one and no
        payment terms decide it (hook)."""
        self.ensure_one()
        if self.date_due and not invoice.invoice_payment_term_id:
            invoice.invoice_date_due = self.date_due
        return True

    def _invoice_released(self):
        """Invoice the released installments whose trigger invoices them at
        once, each order in its own savepoint; returns the failed lines."""
        lines = self.filtered(
            lambda line: line.state == "to_invoice"
            and line.trigger in AUTO_INVOICE_TRIGGERS
        ).sorted(lambda line: (line.order_id.id, line.sequence, line.id))
        return run_each(
            lines,
            lambda line: line._invoice(),
            "Payment plan: invoicing installment",
        )

    @api.model
    def _cron_invoice_due(self, today=None):
        """Daily: release the installments whose due date is reached and
        invoice them (and the accepted phases' installments left over); a bad
        installment is logged and skipped."""
        today = today or fields.Date.context_today(self)
        lines = self.sudo().search(
            [
                ("order_id.state", "=", "sale"),
                ("state", "in", ("planned", "to_invoice")),
                ("trigger", "in", AUTO_INVOICE_TRIGGERS),
            ]
        )
        lines.filtered(
            lambda line: line.trigger == "date" and line.date_due <= today
        )._release(today)
        lines._invoice_released()
        return True


def lock_orders(env, orders, nowait=True):
    """Lock the rows of ``orders`` for their invoicing; a row locked by a
    concurrent invoicing is refused with a clear error."""
    if not orders:
        return
    query = "SELECT id FROM sale_order WHERE id IN %s FOR UPDATE"
    if nowait:
        query += " NOWAIT"
    try:
        with env.cr.savepoint(flush=False):
            env.cr.execute(query, [tuple(orders.ids)])
    except LockNotAvailable as error:
        raise UserError(
            env._(
                "Order %(orders)s is being invoiced by someone else: try again "
                "in a moment.",
                orders=", ".join(orders.mapped("name")),
            )
        ) from error
