# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The liquidation of a contract ("thanh lý hợp đồng"): the step to done,
refused while anything of its orders is open; what is open is read from
Odoo's records (order lines, invoices and their payment state, the phases,
the installments), never kept by the addon.

Every road to done meets the rule: the state reaches ``done`` only through
``write``, which checks it here, whatever the step or the caller."""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

# An invoice counts as paid in these payment states (as the installments
# read them).
PAID_STATES = ("paid", "in_payment", "reversed")


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    date_liquidated = fields.Date(
        string="Liquidated on",
        readonly=True,
        copy=False,
        tracking=True,
        help="The date of the liquidation minutes.",
    )
    liquidation_ready = fields.Boolean(
        string="Ready to Liquidate",
        compute="_compute_liquidation_open_items",
        help="Every line of the contract's orders is invoiced, every invoice "
        "and installment paid, every phase accepted.",
    )
    liquidation_open_items = fields.Text(
        string="Still Open", compute="_compute_liquidation_open_items"
    )

    def _compute_liquidation_open_items(self):
        for contract in self:
            items = contract._get_liquidation_open_items()
            contract.liquidation_ready = not items
            contract.liquidation_open_items = "\n".join(items)

    # ------------------------------------------------------------------
    # The rule, on every road to done
    # ------------------------------------------------------------------

    def _check_no_step_fields(self, vals, creating=False):
        if "date_liquidated" in vals and not (creating and not vals["date_liquidated"]):
            raise UserError(
                self.env._(
                    "The liquidation date of a contract is written only by its "
                    "liquidation (Close the Contract)."
                )
            )
        return super()._check_no_step_fields(vals, creating=creating)

    def write(self, vals):
        if vals.get("state") == "done":
            self._check_liquidation()
        return super().write(vals)

    def _check_liquidation(self):
        """Refuse the liquidation of contracts with anything still open,
        naming each open item."""
        for contract in self:
            items = contract._get_liquidation_open_items()
            if items:
                raise UserError(
                    self.env._(
                        "The contract %(name)s cannot be liquidated while "
                        "anything remains open:\n%(items)s",
                        name=contract.name,
                        items="\n".join("- %s" % item for item in items),
                    )
                )
        return True

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def action_liquidate(self, date_liquidated=None):
        """Liquidate the signed contracts on ``date_liquidated``
        (``YYYY-MM-DD``, not in the future; default today): refused while
        anything remains open. Returns True."""
        today = fields.Date.context_today(self)
        day = today
        if date_liquidated:
            try:
                day = fields.Date.to_date(date_liquidated)
            except (TypeError, ValueError):
                day = None
            if not day:
                raise UserError(
                    self.env._(
                        "The liquidation date must be a date written YYYY-MM-DD, "
                        "not %(value)s.",
                        value=repr(date_liquidated),
                    )
                )
            if day > today:
                raise UserError(
                    self.env._("A contract cannot be liquidated in the future.")
                )
        self._move_state("done", ("signed",), {"date_liquidated": day})
        for contract in self:
            contract.message_post(
                body=self.env._(
                    "Contract liquidated: every line invoiced, every invoice and "
                    "installment paid, every phase accepted."
                )
            )
        return True

    def action_done(self):
        """Done is the liquidation: the same step, the same rule."""
        return self.action_liquidate()

    def action_open_close_wizard(self):
        """Open "Close the Contract": what is open, then the liquidation."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close the Contract"),
            "res_model": "b2b.contract.close.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    # ------------------------------------------------------------------
    # What the contract delivered, invoiced and collected
    # ------------------------------------------------------------------

    def _get_liquidation_orders(self):
        """The confirmed orders of the contract (read as superuser: whoever
        reads the contract sees its whole content)."""
        self.ensure_one()
        return self.sudo().sale_order_ids.filtered(lambda order: order.state == "sale")

    def _get_liquidation_phases(self):
        self.ensure_one()
        orders = self._get_liquidation_orders()
        return (
            self.env["b2b.phase"]
            .sudo()
            .search(
                [
                    "|",
                    ("order_id", "in", orders.ids),
                    ("project_id", "in", (orders.project_id | orders.project_ids).ids),
                ]
            )
        )

    def _get_liquidation_invoices(self):
        """The orders' customer invoices and credit notes, not cancelled."""
        self.ensure_one()
        return (
            self._get_liquidation_orders()
            .invoice_ids.filtered(lambda move: move.state != "cancel")
            .sorted(lambda move: (move.invoice_date or fields.Date.today(), move.id))
        )

    def _get_liquidation_lines(self):
        """The orders' own lines (not notes, not down payments)."""
        self.ensure_one()
        return self._get_liquidation_orders().order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _get_liquidation_open_items(self):
        """What still prevents the liquidation, one sentence per item."""
        self.ensure_one()
        items = []
        for line in self._get_liquidation_lines():
            rounding = line.product_uom_id.rounding
            ordered = abs(line.product_uom_qty)
            invoiced = abs(line.qty_invoiced_posted)
            if (
                float_compare(invoiced, ordered, precision_rounding=rounding) < 0
                or float_compare(line.qty_to_invoice, 0, precision_rounding=rounding)
                > 0
            ):
                items.append(
                    self.env._(
                        "The line %(line)s of %(order)s is invoiced for %(invoiced)s "
                        "of %(ordered)s ordered (%(delivered)s delivered).",
                        line=line.name.splitlines()[0] if line.name else "",
                        order=line.order_id.name,
                        invoiced="%g" % line.qty_invoiced_posted,
                        ordered="%g" % line.product_uom_qty,
                        delivered="%g" % line.qty_delivered,
                    )
                )
        for installment in self._get_liquidation_orders().payment_plan_line_ids:
            if installment.state != "paid":
                items.append(
                    self.env._(
                        "The installment %(line)s of %(order)s is %(state)s, "
                        "not paid.",
                        line=installment.name,
                        order=installment.order_id.name,
                        state=dict(
                            installment._fields["state"]._description_selection(
                                self.env
                            )
                        )[installment.state],
                    )
                )
        for invoice in self._get_liquidation_invoices():
            if invoice.state == "draft":
                items.append(
                    self.env._(
                        "The invoice %(invoice)s is a draft: post or delete it.",
                        invoice=invoice.display_name,
                    )
                )
            elif invoice.payment_state not in PAID_STATES:
                items.append(
                    self.env._(
                        "The invoice %(invoice)s is not paid: %(residual)s due.",
                        invoice=invoice.name,
                        residual=invoice.currency_id.format(invoice.amount_residual),
                    )
                )
        for phase in self._get_liquidation_phases():
            if phase.state != "accepted":
                items.append(
                    self.env._(
                        "The phase %(phase)s is %(state)s, not accepted.",
                        phase=phase.name,
                        state=dict(
                            phase._fields["state"]._description_selection(self.env)
                        )[phase.state],
                    )
                )
        return items

    def _get_liquidation_acceptances(self):
        """{phase: its accepted minutes} of the contract's phases."""
        self.ensure_one()
        acceptances = (
            self.env["b2b.acceptance"]
            .sudo()
            .search(
                [
                    ("phase_id", "in", self._get_liquidation_phases().ids),
                    ("state", "=", "accepted"),
                ],
                order="date_accepted desc, id desc",
            )
        )
        result = {}
        for acceptance in acceptances:
            result.setdefault(acceptance.phase_id, acceptance)
        return result

    def _get_liquidation_currency(self):
        """The currency of the minutes: the orders' when they share one (the
        currency they were invoiced in), else the company's."""
        self.ensure_one()
        currencies = self._get_liquidation_orders().currency_id
        return currencies if len(currencies) == 1 else self.currency_id

    def _get_liquidation_figures(self):
        """The amounts of the minutes, in the contract's currency: the
        orders' value, what their invoices invoiced and collected (posted
        invoices less posted credit notes), and what is outstanding."""
        self.ensure_one()
        currency = self._get_liquidation_currency()
        day = self.date_liquidated or fields.Date.context_today(self)

        def convert(amount, from_currency):
            return from_currency._convert(amount, currency, self.company_id, day)

        orders = self._get_liquidation_orders()
        posted = self._get_liquidation_invoices().filtered(
            lambda move: move.state == "posted"
        )
        total = sum(convert(order.amount_total, order.currency_id) for order in orders)
        invoiced = sum(
            -move.direction_sign * convert(move.amount_total, move.currency_id)
            for move in posted
        )
        paid = sum(
            -move.direction_sign
            * convert(move.amount_total - move.amount_residual, move.currency_id)
            for move in posted
        )
        return {
            "untaxed": currency.round(
                sum(convert(order.amount_untaxed, order.currency_id) for order in orders)
            ),
            "tax": currency.round(
                sum(convert(order.amount_tax, order.currency_id) for order in orders)
            ),
            "total": currency.round(total),
            "invoiced": currency.round(invoiced),
            "paid": currency.round(paid),
            "outstanding": currency.round(total - paid),
        }
