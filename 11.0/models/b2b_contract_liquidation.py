# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Closing a contract with its liquidation minutes ("biên bản thanh lý hợp
đồng"): once every phase of its orders is accepted and every installment
paid; earlier only by a sales manager giving a reason, logged."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape
from odoo.tools.misc import formatLang

# Only server code can put this object in a context (RPC cannot carry it):
# the facts of the closing are written by ``action_close`` alone.
LIQUIDATION_WRITE = object()
LIQUIDATION_FIELDS = {"date_closed", "closed_by_id", "close_reason", "closed_early"}
OPEN_CONTRACT_STATES = ("signed", "in_progress")


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    date_closed = fields.Date(
        string="Closed on", readonly=True, copy=False, track_visibility="onchange",
        help="Date of the liquidation minutes.",
    )
    closed_by_id = fields.Many2one(
        "res.users", string="Closed by", readonly=True, copy=False,
        ondelete="restrict",
    )
    closed_early = fields.Boolean(
        string="Closed Before Completion", readonly=True, copy=False,
        help="Closed by a sales manager while phases, installments or "
        "invoices were still open.",
    )
    close_reason = fields.Text(
        string="Reason for Closing Early", readonly=True, copy=False
    )
    liquidation_ready = fields.Boolean(
        string="Ready to Close", compute="_compute_liquidation_open_items",
        help="Every phase of the contract's orders is accepted, every "
        "installment and invoice paid: the contract can be liquidated.",
    )
    liquidation_open_items = fields.Text(
        string="Still Open", compute="_compute_liquidation_open_items"
    )

    def _compute_liquidation_open_items(self):
        for contract in self:
            items = contract._get_liquidation_open_items()
            contract.liquidation_ready = not items
            contract.liquidation_open_items = "\n".join(items)

    @api.model
    def create(self, vals):
        self._check_liquidation_fields(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_liquidation_fields(vals)
        return super().write(vals)

    @api.multi
    def copy(self, default=None):
        default = dict(default or {})
        self._check_liquidation_fields(default)
        # a copy is a new contract to negotiate, never a closed one
        default.setdefault("state", "draft")
        return super().copy(default)

    def _check_liquidation_fields(self, vals):
        """The closing and its facts are written by ``action_close`` only."""
        if self.env.context.get("b2b_liquidation") is LIQUIDATION_WRITE:
            return
        fields_sent = LIQUIDATION_FIELDS & set(vals)
        if fields_sent:
            raise UserError(
                _("%s: these facts of the closing are written only by closing "
                  "the contract.") % ", ".join(sorted(fields_sent))
            )
        if vals.get("state") == "done":
            raise UserError(
                _("A contract is closed only by its Close step, which checks "
                  "that every phase is accepted and every installment paid.")
            )

    @api.multi
    def action_done(self):
        """The old "Done" step closes the contract as ``action_close`` does:
        with the same rules."""
        return self.action_close()

    @api.multi
    def action_close(self, reason=None):
        """Close (liquidate) the contracts: signed or in progress, nothing
        open; with something open, only a sales manager closes, giving a
        ``reason``, logged in the chatter with what was still open."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        if reason not in (None, False) and not isinstance(reason, str):
            raise UserError(_("The reason for closing must be a text."))
        reason = (reason or "").strip()
        for contract in self:
            if contract.state not in OPEN_CONTRACT_STATES:
                raise UserError(
                    _("Only a signed contract or one in progress can be closed; "
                      "%(name)s is %(state)s.")
                    % {"name": contract.name,
                       "state": contract._fields["state"].convert_to_export(
                           contract.state, contract)}
                )
            open_items = contract._get_liquidation_open_items()
            if open_items:
                if not self.env.user.has_group("sales_team.group_sale_manager"):
                    raise AccessError(
                        _("The contract %(name)s still has open items:\n%(items)s\n"
                          "Only a sales manager can close it before they are "
                          "done, giving a reason.")
                        % {"name": contract.name, "items": "\n".join(open_items)}
                    )
                if not reason:
                    raise UserError(
                        _("The contract %(name)s still has open items:\n%(items)s\n"
                          "Give the reason for closing it now.")
                        % {"name": contract.name, "items": "\n".join(open_items)}
                    )
            contract._close(open_items, reason)
        return True

    @api.multi
    def action_close_open(self):
        """Button: close at once when nothing is open (and print the
        minutes), else open the dialog asking a sales manager for the reason."""
        self.ensure_one()
        if self._get_liquidation_open_items():
            return {
                "type": "ir.actions.act_window",
                "name": _("Close the Contract Early"),
                "res_model": "b2b.contract.close.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_contract_id": self.id},
            }
        self.action_close()
        return self.env.ref(
            "b2b_sales_delivery.action_report_b2b_contract_liquidation"
        ).report_action(self)

    def _close(self, open_items, reason):
        self.ensure_one()
        self.with_context(b2b_liquidation=LIQUIDATION_WRITE).write({
            "date_closed": fields.Date.context_today(self),
            "closed_by_id": self.env.user.id,
            "closed_early": bool(open_items),
            "close_reason": reason if open_items else False,
        })
        self.with_context(b2b_liquidation=LIQUIDATION_WRITE)._set_state(
            "done", OPEN_CONTRACT_STATES
        )
        if open_items:
            body = _("<p>Closed before completion by %(user)s.</p>"
                     "<p>Reason: %(reason)s</p><p>Still open:</p>") % {
                "user": html_escape(self.env.user.name),
                "reason": html_escape(reason),
            }
            body += "<ul>%s</ul>" % "".join(
                "<li>%s</li>" % html_escape(item) for item in open_items
            )
        else:
            body = _("Contract closed: every phase accepted and every "
                     "installment paid. The liquidation minutes can be printed.")
        self.message_post(body=body)

    # ------------------------------------------------------------------
    # What the contract delivered, invoiced and collected
    # ------------------------------------------------------------------
    def _get_liquidation_orders(self):
        """The confirmed orders of the contract (read as superuser: the
        contract's reader sees its whole content)."""
        self.ensure_one()
        return self.sudo().sale_order_ids.filtered(
            lambda o: o.state in ("sale", "done")
        )

    def _get_liquidation_phases(self):
        self.ensure_one()
        orders = self._get_liquidation_orders()
        Phase = self.env["b2b.phase"].sudo()
        domain = [("project_id.sale_order_id", "in", orders.ids)]
        if "order_id" in Phase._fields:
            domain = ["|", ("order_id", "in", orders.ids)] + domain
        return Phase.search(domain)

    def _get_liquidation_acceptances(self):
        """{phase id: its accepted minutes} of the contract's phases."""
        self.ensure_one()
        acceptances = self.env["b2b.acceptance"].sudo().search([
            ("phase_id", "in", self._get_liquidation_phases().ids),
            ("state", "=", "accepted"),
        ])
        return {acceptance.phase_id.id: acceptance for acceptance in acceptances}

    def _get_liquidation_invoices(self):
        """Customer invoices and credit notes of the orders, not cancelled."""
        self.ensure_one()
        return self._get_liquidation_orders().mapped("invoice_ids").filtered(
            lambda inv: inv.state != "cancel"
        ).sorted(lambda inv: (inv.date_invoice or "", inv.id))

    def _get_liquidation_open_items(self):
        """What still prevents a plain closing, one sentence per item."""
        self.ensure_one()
        items = []
        orders = self.sudo().sale_order_ids
        for order in orders.filtered(lambda o: o.state in ("draft", "sent")):
            items.append(
                _("The quotation %s is neither confirmed nor cancelled.") % order.name
            )
        confirmed = self._get_liquidation_orders()
        if not confirmed:
            items.append(_("The contract has no confirmed order."))
        for phase in self._get_liquidation_phases().filtered(
            lambda p: p.state != "accepted"
        ):
            items.append(
                _("The phase %(phase)s is %(state)s, not accepted.")
                % {"phase": phase.name,
                   "state": phase._fields["state"].convert_to_export(
                       phase.state, phase)}
            )
        for line in confirmed.mapped("payment_plan_line_ids").filtered(
            lambda line: line.state != "paid"
        ):
            items.append(
                _("The installment %(line)s of %(order)s is %(state)s, not paid.")
                % {"line": line.name, "order": line.order_id.name,
                   "state": line._fields["state"].convert_to_export(
                       line.state, line)}
            )
        for invoice in self._get_liquidation_invoices().filtered(
            lambda inv: inv.state != "paid"
        ):
            items.append(
                _("The invoice %(invoice)s is not paid.")
                % {"invoice": invoice.number or invoice.display_name}
            )
        for order in confirmed.filtered(lambda o: o.invoice_status == "to invoice"):
            items.append(_("The order %s still has amounts to invoice.") % order.name)
        return items

    def _format_amount(self, amount, currency=None):
        """``amount`` with its currency, in the language of the context."""
        self.ensure_one()
        return formatLang(self.env, amount, currency_obj=currency or self.currency_id)

    def _get_liquidation_figures(self):
        """Amounts of the liquidation minutes, in the contract's currency."""
        self.ensure_one()
        currency = self.currency_id

        def convert(amount, from_currency):
            if from_currency and from_currency != currency:
                return from_currency.compute(amount, currency)
            return amount

        orders = self._get_liquidation_orders()
        invoices = self._get_liquidation_invoices()
        sign = {"out_invoice": 1, "out_refund": -1}
        value_untaxed = sum(convert(o.amount_untaxed, o.currency_id) for o in orders)
        value_tax = sum(convert(o.amount_tax, o.currency_id) for o in orders)
        value_total = sum(convert(o.amount_total, o.currency_id) for o in orders)
        posted = invoices.filtered(lambda inv: inv.state in ("open", "paid"))
        invoiced = sum(
            sign.get(inv.type, 0) * convert(inv.amount_total, inv.currency_id)
            for inv in posted
        )
        paid = sum(
            sign.get(inv.type, 0)
            * convert(inv.amount_total - inv.residual, inv.currency_id)
            for inv in posted
        )
        return {
            "value_untaxed": currency.round(value_untaxed),
            "value_tax": currency.round(value_tax),
            "value_total": currency.round(value_total),
            "invoiced": currency.round(invoiced),
            "paid": currency.round(paid),
            "outstanding": currency.round(value_total - paid),
        }
