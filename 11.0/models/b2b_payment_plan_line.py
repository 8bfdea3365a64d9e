# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_is_zero
from odoo.tools.misc import formatLang

from ..utils.arguments import check_date_argument
from ..utils.payment import split_amount, split_by_bases
from .b2b_job import run_each

PLAN_TRIGGERS = [
    ("contract_signed", "Contract signed"),
    ("order_confirmed", "Order confirmed"),
    ("phase_accepted", "Phase accepted"),
    ("date", "Date"),
]
PLAN_AMOUNT_TYPES = [("percent", "Percentage"), ("fixed", "Fixed amount")]
PLAN_LINE_STATES = [
    ("planned", "Planned"),
    ("to_invoice", "To Invoice"),
    ("invoiced", "Invoiced"),
    ("paid", "Paid"),
]
# The state and the evidence of an installment: written only by its steps.
PLAN_LINE_PROTECTED_FIELDS = {
    "state", "invoice_id", "invoice_state", "date_triggered", "sale_line_ids",
    "amount_invoiced",
}
# What a triggered installment keeps for good; once invoiced, its amount too.
PLAN_LINE_TRIGGER_FIELDS = {"trigger", "phase_id", "order_id", "date_planned"}
PLAN_LINE_FROZEN_FIELDS = PLAN_LINE_TRIGGER_FIELDS | {
    "amount", "amount_type", "percent", "fixed_amount",
}
# Only server code can put these objects in a context (RPC cannot carry them):
# PLAN_WRITE lets the steps write the protected fields, PLAN_CHECK_DEFERRED
# lets the order check its plan once, after all its lines are written.
PLAN_WRITE = object()
PLAN_CHECK_DEFERRED = object()


