# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero
from odoo.tools.misc import formatLang

from ..utils.payment import split_amount

PLAN_TRIGGERS = [
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
# Fields only the plan itself writes (through its methods).
PLAN_LINE_PROTECTED_FIELDS = {"state", "invoice_id", "date_triggered", "sale_line_id"}


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
    name = fields.Char(string="Installment", required=True, translate=True)
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
        help="Tax included. The rounding remainder goes to the last installment "
        "so that the plan adds up to the order total.",
    )
    trigger = fields.Selection(
        PLAN_TRIGGERS, default="order_confirmed", required=True,
        track_visibility="onchange",
    )
    phase_id = fields.Many2one(
        "b2b.phase", string="Phase", ondelete="restrict", index=True,
        domain="[('project_id.sale_order_id', '=', order_id)]",
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
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Down Payment Line", readonly=True, copy=False,
        ondelete="set null",
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
        "amount_type", "percent", "fixed_amount", "sequence",
        "order_id.amount_total", "order_id.currency_id",
        "order_id.payment_plan_line_ids.amount_type",
        "order_id.payment_plan_line_ids.percent",
        "order_id.payment_plan_line_ids.fixed_amount",
        "order_id.payment_plan_line_ids.sequence",
    )
    def _compute_amount(self):
        for order in self.mapped("order_id"):
            # A stable sort on the sequence alone: the lines keep their order
            # (by id once saved); new lines of a form have ids (NewId) that
            # cannot be compared.
            lines = order.payment_plan_line_ids.sorted(lambda line: line.sequence)
            amounts = split_amount(
                order.amount_total,
                [
                    (line.amount_type,
                     line.percent if line.amount_type == "percent"
                     else line.fixed_amount)
                    for line in lines
                ],
                order.currency_id.decimal_places,
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

    @api.depends("date_triggered", "invoice_id", "invoice_id.state")
    def _compute_state(self):
        for line in self:
            invoice_state = line.invoice_id.state
            if invoice_state == "paid":
                line.state = "paid"
            elif invoice_state and invoice_state != "cancel":
                line.state = "invoiced"
            elif line.date_triggered:
                line.state = "to_invoice"
            else:
                line.state = "planned"

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_overdue = bool(
                line.state in ("to_invoice", "invoiced")
                and line.date_due and line.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("state", "in", ("to_invoice", "invoiced")),
            ("date_due", "<", today),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&"] + domain

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
            project = line.phase_id.project_id
            if line.phase_id and project.sale_order_id != line.order_id:
                raise ValidationError(
                    _("The phase %(phase)s is not a phase of the project of "
                      "order %(order)s.")
                    % {"phase": line.phase_id.name, "order": line.order_id.name}
                )

    @api.constrains("amount_type", "percent", "fixed_amount", "order_id", "sequence")
    def _check_plan_of_confirmed_order(self):
        if self.env.context.get("b2b_plan_checked_by_order"):
            return
        self.mapped("order_id").filtered(
            lambda o: o.state in ("sale", "done")
        )._check_payment_plan()

    @api.model
    def create(self, vals):
        self._check_protected_fields(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_protected_fields(vals)
        frozen_fields = {
            "amount", "amount_type", "percent", "fixed_amount", "trigger",
            "phase_id", "order_id",
        }
        if set(vals) & frozen_fields:
            done = self.filtered(lambda line: line.state in ("invoiced", "paid"))
            if done:
                raise UserError(
                    _("The installment %s is already invoiced: its amount and "
                      "trigger can no longer change.") % done[0].name
                )
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda line: line.state in ("invoiced", "paid")):
            raise UserError(_("An invoiced installment cannot be deleted."))
        return super().unlink()

    def _check_protected_fields(self, vals):
        if not self.env.context.get("b2b_plan_internal") and (
            PLAN_LINE_PROTECTED_FIELDS & set(vals)
        ):
            raise UserError(
                _("The state and the invoice of an installment follow its trigger "
                  "and its invoice; they cannot be set by hand.")
            )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def action_invoice(self):
        """Create the invoice of triggered installments (once); return the ids."""
        invoices = self.env["account.invoice"]
        for line in self:
            if line.state == "planned":
                raise UserError(
                    _("The installment %s is not due for invoicing yet.") % line.name
                )
            invoices |= line._create_invoice()
        return invoices.ids

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

        Returns the ids of the invoices (new or already there).
        """
        date = date or fields.Date.context_today(self)
        invoices = self.env["account.invoice"]
        for line in self:
            if not line.date_triggered:
                line.with_context(b2b_plan_internal=True).date_triggered = date
            invoices |= line._create_invoice()
        return invoices.ids

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

    def _create_invoice(self):
        """Invoice the installment, at most once. Returns the invoice."""
        self.ensure_one()
        self._lock()
        if self.invoice_id and self.invoice_id.state != "cancel":
            return self.invoice_id
        order = self.order_id.sudo()
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
        self.with_context(b2b_plan_internal=True).write({"invoice_id": invoice.id})
        invoice.message_post_with_view(
            "mail.message_origin_link",
            values={"self": invoice, "origin": order},
            subtype_id=self.env.ref("mail.mt_note").id,
        )
        if order.company_id.b2b_validate_installment_invoice:
            invoice.action_invoice_open()
        return invoice

    def _check_not_invoiced_twice(self, order):
        """Refuse an installment that would invoice more than the order total."""
        invoiced = sum(
            inv.amount_total * (-1 if inv.type == "out_refund" else 1)
            for inv in order.invoice_ids
            if inv.state != "cancel"
        )
        rounding = order.currency_id.rounding
        if float_compare(
            invoiced + self.amount, order.amount_total, precision_rounding=rounding
        ) > 0:
            raise UserError(
                _("The order %(order)s is already invoiced for %(invoiced)s out of "
                  "%(total)s: the installment %(line)s would invoice it twice.")
                % {
                    "order": order.name,
                    "invoiced": formatLang(
                        self.env, invoiced, currency_obj=order.currency_id),
                    "total": formatLang(
                        self.env, order.amount_total, currency_obj=order.currency_id),
                    "line": self.name,
                }
            )

    def _is_last_to_invoice(self):
        """The last installment invoices what is left of the order."""
        others = self.order_id.payment_plan_line_ids - self
        if others.filtered(lambda line: line.state in ("planned", "to_invoice")):
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
        """The order's final invoice, deducting the installments before."""
        invoice_ids = order.action_invoice_create(final=True)
        return self.env["account.invoice"].browse(invoice_ids[:1])

    def _create_down_payment_invoice(self, order):
        """A down payment of the installment's amount (Odoo's mechanism)."""
        product = self._get_deposit_product()
        so_line = self.sale_line_id
        if not so_line:
            so_line = self.env["sale.order.line"].sudo().create(
                self._prepare_down_payment_line(order, product)
            )
            self.with_context(b2b_plan_internal=True).sale_line_id = so_line
        account = (
            product.property_account_income_id
            or product.categ_id.property_account_income_categ_id
        )
        account = order.fiscal_position_id.map_account(account)
        if not account:
            raise UserError(
                _('There is no income account defined for the product "%s".')
                % product.name
            )
        Invoice = self.env["account.invoice"].sudo()
        values = order._prepare_invoice()
        values["invoice_line_ids"] = [(0, 0, {
            "name": self.with_context(lang=order.partner_id.lang).name,
            "origin": order.name,
            "account_id": account.id,
            "price_unit": self.amount,
            "quantity": 1.0,
            "uom_id": product.uom_id.id,
            "product_id": product.id,
            "sale_line_ids": [(6, 0, so_line.ids)],
            "account_analytic_id": order.analytic_account_id.id or False,
        })]
        invoice = Invoice.create(values)
        invoice.compute_taxes()
        return invoice

    def _get_deposit_product(self):
        return self.env.ref("b2b_sales_delivery.product_installment_deposit")

    def _prepare_down_payment_line(self, order, product):
        return {
            "name": self.with_context(lang=order.partner_id.lang).name,
            "price_unit": self.amount,
            "product_uom_qty": 0.0,
            "order_id": order.id,
            "discount": 0.0,
            "product_uom": product.uom_id.id,
            "product_id": product.id,
            "tax_id": [(6, 0, [])],
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
        """Invoice the installments whose date has come; retry the triggered."""
        today = today or fields.Date.context_today(self)
        lines = self.search([
            ("invoice_id", "=", False),
            ("order_id.state", "in", ("sale", "done")),
            "|",
            ("state", "=", "to_invoice"),
            "&", ("trigger", "=", "date"), ("date_planned", "<=", today),
        ])
        for line in lines:
            line.action_trigger(line.date_planned if line.trigger == "date" else today)
        return True
