# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope the customer confirms, its lock, and the change requests."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .b2b_confirmation_link_mixin import CONFIRMATION_CHANNELS

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
    "scope_amount_confirmed",
}


class SaleOrder(models.Model):
    """The scope is confirmed through a link; once confirmed, it is locked
    and changes only through approved change requests."""

    _name = "sale.order"
    _inherit = ["sale.order", "b2b.confirmation.link.mixin"]
    _link_token_field = "scope_token"
    _link_expiry_field = "scope_token_expiry"
    _link_date_sent_field = "scope_date_sent"
    _link_state_field = "scope_state"

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

    @api.depends("scope_token")
    def _compute_scope_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for order in self:
            order.scope_url = order.scope_token and "%s/b2b/scope/%s/%s" % (
                base_url, order.id, order.scope_token
            )

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

    @api.multi
    def write(self, vals):
        if SCOPE_FIELDS.intersection(vals) and (
            self.env.context.get("b2b_scope_write") is not SCOPE_WRITE
        ):
            raise UserError(
                _("The scope status changes only through its actions: send, "
                  "confirm, unlock.")
            )
        return super().write(vals)

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
        for order in self:
            if order.scope_state == "confirmed":
                continue
            if not order.scope_item_ids:
                raise UserError(
                    _("The scope of %s has no items to confirm.") % order.name
                )
            order._check_channel(via)
            order._write_scope(
                {
                    "scope_state": "confirmed",
                    "scope_date_confirmed": date or fields.Datetime.now(),
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
                    "who": order.scope_confirmed_by,
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
        if not (reason or "").strip():
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
                % {"who": self.env.user.name, "reason": reason.strip()}
            )
        return True

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
        used = set(self.scope_item_ids.mapped("category"))
        return [
            (label, self.scope_item_ids.filtered(lambda i, c=code: i.category == c))
            for code, label in categories._description_selection(self.env)
            if code in used
        ]

    def _prepare_project_task_values(self, project):
        """The scope items become the starting tasks of the project."""
        values = super()._prepare_project_task_values(project)
        return values + [
            item._prepare_task_values(project) for item in self.scope_item_ids
        ]
