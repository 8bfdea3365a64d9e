# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope gates delivery: an order with scope items is confirmed, gets
its project, starts a phase and invoices an installment only once the
customer confirmed the scope, or a sales manager waived it with a reason.
A confirmation recorded by a user rests on the customer's word kept: their
mail received by the mail gateway, or the signed scan."""
import base64

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from ..utils.confirmation_link import MAX_TEXT_LENGTH, base64_bytes, clean_text
from .b2b_acceptance_customer import _is_employee
from .b2b_step_mixin import check_new_values

# Only server code can put this object in a context (RPC cannot carry it):
# the waiver's facts and the scan are written only by their steps.
_GATE_WRITE = object()
GATE_WRITE_KEY = "b2b_scope_gate_write"
GATE_FIELDS = {
    "scope_waiver_user_id", "scope_waiver_reason", "scope_waiver_date",
    "scope_signed_copy", "scope_signed_copy_name",
}
# A scan of a few pages: at most 10 MB.
MAX_SCAN_BYTES = 10 * 1024 * 1024


class SaleOrder(models.Model):
    _inherit = "sale.order"

    scope_waiver_user_id = fields.Many2one(
        "res.users", string="Scope Waived by", copy=False, readonly=True,
        track_visibility="onchange",
        help="The sales manager who let the delivery go on without the "
        "customer's confirmation of the scope.",
    )
    scope_waiver_reason = fields.Text(
        string="Reason of the Waiver", copy=False, readonly=True
    )
    scope_waiver_date = fields.Datetime(
        string="Scope Waived on", copy=False, readonly=True
    )
    scope_signed_copy = fields.Binary(
        string="Signed Scope", attachment=True, copy=False, readonly=True,
        help="The scan of the scope signed by the customer, kept with the "
        "confirmation recorded.",
    )
    scope_signed_copy_name = fields.Char(
        string="Signed Scope File Name", copy=False, readonly=True
    )
    scope_gate_open = fields.Boolean(
        string="Delivery May Go On", compute="_compute_scope_gate_open",
        help="The order has no scope items, or its scope is confirmed by the "
        "customer, or a sales manager waived it.",
    )

    @api.depends("scope_item_ids", "scope_state", "scope_waiver_user_id")
    def _compute_scope_gate_open(self):
        for order in self:
            order.scope_gate_open = order._b2b_scope_gate_open()

    @api.model
    def create(self, vals):
        if self.env.context.get(GATE_WRITE_KEY) is not _GATE_WRITE:
            check_new_values(self, vals, GATE_FIELDS, self._scope_gate_refusal)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if GATE_FIELDS.intersection(vals) and (
            self.env.context.get(GATE_WRITE_KEY) is not _GATE_WRITE
        ):
            raise UserError(self._scope_gate_refusal(vals))
        return super().write(vals)

    @api.model
    def _scope_gate_refusal(self, vals):
        return _("The scope's waiver and signed copy are written only by "
                 "their steps: Waive the Scope (sales managers) and the "
                 "recorded confirmation.")

    def _write_scope_gate(self, vals):
        return self.sudo().with_context(
            **{GATE_WRITE_KEY: _GATE_WRITE}
        ).write(vals)

    # ------------------------------------------------------------------
    # The gate
    # ------------------------------------------------------------------
    def _b2b_scope_gate_open(self):
        self.ensure_one()
        order = self.sudo()
        return bool(
            not order.scope_item_ids
            or order.scope_state == "confirmed"
            or order.scope_waiver_user_id
        )

    def _b2b_check_scope_gate(self, step):
        """Refuse ``step`` (a label) on an order whose scope items the
        customer did not confirm, unless a sales manager waived it."""
        for order in self:
            if not order._b2b_scope_gate_open():
                raise UserError(
                    _("The customer has not confirmed the scope of %(order)s: "
                      "%(step)s waits for their confirmation, or for a sales "
                      "manager's waiver with a reason.")
                    % {"order": order.sudo().name, "step": step}
                )
        return True

    @api.multi
    def action_confirm(self):
        self._b2b_check_scope_gate(_("confirming the order"))
        return super().action_confirm()

    def _create_project(self, manager):
        if not self.sudo().project_ids:
            self._b2b_check_scope_gate(_("its delivery project"))
        return super()._create_project(manager)

    # ------------------------------------------------------------------
    # The waiver
    # ------------------------------------------------------------------
    @api.multi
    def action_waive_scope(self, reason):
        """A sales manager lets the delivery go on without the customer's
        confirmation of the scope, giving the reason (logged)."""
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(
                _("Only sales managers can waive the customer's confirmation "
                  "of the scope."))
        self.check_access_rights("write")
        self.check_access_rule("write")
        cleaned = clean_text(reason, MAX_TEXT_LENGTH) if reason else ""
        if cleaned is None:
            raise ValidationError(
                _("The reason must be a text of at most %(max)s characters.")
                % {"max": MAX_TEXT_LENGTH}
            )
        if not cleaned.strip():
            raise UserError(_("Give the reason for waiving the scope."))
        for order in self:
            if order._b2b_scope_gate_open():
                raise UserError(
                    _("The scope of %(order)s needs no waiver: it has no "
                      "items, is confirmed or was already waived.")
                    % {"order": order.name}
                )
            order._write_scope_gate({
                "scope_waiver_user_id": self.env.uid,
                "scope_waiver_reason": cleaned.strip(),
                "scope_waiver_date": fields.Datetime.now(),
            })
            order.message_post(
                body=_("Scope waived by %(who)s: the delivery goes on without "
                       "the customer's confirmation. Reason: %(reason)s")
                % {"who": html_escape(self.env.user.name),
                   "reason": html_escape(cleaned.strip())}
            )
        return True

    # ------------------------------------------------------------------
    # The customer's word behind a confirmation recorded by a user
    # ------------------------------------------------------------------
    @api.multi
    def action_confirm_scope(self, confirmed_by=False, via="other", date=False,
                             signed_copy=False, signed_copy_name=False):
        """``signed_copy`` (base64): the scan of the scope signed by the
        customer, kept on the order. A confirmation recorded by a user
        needs it, or for ``via="email"`` the customer's mail received on
        the order by the mail gateway."""
        # The arguments first, with their own messages.
        self._check_customer_name(confirmed_by, _("The name of who confirmed"))
        self._check_channel(via)
        scan = False
        if signed_copy:
            data = base64_bytes(signed_copy, MAX_SCAN_BYTES)
            if data is None:
                raise ValidationError(
                    _("The signed copy must be a base64 file of at most 10 MB."))
            scan = base64.b64encode(data).decode("ascii")
        if signed_copy_name and not isinstance(signed_copy_name, str):
            raise ValidationError(_("The file name of the signed copy must be a text."))
        pending = self.filtered(
            lambda o: o.scope_state != "confirmed" and o.scope_item_ids
        )
        if via != "link":
            for order in pending:
                if not scan and not (
                    via == "email" and order._b2b_scope_customer_mails()
                ):
                    raise UserError(
                        _("Keep the customer's word before recording the "
                          "confirmation of the scope of %(order)s: attach the "
                          "scope they signed, or receive their mail in the "
                          "order's chatter (a message posted by an employee "
                          "is not the customer's mail).")
                        % {"order": order.name}
                    )
        res = super().action_confirm_scope(
            confirmed_by=confirmed_by, via=via, date=date
        )
        if scan and pending:
            pending._write_scope_gate({
                "scope_signed_copy": scan,
                "scope_signed_copy_name": (signed_copy_name or "")[:200]
                or _("signed_scope.pdf"),
            })
        return res

    def _b2b_scope_customer_mails(self):
        """The mails received from the customer on the order: created by the
        mail gateway (the superuser), from a contact of the customer or an
        address unknown to Odoo, never from an employee."""
        self.ensure_one()
        customer = self.sudo().partner_id.commercial_partner_id
        return self.sudo().message_ids.filtered(
            lambda m: m.message_type == "email"
            and m.create_uid.id == SUPERUSER_ID
            and not _is_employee(m.author_id)
            and (not m.author_id or m.author_id.commercial_partner_id == customer)
        )
