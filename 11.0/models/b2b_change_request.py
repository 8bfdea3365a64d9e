# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero, html_escape

from .b2b_confirmation_link_mixin import CONFIRMATION_CHANNELS
from .sale_order_scope import APPROVED_CHANGE

CHANGE_REQUEST_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to the Customer"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
CHANGE_STATE_FIELDS = {
    "state", "access_token", "token_expiry", "date_sent", "date_decided",
    "decided_by", "decided_via", "sale_line_id", "change_order_id",
}
CHANGE_CONTENT_FIELDS = {"order_id", "name", "description", "extra_amount", "extra_days"}


class B2bChangeRequest(models.Model):
    """A change of a locked scope: what changes, at what cost and delay.

    The customer approves it (link, email...); an approved change adds its
    amount to the order and its days to the delivery plan, exactly once.
    """

    _name = "b2b.change.request"
    _description = "Change Request"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "b2b.confirmation.link.mixin",
        "b2b.step.mixin",
    ]
    _order = "order_id, id"
    _step_fields = tuple(sorted(CHANGE_STATE_FIELDS))
    # What the customer is sent: it changes only while the change is a draft.
    _content_fields = tuple(sorted(CHANGE_CONTENT_FIELDS))
    _step_drop_actions = {"draft": "action_draft", "sent": "action_send"}
    _mail_preview_actions = {
        "action_send": "b2b_sales_delivery.mail_template_change_request",
    }

    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade",
        index=True, track_visibility="onchange",
    )
    name = fields.Char(
        string="What Changes", required=True, track_visibility="onchange"
    )
    description = fields.Text()
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", readonly=True
    )
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, readonly=True
    )
    company_id = fields.Many2one(
        related="order_id.company_id", string="Company", store=True, readonly=True
    )
    currency_id = fields.Many2one(
        related="order_id.currency_id", string="Currency", readonly=True
    )
    b2b_contract_id = fields.Many2one(
        related="order_id.b2b_contract_id", string="Contract", readonly=True
    )
    extra_amount = fields.Monetary(
        string="Extra Amount (untaxed)", track_visibility="onchange"
    )
    extra_days = fields.Integer(string="Extra Days", track_visibility="onchange")
    state = fields.Selection(
        CHANGE_REQUEST_STATES, default="draft", required=True, readonly=True,
        copy=False, index=True, track_visibility="onchange",
    )
    access_token = fields.Char(
        string="Approval Link Token", copy=False, readonly=True,
        groups="sales_team.group_sale_salesman",
    )
    token_expiry = fields.Datetime(
        string="Approval Link Valid Until", copy=False, readonly=True
    )
    approval_url = fields.Char(
        string="Approval Link", compute="_compute_approval_url",
        groups="sales_team.group_sale_salesman",
    )
    date_sent = fields.Datetime(string="Sent on", copy=False, readonly=True)
    date_decided = fields.Datetime(string="Decided on", copy=False, readonly=True)
    decided_by = fields.Char(copy=False, readonly=True, track_visibility="onchange")
    decided_via = fields.Selection(
        CONFIRMATION_CHANNELS, string="Decided via", copy=False, readonly=True
    )
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Order Line Added", copy=False, readonly=True,
        ondelete="set null",
    )
    change_order_id = fields.Many2one(
        "sale.order", string="Order Created", copy=False, readonly=True,
        ondelete="set null",
        help="The order created for the change when the original order was "
        "already invoiced.",
    )

    @api.depends("access_token")
    def _compute_approval_url(self):
        for change in self:
            change.approval_url = change._link_url("b2b/change")

    @api.constrains("extra_days")
    def _check_extra_days(self):
        if any(change.extra_days < 0 for change in self):
            raise ValidationError(_("The extra days of a change cannot be negative."))

    @api.constrains("order_id")
    def _check_order_id(self):
        for change in self:
            if change.order_id.state == "cancel":
                raise ValidationError(
                    _("The order %s is cancelled: it takes no change request.")
                    % change.order_id.name
                )

    @api.multi
    def write(self, vals):
        if set(self._content_fields).intersection(vals):
            for change in self.filtered(lambda c: c.state != "draft"):
                raise UserError(
                    _("The change request %s was sent to the customer: set it "
                      "back to draft before editing it.") % change.name
                )
        return super().write(vals)

    @api.multi
    def unlink(self):
        if any(change.state == "approved" for change in self):
            raise UserError(_("An approved change request cannot be deleted."))
        return super().unlink()

    def _write_state(self, vals):
        """Write the status fields (the actions' only way to them)."""
        return self.sudo()._step_write(vals)

    def _step_refusal(self, vals):
        return _("The status of a change request changes only through its "
                 "actions: send, approve, reject.")

    _link_write = _write_state

    @api.multi
    def action_send(self):
        """Mail the customer the change with the link to approve it."""
        for change in self:
            if change.state not in ("draft", "sent"):
                raise UserError(
                    _("The change request %s is already decided.") % change.name
                )
        return self._send_link("b2b_sales_delivery.mail_template_change_request")

    @api.multi
    def action_preview_send(self):
        """Button: see the mail of the change before sending it."""
        return self._b2b_mail_preview("action_send")

    @api.multi
    def action_revoke_link(self):
        """Revoke the approval link: a new token, the old link shows nothing."""
        return self._revoke_link()

    @api.multi
    def action_draft(self):
        """Back to draft to edit a change not yet approved; the link dies."""
        for change in self:
            if change.state == "approved":
                raise UserError(
                    _("The change request %s is approved: it cannot go back to "
                      "draft.") % change.name
                )
            change._write_state(
                {"state": "draft", "access_token": False, "token_expiry": False}
            )
        return True

    @api.multi
    def action_approve(self, approved_by=False, via="other"):
        """Record the customer's approval and apply the change once: its
        amount to the order, its days to the delivery plan. Approving an
        approved change changes nothing."""
        for change in self:
            if change.state == "approved":
                continue
            if change.state == "rejected":
                raise UserError(
                    _("The change request %s was rejected: it cannot be "
                      "approved.") % change.name
                )
            change._record_decision("approved", approved_by, via)
            change._write_state(change._apply_amount())
            change._apply_days()
            change.order_id.message_post(
                author_id=change.partner_id.id if via == "link" else None,
                body=_("Change request approved by %(who)s: %(change)s "
                       "(%(amount)s, %(days)s days).")
                % {"who": html_escape(change.decided_by),
                   "change": html_escape(change.name),
                   "amount": change._format_amount(), "days": change.extra_days}
            )
        return True

    @api.multi
    def action_reject(self, rejected_by=False, via="other"):
        """Record the customer's refusal: nothing changes on the order."""
        for change in self:
            if change.state == "rejected":
                continue
            if change.state == "approved":
                raise UserError(
                    _("The change request %s is approved: it cannot be "
                      "rejected.") % change.name
                )
            change._record_decision("rejected", rejected_by, via)
        return True

    def _record_decision(self, state, decided_by, via):
        """Write the customer's decision: who (default: the customer),
        how, now."""
        self.ensure_one()
        self._check_channel(via)
        decided_by = self._check_customer_name(decided_by)
        return self._write_state(
            {
                "state": state,
                "date_decided": fields.Datetime.now(),
                "decided_by": decided_by or self.partner_id.display_name,
                "decided_via": via,
                # The customer decided: the link is spent.
                "access_token": False,
                "token_expiry": False,
            }
        )

    def _format_amount(self):
        self.ensure_one()
        lang = self.env["res.lang"]._lang_get(self.env.lang or "en_US")
        return "%s %s" % (
            lang.format("%.{0}f".format(self.currency_id.decimal_places),
                        self.extra_amount, grouping=True),
            self.currency_id.symbol,
        )

    def _get_change_product(self):
        return self.env.ref("b2b_sales_delivery.product_change_request")

    def _needs_new_order(self):
        """An order already invoiced in full, or locked, takes no new line:
        the change goes to a new order under the same contract."""
        self.ensure_one()
        order = self.order_id
        return order.invoice_status == "invoiced" or order.state == "done"

    def _prepare_order_line_values(self, order):
        self.ensure_one()
        product = self._get_change_product()
        return {
            "order_id": order.id,
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": 1.0,
            "price_unit": self.extra_amount,
            "name": _("Change request: %s") % self.name,
        }

    def _prepare_change_order_values(self):
        self.ensure_one()
        order = self.order_id
        return {
            "partner_id": order.partner_id.id,
            "partner_invoice_id": order.partner_invoice_id.id,
            "partner_shipping_id": order.partner_shipping_id.id,
            "pricelist_id": order.pricelist_id.id,
            "payment_term_id": order.payment_term_id.id,
            "fiscal_position_id": order.fiscal_position_id.id,
            "user_id": order.user_id.id,
            "team_id": order.team_id.id,
            "company_id": order.company_id.id,
            "opportunity_id": order.opportunity_id.id,
            "b2b_contract_id": order.b2b_contract_id.id,
            "client_order_ref": order.client_order_ref,
            "origin": "%s / %s" % (order.name, self.name),
        }

    def _apply_amount(self):
        """Add the amount to the order (or to a new order); return the
        values that record where it went."""
        self.ensure_one()
        currency = self.currency_id
        if float_is_zero(self.extra_amount, precision_rounding=currency.rounding):
            return {}
        Line = self.env["sale.order.line"].with_context(
            b2b_approved_change=APPROVED_CHANGE
        )
        if not self._needs_new_order():
            line = Line.create(self._prepare_order_line_values(self.order_id))
            return {"sale_line_id": line.id}
        new_order = self.env["sale.order"].create(self._prepare_change_order_values())
        line = Line.create(self._prepare_order_line_values(new_order))
        if self.order_id.state in ("sale", "done"):
            new_order.action_confirm()
        new_order._write_scope(
            {
                "scope_snapshot": new_order._scope_snapshot(),
                "scope_state": "confirmed",
                "scope_date_confirmed": fields.Datetime.now(),
                "scope_confirmed_by": self.decided_by
                or self.partner_id.display_name,
                "scope_confirmed_via": self.decided_via or "other",
                "scope_amount_confirmed": new_order.amount_untaxed,
            }
        )
        new_order.message_post(
            body=_("Order created for the approved change request %(change)s "
                   "of %(order)s.")
            % {"change": self.name, "order": self.order_id.name}
        )
        return {"sale_line_id": line.id, "change_order_id": new_order.id}

    def _apply_days(self):
        """Push the open part of the delivery plan back by the extra days.

        The customer's approval is the authority: the salesperson who
        records it need not manage the project.
        """
        self.ensure_one()
        if self.extra_days:
            projects = self.order_id.project_ids.sudo()
            projects.extend_plan(self.extra_days)
            projects._extend_agreed_dates(self.extra_days)
        return True