class B2bPaymentPlanLine(models.Model):
    """An installment of the payment plan of a sales order."""

    _name = "b2b.payment.plan.line"
    _description = "Payment Plan Installment"
    _inherit = ["mail.thread", "mail.activity.mixin", "b2b.state.columns.mixin"]
    _order = "order_id, sequence, id"

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Installment", required=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True, readonly=True
    )
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, readonly=True
    )
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, readonly=True
    )
    currency_id = fields.Many2one(
        related="order_id.currency_id", store=True, readonly=True
    )
    amount_type = fields.Selection(
        PLAN_AMOUNT_TYPES, string="By", default="percent", required=True
    )
    percent = fields.Float(digits=(12, 4), help="Share of the order total.")
    fixed_amount = fields.Monetary(copy=True)
    amount = fields.Monetary(
        compute="_compute_amount", inverse="_inverse_amount", store=True,
        track_visibility="onchange",
        help="Tax included. Once invoiced: the total of the invoice. The rounding "
        "remainder goes to the last installment not invoiced, so that the plan "
        "adds up to the order total.",
    )
    amount_invoiced = fields.Monetary(
        string="Invoiced Amount", readonly=True, copy=False,
        help="The total of the installment's invoice, kept for good.",
    )
    trigger = fields.Selection(
        PLAN_TRIGGERS, default="order_confirmed", required=True,
        track_visibility="onchange",
    )
    phase_id = fields.Many2one(
        "b2b.phase", string="Phase", ondelete="restrict", index=True,
        domain="[('order_id', '=', order_id)]",
    )
    date_planned = fields.Date(
        string="Trigger Date", help="For a trigger by date: the day it is invoiced."
    )
    payment_days = fields.Integer(
        string="Payment Days", default=0,
        help="Days the customer has to pay, counted from the trigger.",
    )
    date_triggered = fields.Date(readonly=True, copy=False)
    date_due = fields.Date(
        string="Due Date", compute="_compute_date_due", store=True, index=True,
        track_visibility="onchange",
    )
    invoice_id = fields.Many2one(
        "account.invoice", string="Invoice", readonly=True, copy=False,
        ondelete="set null", index=True, track_visibility="onchange",
    )
    invoice_state = fields.Selection(related="invoice_id.state", readonly=True)
    amount_due = fields.Monetary(
        compute="_compute_amount_due",
        help="What the customer is asked to pay: the balance of the invoice once "
        "it is validated, else the amount of the installment (a draft invoice "
        "has no balance yet).",
    )
    sale_line_ids = fields.Many2many(
        "sale.order.line", "b2b_payment_plan_line_sale_line_rel", "line_id",
        "sale_line_id", string="Down Payment Lines", readonly=True, copy=False,
        help="One down payment line of the order per set of taxes.",
    )
    state = fields.Selection(
        PLAN_LINE_STATES, compute="_compute_state", store=True, index=True,
        track_visibility="onchange", group_expand="_expand_states",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    reminder_ids = fields.One2many(
        "b2b.payment.reminder", "line_id", string="Reminders", readonly=True
    )

    _sql_constraints = [
        (
            "percent_range",
            "CHECK(percent >= 0 AND percent <= 100)",
            "The percentage of an installment must be between 0 and 100.",
        ),
        (
            "payment_days_positive",
            "CHECK(payment_days >= 0)",
            "The payment days of an installment cannot be negative.",
        ),
    ]

    @api.depends(
        "amount_type", "percent", "fixed_amount", "sequence", "invoice_id",
        "amount_invoiced", "order_id.amount_total", "order_id.currency_id",
        "order_id.payment_plan_line_ids.amount_type",
        "order_id.payment_plan_line_ids.percent",
        "order_id.payment_plan_line_ids.fixed_amount",
        "order_id.payment_plan_line_ids.sequence",
        "order_id.payment_plan_line_ids.invoice_id",
        "order_id.payment_plan_line_ids.amount_invoiced",
    )
    def _compute_amount(self):
        for order in self.mapped("order_id"):
            # A stable sort on the sequence alone: the lines keep their order
            # (by id once saved); new lines of a form have ids (NewId) that
            # cannot be compared.
            lines = order.payment_plan_line_ids.sorted(lambda line: line.sequence)
            places = order.currency_id.decimal_places
            # An invoiced installment is what its invoice says (its taxes
            # rounded per set of taxes: a unit per set and one for the split).
            invoiced = [bool(line.invoice_id) for line in lines]
            slack = order.currency_id.rounding * sum(invoiced) * (
                len(order._get_payment_plan_tax_groups()) + 1
            )
            amounts = split_amount(
                order.amount_total,
                [
                    ("fixed", line.amount_invoiced) if line.invoice_id
                    else (line.amount_type,
                          line.percent if line.amount_type == "percent"
                          else line.fixed_amount)
                    for line in lines
                ],
                places, frozen=invoiced, slack=slack,
            )
            for line, amount in zip(lines, amounts):
                if line in self:
                    line.amount = float(amount)
        for line in self.filtered(lambda line: not line.order_id):
            line.amount = line.fixed_amount

    def _inverse_amount(self):
        for line in self:
            line.fixed_amount = line.amount
            line.amount_type = "fixed"

    @api.depends(
        "trigger", "date_planned", "date_triggered", "payment_days",
        "phase_id.date_deadline_customer", "phase_id.date_deadline",
        "invoice_id.date_due",
    )
    def _compute_date_due(self):
        for line in self:
            if line.invoice_id.date_due:
                line.date_due = line.invoice_id.date_due
                continue
            start = line.date_triggered
            if not start and line.trigger == "date":
                start = line.date_planned
            if not start and line.trigger == "phase_accepted":
                start = (
                    line.phase_id.date_deadline_customer
                    or line.phase_id.date_deadline
                )
            line.date_due = start and fields.Date.to_string(
                fields.Date.from_string(start) + timedelta(days=line.payment_days)
            )

    @api.depends("amount", "invoice_id.state", "invoice_id.residual")
    def _compute_amount_due(self):
        """The one amount due of an installment, for its payment request and
        its reminders (the invoice's balance is no secret to who reads the
        installment)."""
        for line in self:
            invoice = line.invoice_id.sudo()
            if invoice.state in ("open", "paid"):
                line.amount_due = invoice.residual
            else:
                line.amount_due = line.amount

    @api.depends(
        "date_triggered", "invoice_id", "invoice_id.state", "invoice_id.reconciled"
    )
    def _compute_state(self):
        for line in self:
            invoice = line.invoice_id
            if not invoice or invoice.state == "cancel":
                # A cancelled invoice is reset to draft and validated again
                # (the same invoice): never a second one.
                line.state = "to_invoice" if line.date_triggered else "planned"
            elif invoice.state == "paid" and not line._is_settled_by_credit_note():
                line.state = "paid"
            else:
                line.state = "invoiced"

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_overdue = bool(
                line.state in ("to_invoice", "invoiced")
                and line.date_due and line.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        # A search method's domain is inserted as it is in the caller's:
        # normalized (explicit "&"), or the two leaves break its operators.
        domain = [
            "&",
            ("state", "in", ("to_invoice", "invoiced")),
            ("date_due", "<", today),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!"] + domain

    @api.constrains("trigger", "phase_id", "date_planned", "order_id")
    def _check_trigger(self):
        for line in self:
            if line.trigger == "phase_accepted" and not line.phase_id:
                raise ValidationError(
                    _("The installment %s is triggered by a phase: choose the phase.")
                    % line.name
                )
            if line.trigger == "date" and not line.date_planned:
                raise ValidationError(
                    _("The installment %s is triggered by a date: set the date.")
                    % line.name
                )
            if line.phase_id and line.phase_id.order_id != line.order_id:
                raise ValidationError(
                    _("The phase %(phase)s is not a phase of order %(order)s.")
                    % {"phase": line.phase_id.name, "order": line.order_id.name}
                )

    @api.constrains("amount_type", "percent", "fixed_amount", "order_id", "sequence")
    def _check_plan_of_confirmed_order(self):
        if self.env.context.get("b2b_plan_check") is PLAN_CHECK_DEFERRED:
            return
        self.mapped("order_id")._check_payment_plan_if_confirmed()

    @api.model
    def create(self, vals):
        self._check_protected_fields(vals)
        line = super().create(vals)
        if self.env.context.get("b2b_plan_check") is not PLAN_CHECK_DEFERRED:
            line._release_met_triggers()
        return line

    @api.multi
    def write(self, vals):
        self._check_protected_fields(vals)
        for names, evidence, message in self._frozen_field_rules():
            if names.intersection(vals):
                done = self.filtered(evidence)
                if done:
                    raise UserError(message % done[0].name)
        return super().write(vals)

    @api.multi
    def unlink(self):
        done = self.filtered(lambda line: line.invoice_id or line.date_triggered)
        if done:
            raise UserError(
                _("The installment %s is already triggered or invoiced: it cannot "
                  "be deleted.") % done[0].name
            )
        orders = self.mapped("order_id")
        result = super().unlink()
        if self.env.context.get("b2b_plan_check") is not PLAN_CHECK_DEFERRED:
            orders.exists()._check_payment_plan_if_confirmed()
        return result

    def _check_protected_fields(self, vals):
        protected = PLAN_LINE_PROTECTED_FIELDS.intersection(vals)
        if protected and self.env.context.get("b2b_plan_write") is not PLAN_WRITE:
            raise UserError(
                _("The state and the invoice of an installment follow its trigger "
                  "and its invoice; they cannot be set by hand (%s).")
                % ", ".join(sorted(protected))
            )

    def _frozen_field_rules(self):
        """What an installment keeps for good: (fields, the field whose
        value freezes them, the message naming the installment)."""
        return [
            (PLAN_LINE_FROZEN_FIELDS, "invoice_id",
             _("The installment %s is invoiced: its amount and trigger can "
               "no longer change.")),
            (PLAN_LINE_TRIGGER_FIELDS, "date_triggered",
             _("The trigger of the installment %s is met: its trigger can "
               "no longer change.")),
        ]

    def _write_step(self, vals):
        """Write the state and evidence fields (the steps' only way to them)."""
        return self.sudo().with_context(b2b_plan_write=PLAN_WRITE).write(vals)

    # ------------------------------------------------------------------
    # Actions: the accountant's steps
    # ------------------------------------------------------------------
    @api.multi
    def action_invoice(self):
        """Create the invoice of triggered installments (once); return the ids.

        The accountant's step. A cancelled invoice of the installment comes
        back to draft: an installment never gets a second invoice.
        """
        self._check_accountant()
        invoices = self.env["account.invoice"]
        for line in self:
            if line.state == "planned":
                raise UserError(
                    _("The installment %s is not due for invoicing yet.") % line.name
                )
            invoices |= line._create_invoice()
        return invoices.ids

    @api.multi
    def action_invoice_due(self):
        """Invoice the selected installments whose trigger is met (the
        others are left as they are); open the invoices."""
        self._check_accountant()
        invoice_ids = self.filtered(
            lambda line: line.state == "to_invoice"
        ).action_invoice()
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action["domain"] = [("id", "in", invoice_ids)]
        return action

    @api.multi
    def action_view_invoice(self):
        self.ensure_one()
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action.update(
            views=[(self.env.ref("account.invoice_form").id, "form")],
            res_id=self.invoice_id.id,
        )
        return action

    @api.multi
    def action_trigger(self, date=None):
        """The trigger of these installments is met: invoice each one once.

        The accountant's step; ``date`` (default: today) is the date of the
        invoice, never before the trigger. Returns the ids of the invoices
        (new or already there).
        """
        self._check_accountant()
        date = check_date_argument(
            self, date or fields.Date.context_today(self), _("The trigger date")
        )
        invoices = self.env["account.invoice"]
        for line in self:
            met = line._get_trigger_date(today=date)
            if not met:
                raise UserError(
                    _("The trigger of the installment %(line)s (%(trigger)s) is "
                      "not met: it cannot be invoiced yet.")
                    % {"line": line.name, "trigger": line._trigger_label()}
                )
            if date < met:
                raise UserError(
                    _("The installment %(line)s cannot be dated %(date)s: its "
                      "trigger was met on %(met)s.")
                    % {"line": line.name, "date": date, "met": met}
                )
            invoices |= line._release_one(date)
        return invoices.ids

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_accountant(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                _("Triggering and invoicing an installment is the accountant's "
                  "step.")
            )

    def _trigger_label(self):
        self.ensure_one()
        return dict(
            self._fields["trigger"]._description_selection(self.env)
        )[self.trigger]

    def _get_trigger_date(self, today=None):
        """The day the trigger was met (a date string), or False.

        Nothing is met before the order is confirmed; a trigger met earlier
        (a contract signed before the order) counts from the confirmation.
        """
        self.ensure_one()
        order = self.order_id.sudo()
        if order.state not in ("sale", "done") or not order.confirmation_date:
            return False
        confirmed = order.confirmation_date[:10]
        met = False
        if self.trigger == "order_confirmed":
            met = confirmed
        elif self.trigger == "contract_signed":
            contract = order.b2b_contract_id
            if contract.date_signed and contract.state in (
                "signed", "in_progress", "done"
            ):
                met = contract.date_signed
        elif self.trigger == "phase_accepted":
            if self.phase_id.state == "accepted":
                dates = self.phase_id.acceptance_ids.filtered(
                    lambda a: a.state == "accepted" and a.date_accepted
                ).mapped("date_accepted")
                met = max(dates)[:10] if dates else (
                    today or fields.Date.context_today(self)
                )
        elif self.trigger == "date":
            today = today or fields.Date.context_today(self)
            if self.date_planned and self.date_planned <= today:
                met = self.date_planned
        return met and max(met, confirmed)

    def _release_met_triggers(self):
        """Trigger (and invoice) the installments whose trigger is met.

        The step that meets a trigger (confirmation, signature, acceptance,
        the date) calls it; no user group is needed for it. Returns the
        invoices.
        """
        invoices = self.env["account.invoice"]
        for line in self.filtered(lambda line: not line.invoice_id):
            date = line.date_triggered or line._get_trigger_date()
            if date:
                invoices |= line._release_one(date)
        return invoices

    def _release_one(self, date):
        self.ensure_one()
        self._lock()
        if not self.date_triggered:
            self._write_step({"date_triggered": date})
        return self._create_invoice()

    def _lock(self):
        """Lock the installment's row until the end of the transaction.

        Re-reads the row afterwards: what another transaction committed
        before we got the lock is what counts.
        """
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM b2b_payment_plan_line WHERE id = %s FOR UPDATE",
            (self.id,),
        )
        self.invalidate_cache(ids=self.ids)

    def _is_settled_by_credit_note(self):
        """An invoice settled by a credit note is not paid."""
        self.ensure_one()
        return any(
            move_line.invoice_id.type == "out_refund"
            for move_line in self.invoice_id.payment_move_line_ids
        )

    def _create_invoice(self):
        """Invoice the installment, at most once. Returns the invoice."""
        self.ensure_one()
        self._lock()
        if self.invoice_id:
            if self.invoice_id.state == "cancel":
                # Back to draft, it reserves its amount again: refused if
                # the order was billed meanwhile (by hand, a final invoice).
                self.order_id.sudo()._b2b_check_billed_within_total(
                    self.invoice_id, installment=self
                )
                self.invoice_id.sudo().action_invoice_draft()
            return self.invoice_id
        # In the order's company, with its journals and accounts, whoever
        # (of whichever company) triggers the installment.
        company = self.order_id.sudo().company_id
        order = self.order_id.sudo().with_context(
            company_id=company.id, force_company=company.id
        )
        if order.state not in ("sale", "done"):
            raise UserError(
                _("The order %s is not confirmed: its installments cannot be "
                  "invoiced.") % order.name
            )
        if float_is_zero(self.amount, precision_rounding=order.currency_id.rounding):
            raise UserError(_("The installment %s has no amount.") % self.name)
        self._check_not_invoiced_twice(order)
        if self._is_last_to_invoice():
            invoice = self._create_final_invoice(order)
        else:
            invoice = self._create_down_payment_invoice(order)
        invoice.write(self._prepare_invoice_update())
        self._check_invoice_within_amount(order, invoice)
        self._write_step(
            {"invoice_id": invoice.id, "amount_invoiced": invoice.amount_total}
        )
        invoice.message_post_with_view(
            "mail.message_origin_link",
            values={"self": invoice, "origin": order},
            subtype_id=self.env.ref("mail.mt_note").id,
        )
        if order.company_id.b2b_validate_installment_invoice:
            invoice.action_invoice_open()
        else:
            invoice._b2b_schedule_validation()
        return invoice

    def _check_not_invoiced_twice(self, order):
        """Refuse an installment that would invoice more than the order
        total: what the order has been billed is read from its invoices
        (drafts reserving, draft credit notes lowering nothing)."""
        billed = order._b2b_amount_billed()
        rounding = order.currency_id.rounding
        if float_compare(
            billed + self.amount, order.amount_total, precision_rounding=rounding
        ) > 0:
            raise UserError(
                _("The order %(order)s is already invoiced for %(invoiced)s out of "
                  "%(total)s: the installment %(line)s would invoice it twice.")
                % {
                    "order": order.name,
                    "invoiced": formatLang(
                        self.env, billed, currency_obj=order.currency_id),
                    "total": formatLang(
                        self.env, order.amount_total, currency_obj=order.currency_id),
                    "line": self.name,
                }
            )

    def _check_invoice_within_amount(self, order, invoice):
        """The new invoice bills the installment, not more (a final invoice
        would bill the share of an installment whose invoice is cancelled),
        and not beyond the order total."""
        currency = order.currency_id
        slack = currency.rounding * len(order.payment_plan_line_ids) * (
            len(order._get_payment_plan_tax_groups()) + 1
        )
        if float_compare(
            invoice.amount_total, self.amount + slack,
            precision_rounding=currency.rounding,
        ) > 0:
            raise UserError(
                _("The installment %(line)s would be invoiced %(billed)s, more "
                  "than its amount %(amount)s: an invoice of an earlier "
                  "installment is cancelled. Invoice that installment again "
                  "first.")
                % {
                    "line": self.name,
                    "billed": formatLang(
                        self.env, invoice.amount_total, currency_obj=currency),
                    "amount": formatLang(
                        self.env, self.amount, currency_obj=currency),
                }
            )
        order._b2b_check_billed_within_total(invoice, installment=self)
        return True

    def _is_last_to_invoice(self):
        """The last installment invoices what is left of the order."""
        others = self.order_id.payment_plan_line_ids - self
        if others.filtered(lambda line: not line.invoice_id):
            return False
        lines = self.order_id.sudo().order_line.filtered(
            lambda line: not line.is_downpayment
        )
        return any(
            float_compare(
                line.qty_to_invoice, 0, precision_rounding=line.product_uom.rounding
            ) > 0
            for line in lines
        )

    def _create_final_invoice(self, order):
        """The order's final invoice (Odoo's): the order's lines, minus every
        installment before with its taxes."""
        invoice_ids = order.action_invoice_create(final=True)
        return self.env["account.invoice"].browse(invoice_ids[:1])

    def _create_down_payment_invoice(self, order):
        """The installment as Odoo's down payment: one down payment line of
        the order per set of taxes of the order, invoiced through the order
        line's own invoicing (``invoice_line_create``)."""
        so_lines = self.sale_line_ids
        if not so_lines:
            so_lines = self._create_down_payment_lines(order)
        invoice = order.env["account.invoice"].create(order._prepare_invoice())
        so_lines.with_env(order.env).invoice_line_create(invoice.id, 1.0)
        invoice.compute_taxes()
        return invoice

    def _create_down_payment_lines(self, order):
        """The order's down payment lines of the installment: its share of
        the untaxed amount of each set of taxes of the order."""
        product = self._get_deposit_product()
        groups = order._get_payment_plan_tax_groups()
        places = order.currency_id.decimal_places
        shares = split_by_bases(
            self.amount, order.amount_total, [base for _taxes, base in groups],
            places,
        )
        Line = self.env["sale.order.line"].sudo()
        so_lines = Line
        for (taxes, _base), share in zip(groups, shares):
            if share:
                so_lines |= Line.create(
                    self._prepare_down_payment_line(order, product, taxes, share)
                )
        if not so_lines:
            raise UserError(_("The installment %s has no amount.") % self.name)
        self._write_step({"sale_line_ids": [(6, 0, so_lines.ids)]})
        return so_lines

    def _get_deposit_product(self):
        return self.env.ref("b2b_sales_delivery.product_installment_deposit")

    def _prepare_down_payment_line(self, order, product, taxes, price_unit):
        name = self.with_context(lang=order.partner_id.lang).name
        if len(order._get_payment_plan_tax_groups()) > 1:
            name = "%s (%s)" % (
                name, ", ".join(taxes.mapped("name")) or _("no tax")
            )
        return {
            "name": name,
            "price_unit": float(price_unit),
            "product_uom_qty": 0.0,
            "order_id": order.id,
            "discount": 0.0,
            "product_uom": product.uom_id.id,
            "product_id": product.id,
            "tax_id": [(6, 0, taxes.ids)],
            "is_downpayment": True,
            "sequence": 10000 + self.sequence,
        }

    def _prepare_invoice_update(self):
        """Values written on the installment's invoice (hook)."""
        values = {
            "name": "%s - %s" % (self.order_id.name, self.name),
            "date_invoice": self.date_triggered,
            "payment_term_id": False,
        }
        if self.date_triggered:
            values["date_due"] = fields.Date.to_string(
                fields.Date.from_string(self.date_triggered)
                + timedelta(days=self.payment_days)
            )
        return values

    @api.model
    def _cron_invoice_due(self, today=None):
        """Invoice the installments whose date has come; retry the triggered
        and those of accepted phases (an acceptance that met a concurrent
        invoicing of its order leaves them here)."""
        today = today or fields.Date.context_today(self)
        lines = self.search([
            ("invoice_id", "=", False),
            ("order_id.state", "in", ("sale", "done")),
            "|", "|",
            ("state", "=", "to_invoice"),
            "&", ("trigger", "=", "date"), ("date_planned", "<=", today),
            "&", ("trigger", "=", "phase_accepted"),
            ("phase_id.state", "=", "accepted"),
        ])

        def release(line):
            date = line.date_triggered or line._get_trigger_date(today=today)
            if date:
                line._release_one(date)

        # Each installment in its own savepoint: one that cannot be invoiced
        # is logged and handed to the company's accountant; the others are
        # invoiced.
        run_each(
            lines, release, _("Invoicing of installments due"),
            lambda line: line.company_id._b2b_get_accountant() or self.env.user,
            lambda line: line.order_id,
        )
        return True
