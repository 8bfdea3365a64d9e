# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope of an order: sent to the customer, confirmed only by the
customer's word (their link, or their mail received on the order), then
locked; only an approved change request, or a sales manager's unlock with a
reason, changes it. A confirmed scope gates the delivery: confirming the
order, creating its project, starting a phase."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..utils.arguments import id_argument, reason_argument
from ..utils.scope_steps import (
    CHANGE_STEP_KEY,
    CONFIRMED_VIA,
    clean_customer_name,
    composer_action,
    send_with_template,
)
from ..utils.steps import StepFacts, in_step, with_step

SCOPE_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to the Customer"),
    ("confirmed", "Confirmed"),
]
# The scope's state and the facts that prove it change only inside the
# scope's steps (utils.steps).
SCOPE_STEP_KEY = "b2b_scope_step"
SCOPE_FIELDS = frozenset(
    {
        "scope_state",
        "scope_partner_id",
        "scope_date_sent",
        "scope_date_confirmed",
        "scope_confirmed_by",
        "scope_confirmed_via",
        "scope_confirmed_uid",
        "scope_message_id",
        "scope_signature",
        "scope_amount_confirmed",
    }
)
# What the customer buys and pays on the order itself, frozen with the scope.
SCOPE_LOCKED_ORDER_FIELDS = (
    "partner_id",
    "partner_invoice_id",
    "pricelist_id",
    "currency_id",
    "fiscal_position_id",
    "company_id",
)


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "b2b.customer.word.mixin", "b2b.step.mixin"]

    scope_item_ids = fields.One2many(
        "b2b.scope.item", "order_id", string="Scope", copy=True
    )
    scope_state = fields.Selection(
        SCOPE_STATES,
        string="Scope Status",
        # Not NULL-constrained (empty reads as draft): Odoo's own sale code,
        # run before the addon is loaded (an upgrade of sale), creates orders
        # too.
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    scope_partner_id = fields.Many2one(
        "res.partner",
        string="Scope Sent to",
        readonly=True,
        copy=False,
        help="The customer the scope was sent to: the only one whose word "
        "confirms it.",
    )
    scope_date_sent = fields.Datetime(string="Scope Sent on", readonly=True, copy=False)
    scope_date_confirmed = fields.Datetime(
        string="Scope Confirmed on", readonly=True, copy=False, tracking=True
    )
    scope_confirmed_by = fields.Char(
        string="Scope Confirmed by", readonly=True, copy=False, tracking=True
    )
    scope_confirmed_via = fields.Selection(
        CONFIRMED_VIA, string="Scope Confirmed via", readonly=True, copy=False
    )
    scope_confirmed_uid = fields.Many2one(
        "res.users",
        string="Scope Recorded by",
        readonly=True,
        copy=False,
        help="The salesperson who recorded the customer's mail.",
    )
    scope_message_id = fields.Many2one(
        "mail.message",
        string="Customer's Confirmation Mail",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    scope_signature = fields.Image(
        string="Scope Signature", readonly=True, copy=False, attachment=True, max_width=1024, max_height=1024
    )
    scope_amount_confirmed = fields.Monetary(
        string="Confirmed Scope Amount",
        readonly=True,
        copy=False,
        help="Untaxed amount of the order when the customer confirmed the scope.",
    )
    scope_item_count = fields.Integer(compute="_compute_scope_item_count")
    change_request_ids = fields.One2many(
        "b2b.change.request", "order_id", string="Change Requests", copy=False
    )
    change_request_count = fields.Integer(compute="_compute_change_request_count")

    @api.depends("scope_item_ids")
    def _compute_scope_item_count(self):
        for order in self:
            order.scope_item_count = len(order.scope_item_ids)

    @api.depends("change_request_ids")
    def _compute_change_request_count(self):
        for order in self:
            order.change_request_count = len(order.change_request_ids)

    # ------------------------------------------------------------------
    # CRUD: the scope's facts only through the steps; the lock
    # ------------------------------------------------------------------

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                SCOPE_STEP_KEY, SCOPE_FIELDS, "_scope_refusal", initial={"scope_state": "draft"}
            )
        ]

    def write(self, vals):
        self._check_locked_order_fields(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed_scope(self):
        # The database deletes the items with the order, without asking them.
        self._check_scope_editable()

    def _scope_refusal(self):
        return self.env._(
            "The scope's status and the customer's confirmation change only "
            "through the scope's steps: send it, the customer confirms, a sales "
            "manager unlocks it."
        )

    def _check_locked_order_fields(self, vals):
        """The customer, prices, currency and taxes of a confirmed scope do
        not change (writing the same value is harmless)."""
        names = [name for name in SCOPE_LOCKED_ORDER_FIELDS if name in vals]
        if not names:
            return True
        for order in self.filtered(lambda o: o.scope_state == "confirmed"):
            for name in names:
                current = order[name]
                if isinstance(current, models.BaseModel):
                    current = current.id
                if (current or False) != (vals[name] or False):
                    order._check_scope_editable()
        return True

    def _check_scope_editable(self):
        """Refuse a change of a confirmed scope, unless it comes from an
        approved change request."""
        if in_step(self, CHANGE_STEP_KEY):
            return True
        for order in self:
            if order.scope_state == "confirmed":
                raise UserError(
                    self.env._(
                        "The scope of %(order)s is confirmed by the customer and "
                        "locked: its items and the order's products, quantities "
                        "and prices change only through an approved change "
                        "request.",
                        order=order.name,
                    )
                )
        return True

    def _write_scope(self, vals):
        """The scope steps' only way to the scope's facts."""
        return with_step(self.sudo(), SCOPE_STEP_KEY).write(vals)

    def _b2b_scope_changed(self):
        """A scope changed after it was sent goes back to draft: what the
        customer was sent is no longer what they would confirm."""
        for order in self.filtered(lambda o: o.scope_state == "sent"):
            order._write_scope({"scope_state": "draft"})
            order.message_post(
                body=self.env._(
                    "The scope changed after it was sent: the customer can no "
                    "longer confirm it. Send the scope again."
                )
            )
        return True

    # ------------------------------------------------------------------
    # The gate of the delivery
    # ------------------------------------------------------------------

    def _check_scope_confirmed(self, step):
        """Refuse ``step`` (``order``, ``project``, ``phase``, ``invoice``) on
        an order whose scope items the customer has not confirmed (a sales
        manager's waiver passes: models/sale_order_scope_waiver.py)."""
        for order in self.sudo():
            if not order.scope_item_ids or order.scope_state == "confirmed":
                continue
            if step == "order":
                message = self.env._(
                    "The scope of %(order)s is not confirmed by the customer: send "
                    "it and get the customer's confirmation before confirming the "
                    "order.",
                    order=order.name,
                )
            elif step == "project":
                message = self.env._(
                    "The scope of %(order)s is not confirmed by the customer: the "
                    "delivery project is created on a confirmed scope.",
                    order=order.name,
                )
            elif step == "invoice":
                message = self.env._(
                    "The scope of %(order)s is not confirmed by the customer: no "
                    "installment is invoiced before the customer confirmed it.",
                    order=order.name,
                )
            else:
                message = self.env._(
                    "The scope of %(order)s is not confirmed by the customer: no "
                    "phase starts before the customer confirmed it.",
                    order=order.name,
                )
            raise UserError(message)
        return True

    def action_confirm(self):
        self._check_scope_confirmed("order")
        return super().action_confirm()

    def _check_can_create_delivery_project(self):
        result = super()._check_can_create_delivery_project()
        self._check_scope_confirmed("project")
        return result

    # ------------------------------------------------------------------
    # Steps: send, confirm (the customer's word), unlock
    # ------------------------------------------------------------------

    def _b2b_customer_partners(self):
        return self.scope_partner_id

    def _check_scope_salesperson(self):
        """Salespeople who may change the order record the scope's steps."""
        if not self.env.su and not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(
                self.env._("Only salespeople send a scope or record its confirmation.")
            )
        self.check_access("write")
        return True

    def _b2b_check_scope_sendable(self):
        self._check_scope_salesperson()
        for order in self:
            if order.scope_state == "confirmed":
                raise UserError(
                    self.env._(
                        "The scope of %(order)s is already confirmed.", order=order.name
                    )
                )
            if order.state == "cancel":
                raise UserError(
                    self.env._("The order %(order)s is cancelled.", order=order.name)
                )
            if not order.scope_item_ids:
                raise UserError(
                    self.env._(
                        "Add the scope items of %(order)s before sending it.",
                        order=order.name,
                    )
                )
            if not order.partner_id.email:
                raise UserError(
                    self.env._(
                        "The customer %(partner)s has no email address: the scope "
                        "cannot be sent.",
                        partner=order.partner_id.display_name,
                    )
                )
        return True

    def _get_scope_mail_template(self):
        return self.env.ref("b2b_sales_delivery.mail_template_scope")

    def action_open_scope_composer(self):
        """The button: the mail of the scope in the composer; sending it is
        the step (mail.compose.message)."""
        self.ensure_one()
        self._b2b_check_scope_sendable()
        return composer_action(self, self._get_scope_mail_template())

    def action_send_scope(self):
        """Mail the customer the scope with the link to confirm it; the scope
        is then sent. Returns True."""
        self._b2b_check_scope_sendable()
        return send_with_template(self, self._get_scope_mail_template())

    def _b2b_scope_mail_sent(self):
        """The step after the scope's mail left: sent to the order's customer."""
        now = fields.Datetime.now()
        for order in self:
            order._portal_ensure_token()
            order._write_scope(
                {
                    "scope_state": "sent",
                    "scope_partner_id": order.partner_id.id,
                    "scope_date_sent": now,
                }
            )
        return True

    def action_confirm_scope(self, message_id=False):
        """Record the customer's confirmation received by mail on the order:
        the latest mail of the customer since the scope was sent (or
        ``message_id``). Without such a mail, refused. Returns True."""
        self._check_scope_salesperson()
        Message = self.env["mail.message"]
        message_id = id_argument(self, message_id, self.env._("The customer's mail"))
        for order in self:
            order._check_scope_answerable()
            message = order._b2b_customer_mail(
                Message.browse(message_id) if message_id else None
            )
            if not message or message.date < order.scope_date_sent:
                raise UserError(
                    self.env._(
                        "No mail from %(partner)s confirming the scope of %(order)s "
                        "was received on the order since it was sent: the scope "
                        "is confirmed only by the customer.",
                        partner=order.scope_partner_id.display_name,
                        order=order.name,
                    )
                )
            order._b2b_record_scope_confirmation(
                "email", message.author_id.name, message=message
            )
        return True

    def _b2b_confirm_scope_from_link(self, name, signature=None):
        """The customer confirms on the scope's page (their link)."""
        self.ensure_one()
        self._b2b_check_customer_link_user()
        self._check_scope_answerable()
        name = clean_customer_name(self.env, name)
        if signature:
            signature = self.env["b2b.acceptance"]._clean_signature(signature)
        return self._b2b_record_scope_confirmation("link", name, signature=signature)

    def _check_scope_answerable(self):
        self.ensure_one()
        if self.scope_state != "sent":
            raise UserError(
                self.env._(
                    "The scope of %(order)s is not waiting for the customer's "
                    "confirmation: it is confirmed once, after it was sent.",
                    order=self.name,
                )
            )
        return True

    def _b2b_record_scope_confirmation(self, via, name, message=None, signature=None):
        """Confirm the sent scope once (the order's row locked), and lock it."""
        self.ensure_one()
        self.env.cr.execute("SELECT id FROM sale_order WHERE id = %s FOR UPDATE", [self.id])
        self.invalidate_recordset(["scope_state"])
        self._check_scope_answerable()
        self._write_scope(
            {
                "scope_state": "confirmed",
                "scope_date_confirmed": fields.Datetime.now(),
                "scope_confirmed_by": name,
                "scope_confirmed_via": via,
                "scope_confirmed_uid": self.env.user.id if via == "email" else False,
                "scope_message_id": message.id if message else False,
                "scope_signature": signature or False,
                "scope_amount_confirmed": self.amount_untaxed,
            }
        )
        via_label = dict(self._fields["scope_confirmed_via"]._description_selection(self.env))[via]
        self.sudo().message_post(
            body=self.env._(
                "Scope confirmed by %(who)s (%(via)s): it is now locked.",
                who=name,
                via=via_label,
            ),
            author_id=self.scope_partner_id.id if via == "link" else None,
        )
        return True

    def action_open_scope_unlock(self):
        """The button: ask the reason of the unlock."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Unlock the Scope"),
            "res_model": "b2b.scope.unlock.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_unlock_scope(self, reason):
        """A sales manager unlocks a confirmed scope with a reason, logged:
        the scope is a draft again and is sent to the customer again."""
        if not self.env.su and not self.env.user.has_group("b2b_sales_delivery.group_b2b_manager"):
            raise AccessError(self.env._("Only sales managers unlock a confirmed scope."))
        reason = reason_argument(reason, self.env._("Give the reason for unlocking the scope."))
        self.check_access("read")
        for order in self:
            if order.scope_state != "confirmed":
                raise UserError(
                    self.env._("The scope of %(order)s is not locked.", order=order.name)
                )
        for order in self:
            order._write_scope(
                {
                    "scope_state": "draft",
                    "scope_date_confirmed": False,
                    "scope_confirmed_by": False,
                    "scope_confirmed_via": False,
                    "scope_confirmed_uid": False,
                    "scope_message_id": False,
                    "scope_signature": False,
                }
            )
            order.sudo().message_post(
                body=self.env._(
                    "Scope unlocked by %(who)s. Reason: %(reason)s",
                    who=self.env.user.name,
                    reason=reason,
                )
            )
            order.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Send the scope to the customer again"),
                user_id=order.user_id.id or self.env.user.id,
            )
        return True

    def _get_scope_sections(self):
        """The scope items by category in the categories' order: a list of
        (label in the context's language, items)."""
        self.ensure_one()
        selection = self.env["b2b.scope.item"]._fields["category"]._description_selection(
            self.env
        )
        items = self.scope_item_ids
        return [
            (label, items.filtered(lambda item, code=code: item.category == code))
            for code, label in selection
            if code in items.mapped("category")
        ]

    def action_view_change_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_change_request_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action


class B2bPhase(models.Model):
    """A phase starts only on a confirmed scope."""

    _inherit = "b2b.phase"

    def action_start(self):
        self.order_id._check_scope_confirmed("phase")
        return super().action_start()
