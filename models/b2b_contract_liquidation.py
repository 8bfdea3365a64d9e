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

from ..utils.arguments import past_date_argument
from ..utils.steps import StepFacts
from .b2b_contract import CONTRACT_STEP_KEY


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

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(CONTRACT_STEP_KEY, ("date_liquidated",), "_liquidation_date_refusal")
        ]

    def _liquidation_date_refusal(self):
        return self.env._(
            "The liquidation date of a contract is written only by its "
            "liquidation (Close the Contract)."
        )

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
        day = past_date_argument(
            self,
            date_liquidated,
            self.env._("The liquidation date"),
            self.env._("A contract cannot be liquidated in the future."),
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

    def _get_liquidation_open_items(self):
        """What still prevents the liquidation, one sentence per item: what
        its orders leave open (``sale.order._b2b_open_items``), and each
        phase not accepted."""
        self.ensure_one()
        items = self._get_liquidation_orders()._b2b_open_items()
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
