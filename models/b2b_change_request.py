# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A change of a locked scope, priced in money and working days. Sent to the
customer with its own link; approved or rejected only by the customer's word
(their link, or their mail received on the change request). An approval is
applied exactly once: one order line for the extra amount, taxed as the
order's lines, and the open phases' deadlines moved by the extra days."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_is_zero, format_amount

from ..utils import plan_dates
from ..utils.scope_steps import (
    CHANGE_STEP_KEY,
    CONFIRMED_VIA,
    clean_customer_name,
    composer_action,
    send_with_template,
)
from ..utils.steps import StepFacts, with_step

# The mixins this model inherits are registered first.
from . import b2b_customer_word, b2b_step_mixin  # noqa: F401

CHANGE_REQUEST_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to the Customer"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
# The facts of the steps: written only inside a change request's step.
CHANGE_STEP_FIELDS = frozenset(
    {
        "state",
        "partner_id",
        "date_sent",
        "date_decided",
        "decided_by",
        "decided_via",
        "decided_uid",
        "message_id",
        "signature",
        "sale_line_id",
    }
)
# What the customer is sent: it changes only while the request is a draft.
CHANGE_CONTENT_FIELDS = frozenset(
    {"order_id", "name", "description", "extra_amount", "extra_days"}
)


def add_working_days(day, days, is_working_day):
    """``day`` moved forward by ``days`` working days."""
    for _step in range(days):
        day = plan_dates.next_working_day(day + timedelta(days=1), is_working_day)
    return day


