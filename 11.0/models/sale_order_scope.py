# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope the customer confirms, its lock, and the change requests."""
import json

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from ..utils.arguments import check_datetime_argument
from ..utils.confirmation_link import MAX_TEXT_LENGTH, clean_text
from .b2b_confirmation_link_mixin import CONFIRMATION_CHANNELS
from .b2b_step_mixin import check_new_values

SCOPE_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to the Customer"),
    ("confirmed", "Confirmed"),
]
# Only server code can put this object in a context (RPC cannot carry it):
# order lines of a confirmed scope change only under it, i.e. through an
# approved change request.
APPROVED_CHANGE = object()
# The same for the scope's own fields: they change only through the actions.
SCOPE_WRITE = object()
SCOPE_FIELDS = {
    "scope_state", "scope_token", "scope_token_expiry", "scope_date_sent",
    "scope_date_confirmed", "scope_confirmed_by", "scope_confirmed_via",
    "scope_amount_confirmed", "scope_snapshot",
}
# What the customer buys and pays, on the order itself: frozen with the scope.
SCOPE_LOCKED_ORDER_FIELDS = (
    "partner_id", "partner_invoice_id", "pricelist_id", "currency_id",
    "fiscal_position_id", "company_id",
)


class SaleOrder(models.Model):
    """The scope is confirmed through a link; once confirmed, it is locked
    and changes only through approved change requests."""

    _name = "sale.order"
    _inherit = ["sale.order", "b2b.confirmation.link.mixin"]
    _link_token_field = "scope_token"
    _link_expiry_field = "scope_token_expiry"
    _link_date_sent_field = "scope_date_sent"
    _link_state_field = "scope_state"
    _mail_preview_actions = {
        "action_send_scope": "b2b_sales_delivery.mail_template_scope",
    }

    scope_item_ids = fields.One2many(
        "b2b.scope.item", "order_id", string="Scope", copy=True
    )
    scope_state = fields.Selection(
        SCOPE_STATES, string="Scope Status", default="draft", required=True,
        copy=False, index=True, readonly=True, track_visibility="onchange",
    )
    scope_token = fields.Char(
        string="Scope Link Token", copy=False, readonly=True,
        groups="sales_team.group_sale_salesman",
    )
    scope_token_expiry = fields.Datetime(
        string="Scope Link Valid Until", copy=False, readonly=True
    )
    scope_url = fields.Char(
        string="Scope Confirmation Link", compute="_compute_scope_url",
        groups="sales_team.group_sale_salesman",
    )
    scope_date_sent = fields.Datetime(
        string="Scope Sent on", copy=False, readonly=True
    )
    scope_date_confirmed = fields.Datetime(
        string="Scope Confirmed on", copy=False, readonly=True,
        track_visibility="onchange",
    )
    scope_confirmed_by = fields.Char(
        string="Scope Confirmed by", copy=False, readonly=True,
        track_visibility="onchange",
    )
    scope_confirmed_via = fields.Selection(
        CONFIRMATION_CHANNELS, string="Scope Confirmed via", copy=False,
        readonly=True,
    )
    scope_amount_confirmed = fields.Monetary(
        string="Confirmed Scope Amount", copy=False, readonly=True,
        help="Untaxed amount of the order when the customer confirmed the "
        "scope: the original scope, before any change request.",
    )
    scope_snapshot = fields.Text(
        string="Confirmed Scope Snapshot", copy=False, readonly=True,
        help="What the customer saw when confirming the scope (JSON): the "
        "lines, the amounts, the customer and the prices.",
    )
    scope_amount_difference = fields.Monetary(
        string="Unexplained Difference", compute="_compute_change_totals",
        help="Untaxed amount of the order minus the confirmed scope and the "
        "approved changes: zero while the lock holds.",
    )
    change_request_ids = fields.One2many(
        "b2b.change.request", "order_id", string="Change Requests", copy=False
    )
    change_amount_approved = fields.Monetary(
        string="Approved Changes", compute="_compute_change_totals",
        help="Untaxed amount added by the approved change requests.",
    )
    change_days_approved = fields.Integer(
        string="Approved Extra Days", compute="_compute_change_totals"
    )
    scope_amount_total = fields.Monetary(
        string="Scope Total", compute="_compute_change_totals",
        help="The confirmed scope plus the approved changes (untaxed).",
    )

    @api.model_cr_context
    def _auto_init(self):
        # The orders of before the install have a scope in draft. PostgreSQL
        # keeps a new column's default without writing the rows; Odoo would
        # update every order of a loaded database to fill it.
        if not tools.column_exists(self.env.cr, self._table, "scope_state"):
            self.env.cr.execute(
                "ALTER TABLE sale_order ADD COLUMN scope_state VARCHAR "
                "NOT NULL DEFAULT 'draft'"
            )
            self.env.cr.execute(
                "ALTER TABLE sale_order ALTER COLUMN scope_state DROP DEFAULT"
            )
        return super()._auto_init()

    @api.depends("scope_token")
    def _compute_scope_url(self):
        for order in self:
            order.scope_url = order._link_url("b2b/scope")

    @api.depends(
        "change_request_ids.state", "change_request_ids.extra_amount",
        "change_request_ids.extra_days", "scope_amount_confirmed",
    )
    def _compute_change_totals(self):
        for order in self:
            approved = order.change_request_ids.filtered(
                lambda c: c.state == "approved"
            )
            order.change_amount_approved = sum(approved.mapped("extra_amount"))
            order.change_days_approved = sum(approved.mapped("extra_days"))
            order.scope_amount_total = (
                order.scope_amount_confirmed + order.change_amount_approved
            )
            order.scope_amount_difference = (
                order.amount_untaxed - order.scope_amount_total
                if order.scope_state == "confirmed" else 0.0
            )

    @api.model
    def create(self, vals):
        if self.env.context.get("b2b_scope_write") is not SCOPE_WRITE:
            check_new_values(self, vals, SCOPE_FIELDS, self._scope_refusal)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if SCOPE_FIELDS.intersection(vals) and (
            self.env.context.get("b2b_scope_write") is not SCOPE_WRITE
        ):
            raise UserError(self._scope_refusal(vals))
        self._check_locked_order_fields(vals)
        return super().write(vals)

    @api.multi
    def unlink(self):
        # The database deletes the lines with the order, without asking them.
        self._check_scope_editable()
        return super().unlink()

    def _check_locked_order_fields(self, vals):
        """The customer, prices, currency and taxes of a confirmed scope do
        not change (writing the same value is harmless)."""
        names = [name for name in SCOPE_LOCKED_ORDER_FIELDS if name in vals]
        if not names:
            return True
        for order in self.filtered(lambda o: o.scope_state == "confirmed"):
            for name in names:
                current = order[name]
                current = current.id if isinstance(current, models.BaseModel) else current
                if (current or False) != (vals[name] or False):
                    order._check_scope_editable()
        return True

    @api.model
    def _scope_refusal(self, vals):
        return _("The scope status changes only through its actions: send, "
                 "confirm, unlock.")

    @api.multi
    def action_send_scope(self):
        """Mail the customer the scope (PDF) with the link to confirm it."""
        for order in self:
            if order.scope_state == "confirmed":
                raise UserError(
                    _("The scope of %s is already confirmed.") % order.name
                )
            if not order.scope_item_ids:
                raise UserError(
                    _("Add the scope items of %s before sending it.") % order.name
                )
        return self._send_link("b2b_sales_delivery.mail_template_scope")

    @api.multi
    def action_preview_scope(self):
        """Button: see the mail of the scope before sending it."""
        return self._b2b_mail_preview("action_send_scope")

    @api.multi
    def action_revoke_scope_link(self):
        """Revoke the confirmation link: the token is regenerated, so the
        link already sent shows nothing; send the scope again for a new one."""
        return self._revoke_link()

    @api.multi
    def action_confirm_scope(self, confirmed_by=False, via="other", date=False):
        """Record the customer's confirmation of the scope and lock it.

        ``confirmed_by`` names who confirmed (default: the customer),
        ``via`` how (link, email, meeting, other). Confirming an already
        confirmed scope changes nothing.
        """
        confirmed_by = self._check_customer_name(
            confirmed_by, _("The name of who confirmed")
        )
        self._check_channel(via)
        for order in self:
            if order.scope_state == "confirmed":
                continue
            if not order.scope_item_ids:
                raise UserError(
                    _("The scope of %s has no items to confirm.") % order.name
                )
            order._write_scope(
                {
                    "scope_snapshot": order._scope_snapshot(),
                    "scope_state": "confirmed",
                    # The customer decided: the link is spent.
                    "scope_token": False,
                    "scope_token_expiry": False,
                    "scope_date_confirmed": order._check_confirmation_date(date),
                    "scope_confirmed_by": confirmed_by
                    or order.partner_id.display_name,
                    "scope_confirmed_via": via,
                    "scope_amount_confirmed": order.amount_untaxed,
                }
            )
            order.message_post(
                author_id=order.partner_id.id if via == "link" else None,
                body=_("Scope confirmed by %(who)s (%(via)s): it is now locked.")
                % {
                    "who": html_escape(order.scope_confirmed_by),
                    "via": order._fields["scope_confirmed_via"].convert_to_export(
                        via, order),
                }
            )
        return True

    @api.multi
    def action_unlock_scope(self, reason):
        """Unlock a confirmed scope (sales managers only), logging why."""
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(_("Only sales managers can unlock a confirmed scope."))
        reason = clean_text(reason, MAX_TEXT_LENGTH) if reason else ""
        if reason is None:
            raise ValidationError(
                _("The reason must be a text of at most %s characters.")
                % MAX_TEXT_LENGTH
            )
        if not reason:
            raise UserError(_("Give the reason for unlocking the scope."))
        for order in self:
            if order.scope_state != "confirmed":
                raise UserError(_("The scope of %s is not locked.") % order.name)
            order._write_scope(
                {"scope_state": "draft", "scope_token": False,
                 "scope_token_expiry": False}
            )
            order.message_post(
                body=_("Scope unlocked by %(who)s. Reason: %(reason)s")
                % {"who": html_escape(self.env.user.name),
                   "reason": html_escape(reason.strip())}
            )
        return True

    def _check_confirmation_date(self, date):
        """The date of a confirmation received otherwise (a mail, a
        meeting): not in the future, not before the scope was sent (or the
        quotation made). Returns it, or now."""
        self.ensure_one()
        now = fields.Datetime.now()
        if not date:
            return now
        date = check_datetime_argument(self, date, _("The date of the confirmation"))
        earliest = self.scope_date_sent or self.create_date
        if date > now or (earliest and date < earliest):
            raise UserError(
                _("The scope of %(order)s cannot be confirmed on %(date)s: the "
                  "date is in the future, or before the scope was sent.")
                % {"order": self.name, "date": date}
            )
        return date

    def _scope_snapshot(self):
        """What the customer sees now (JSON): lines and amounts."""
        self.ensure_one()
        lines = [{
            "product": line.product_id.display_name,
            "name": line.name,
            "quantity": line.product_uom_qty,
            "uom": line.product_uom.name,
            "price_unit": line.price_unit,
            "discount": line.discount,
            "taxes": line.tax_id.mapped("name"),
            "subtotal": line.price_subtotal,
            "is_downpayment": line.is_downpayment,
        } for line in self.order_line]
        return json.dumps({
            "customer": self.partner_id.display_name,
            "pricelist": self.pricelist_id.display_name,
            "currency": self.currency_id.name,
            "fiscal_position": self.fiscal_position_id.display_name or False,
            "amount_untaxed": self.amount_untaxed,
            "amount_tax": self.amount_tax,
            "amount_total": self.amount_total,
            "lines": lines,
        }, ensure_ascii=False, sort_keys=True)

    @api.multi
    def get_scope_snapshot(self):
        """What the customer confirmed (a dict: customer, pricelist,
        currency, amounts, lines), False while the scope is not confirmed."""
        self.ensure_one()
        return json.loads(self.scope_snapshot) if self.scope_snapshot else False

    def _write_scope(self, vals):
        """Write the scope's own fields (the actions' only way to them)."""
        return self.sudo().with_context(b2b_scope_write=SCOPE_WRITE).write(vals)

    _link_write = _write_scope

    def _check_scope_editable(self):
        """Refuse a change of a confirmed scope, unless it comes from an
        approved change request."""
        if self.env.context.get("b2b_approved_change") is APPROVED_CHANGE:
            return
        for order in self:
            if order.scope_state == "confirmed":
                raise UserError(
                    _(
                        "The scope of %s is confirmed by the customer and "
                        "locked: its items and order lines change only through "
                        "an approved change request."
                    )
                    % order.name
                )

    def _reset_scope_sent(self):
        """A scope changed after it was sent goes back to draft: the link
        sent to the customer stops working, the scope must be sent again."""
        for order in self.filtered(lambda o: o.scope_state == "sent"):
            order._write_scope(
                {"scope_state": "draft", "scope_token": False,
                 "scope_token_expiry": False}
            )
            order.message_post(
                body=_(
                    "The scope changed after it was sent: the confirmation link "
                    "sent to the customer no longer works. Send the scope again."
                )
            )

    def _get_scope_sections(self):
        """The scope items by category, in the categories' order: a list of
        (category label in the context's language, items)."""
        self.ensure_one()
        categories = self.env["b2b.scope.item"]._fields["category"]
        # The items of an order the user may read print with it (an
        # accountant reads orders, not their scope items).
        items = self.sudo().scope_item_ids
        used = set(items.mapped("category"))
        return [
            (label, items.filtered(lambda i, c=code: i.category == c))
            for code, label in categories._description_selection(self.env)
            if code in used
        ]

    def _prepare_project_task_values(self, project):
        """The scope items become the starting tasks of the project."""
        values = super()._prepare_project_task_values(project)
        return values + [
            item._prepare_task_values(project) for item in self.scope_item_ids
        ]