class B2bChangeRequest(models.Model):
    _name = "b2b.change.request"
    _description = "Change Request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "b2b.customer.word.mixin",
        "b2b.step.mixin",
    ]
    _order = "order_id, id desc"

    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        domain=[("scope_state", "=", "confirmed")],
    )
    name = fields.Char(string="What Changes", required=True, tracking=True)
    description = fields.Text()
    company_id = fields.Many2one(
        related="order_id.company_id", string="Company", store=True, index=True
    )
    currency_id = fields.Many2one(related="order_id.currency_id", string="Currency")
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, index=True
    )
    customer_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    extra_amount = fields.Monetary(
        string="Extra Amount (untaxed)",
        tracking=True,
        help="Added to the order as one line, taxed as the order's lines.",
    )
    extra_days = fields.Integer(
        string="Extra Working Days",
        tracking=True,
        help="The order's phases not yet accepted move by this many working days.",
    )
    state = fields.Selection(
        CHANGE_REQUEST_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Sent to",
        readonly=True,
        copy=False,
        index=True,
        help="The customer the change request was sent to: the only one whose "
        "word decides it.",
    )
    date_sent = fields.Datetime(string="Sent on", readonly=True, copy=False)
    date_decided = fields.Datetime(string="Decided on", readonly=True, copy=False)
    decided_by = fields.Char(readonly=True, copy=False, tracking=True)
    decided_via = fields.Selection(
        CONFIRMED_VIA, string="Decided via", readonly=True, copy=False
    )
    decided_uid = fields.Many2one(
        "res.users", string="Recorded by", readonly=True, copy=False
    )
    message_id = fields.Many2one(
        "mail.message",
        string="Customer's Mail",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    signature = fields.Image(
        readonly=True, copy=False, attachment=True, max_width=1024, max_height=1024
    )
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line Added",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for change in self:
            change.access_url = "/my/change_requests/%s" % change.id
        return result

    @api.constrains("extra_days")
    def _check_extra_days(self):
        for change in self:
            if change.extra_days < 0:
                raise ValidationError(
                    self.env._(
                        "The extra days of the change request %(change)s cannot be "
                        "negative.",
                        change=change.name,
                    )
                )

    @api.constrains("order_id")
    def _check_order_id(self):
        for change in self.sudo():
            if change.order_id.scope_state != "confirmed":
                raise ValidationError(
                    self.env._(
                        "The scope of %(order)s is not confirmed by the customer: "
                        "a change request changes a confirmed scope only.",
                        order=change.order_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: the steps' facts only through the steps; content while draft
    # ------------------------------------------------------------------

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                CHANGE_STEP_KEY, CHANGE_STEP_FIELDS, "_step_refusal", initial={"state": "draft"}
            )
        ]

    def write(self, vals):
        # The steps' facts first, then what a sent request allows.
        self._b2b_check_step_facts(vals=vals)
        if CHANGE_CONTENT_FIELDS.intersection(vals):
            for change in self.filtered(lambda c: c.state != "draft"):
                raise UserError(
                    self.env._(
                        "The change request %(change)s was sent to the customer: "
                        "what it changes cannot be edited any more.",
                        change=change.name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        for change in self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "The change request %(change)s was sent to the customer: it "
                    "cannot be deleted.",
                    change=change.name,
                )
            )

    def _step_refusal(self):
        return self.env._(
            "The status of a change request and the customer's decision change "
            "only through its steps: send it, the customer approves or rejects it."
        )

    def _write_step(self, vals):
        return with_step(self.sudo(), CHANGE_STEP_KEY).write(vals)

    # ------------------------------------------------------------------
    # Steps: send, approve, reject
    # ------------------------------------------------------------------

    def _b2b_customer_partners(self):
        return self.partner_id

    def _check_salesperson(self):
        """Salespeople who may change the order send and record the
        customer's decision; accountants and project people do not."""
        if not self.env.su and not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(
                self.env._(
                    "Only salespeople send a change request or record the "
                    "customer's decision."
                )
            )
        self.check_access("write")
        self.order_id.check_access("write")
        return True

    def _get_mail_template(self):
        return self.env.ref("b2b_sales_delivery.mail_template_change_request")

    def _b2b_check_sendable(self):
        self._check_salesperson()
        for change in self:
            if change.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "The change request %(change)s is already decided.",
                        change=change.name,
                    )
                )
            if change.order_id.state == "cancel":
                raise UserError(
                    self.env._(
                        "The order %(order)s is cancelled.", order=change.order_id.name
                    )
                )
            if not change.order_id.partner_id.email:
                raise UserError(
                    self.env._(
                        "The customer %(partner)s has no email address: the change "
                        "request cannot be sent.",
                        partner=change.order_id.partner_id.display_name,
                    )
                )
        return True

    def action_open_composer(self):
        """The button: the mail of the change request in the composer."""
        self.ensure_one()
        self._b2b_check_sendable()
        return composer_action(self, self._get_mail_template())

    def action_send(self):
        """Mail the customer the change request with its link. Returns True."""
        self._b2b_check_sendable()
        return send_with_template(self, self._get_mail_template())

    def _b2b_mail_sent(self):
        """The step after the change request's mail left."""
        now = fields.Datetime.now()
        for change in self:
            change._portal_ensure_token()
            change._write_step(
                {
                    "state": "sent",
                    "partner_id": change.order_id.partner_id.id,
                    "date_sent": now,
                }
            )
        return True

    def action_approve(self, message_id=False):
        """Record the customer's approval received by mail on the change
        request and apply it once. Returns True."""
        return self._b2b_decide_from_mail("approved", message_id)

    def action_reject(self, message_id=False):
        """Record the customer's refusal received by mail. Returns True."""
        return self._b2b_decide_from_mail("rejected", message_id)

    def _b2b_decide_from_mail(self, decision, message_id):
        self._check_salesperson()
        Message = self.env["mail.message"]
        for change in self:
            if change.state == decision:
                continue
            change._check_decidable(decision)
            message = change._b2b_customer_mail(
                Message.browse(int(message_id)) if message_id else None
            )
            if not message or message.date < change.date_sent:
                raise UserError(
                    self.env._(
                        "No mail from %(partner)s answering the change request "
                        "%(change)s was received since it was sent: only the "
                        "customer decides it.",
                        partner=change.partner_id.display_name,
                        change=change.name,
                    )
                )
            change._b2b_decide(decision, "email", message.author_id.name, message=message)
        return True

    def _b2b_decide_from_link(self, decision, name, signature=None):
        """The customer decides on the change request's page (their link)."""
        self.ensure_one()
        self._b2b_check_customer_link_user()
        if self.state == decision:
            return True
        self._check_decidable(decision)
        name = clean_customer_name(self.env, name)
        return self._b2b_decide(decision, "link", name, signature=signature)

    def _check_decidable(self, decision):
        self.ensure_one()
        if self.state != "sent":
            if self.state == "draft":
                message = self.env._(
                    "The change request %(change)s was never sent to the customer: "
                    "it cannot be decided.",
                    change=self.name,
                )
            else:
                message = self.env._(
                    "The change request %(change)s is already decided.",
                    change=self.name,
                )
            raise UserError(message)
        if decision not in ("approved", "rejected"):
            raise UserError(self.env._("Choose to approve or reject."))
        return True

    def _b2b_decide(self, decision, via, name, message=None, signature=None):
        """Record the decision once (the row locked: a retry, a double click
        or a concurrent request finds it decided), then apply an approval."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM b2b_change_request WHERE id = %s FOR UPDATE", [self.id]
        )
        self.invalidate_recordset(["state"])
        if self.state == decision:
            return True
        self._check_decidable(decision)
        self._write_step(
            {
                "state": decision,
                "date_decided": fields.Datetime.now(),
                "decided_by": name,
                "decided_via": via,
                "decided_uid": self.env.user.id if via == "email" else False,
                "message_id": message.id if message else False,
                "signature": signature or False,
            }
        )
        if decision == "approved":
            self._apply_approval()
        via_label = dict(self._fields["decided_via"]._description_selection(self.env))[via]
        author = self.partner_id.id if via == "link" else None
        if decision == "approved":
            body = self.env._(
                "Change request %(change)s approved by %(who)s (%(via)s): "
                "%(amount)s untaxed, %(days)s working days.",
                change=self.name,
                who=name,
                via=via_label,
                amount=self._format_amount(),
                days=self.extra_days,
            )
        else:
            body = self.env._(
                "Change request %(change)s rejected by %(who)s (%(via)s).",
                change=self.name,
                who=name,
                via=via_label,
            )
        self.sudo().message_post(body=body, author_id=author)
        self.order_id.sudo().message_post(body=body, author_id=author)
        return True

    def _format_amount(self):
        self.ensure_one()
        return format_amount(self.env, self.extra_amount, self.currency_id)

    # ------------------------------------------------------------------
    # The approval applied to the order and its plan
    # ------------------------------------------------------------------

    def _get_change_product(self):
        return self.env.ref("b2b_sales_delivery.product_change_request")

    def _get_order_taxes(self):
        """The taxes of the order's product lines (the fiscal position
        already applied): those of its largest line."""
        self.ensure_one()
        lines = self.order_id.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )
        return lines.sorted(lambda line: (-line.price_subtotal, line.id))[:1].tax_ids

    def _prepare_order_line_values(self):
        self.ensure_one()
        product = self._get_change_product()
        return {
            "order_id": self.order_id.id,
            "product_id": product.id,
            "product_uom_qty": 1.0,
            "price_unit": self.extra_amount,
            "technical_price_unit": self.extra_amount,
            "tax_ids": [fields.Command.set(self._get_order_taxes().ids)],
            "name": self.env._("Change request: %(change)s", change=self.name),
            "sequence": max(self.order_id.order_line.mapped("sequence") or [0]) + 1,
        }

    def _apply_approval(self):
        """The order line for the extra amount, the phases moved: once."""
        self.ensure_one()
        change = with_step(self.sudo(), CHANGE_STEP_KEY)
        values = {}
        if not float_is_zero(
            change.extra_amount, precision_rounding=change.currency_id.rounding
        ):
            line = change.env["sale.order.line"].create(change._prepare_order_line_values())
            values["sale_line_id"] = line.id
        if values:
            change.write(values)
        change._move_phases()
        return True

    def _move_phases(self):
        """The order's phases not yet accepted move by the extra days, in
        working days of the project's calendar (Monday to Friday before the
        project exists)."""
        self.ensure_one()
        if not self.extra_days:
            return True
        order = self.order_id.sudo()
        project = order.project_id
        is_working_day = (
            project._get_working_day_checker() if project else plan_dates.weekday_checker()
        )
        for phase in order.phase_ids.filtered(
            lambda p: p.date_deadline and p.state != "accepted"
        ):
            phase.date_deadline = add_working_days(
                phase.date_deadline, self.extra_days, is_working_day
            )
        return True
