# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

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
    _inherit = "sale.order"

    b2b_contract_id = fields.Many2one(
        "b2b.contract", string="Contract", index=True, copy=False,
        track_visibility="onchange",
    )
    b2b_date_proposal = fields.Datetime(
        string="Proposal Sent on", copy=False, readonly=True, index=True,
        help="When the quotation was first sent to the customer: from then on "
        "it counts as a cooperation proposal.",
    )
    project_ids = fields.One2many(
        "project.project", "sale_order_id", string="Delivery Projects"
    )

    # --- Scope locked with the customer, change requests, proposals -------
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
    project_count = fields.Integer(
        string="Projects", compute="_compute_project_count"
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

    @api.depends("project_ids")
    def _compute_project_count(self):
        data = self.env["project.project"].read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["sale_order_id"]
        )
        counts = {d["sale_order_id"][0]: d["sale_order_id_count"] for d in data}
        for order in self:
            order.project_count = counts.get(order.id, 0)

    @api.constrains("b2b_contract_id", "partner_id")
    def _check_b2b_contract_partner(self):
        for order in self.filtered("b2b_contract_id"):
            if (order.b2b_contract_id.partner_id.commercial_partner_id
                    != order.partner_id.commercial_partner_id):
                raise ValidationError(
                    _("The contract %(contract)s is with another customer than "
                      "the order %(order)s.")
                    % {"contract": order.b2b_contract_id.name, "order": order.name}
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
        if "payment_plan_line_ids" in vals:
            # The plan's lines are checked together once all are written.
            result = super(
                SaleOrder, self.with_context(b2b_plan_checked_by_order=True)
            ).write(vals)
            self.filtered(
                lambda o: o.state in ("sale", "done")
            )._check_payment_plan()
        else:
            result = super().write(vals)
        if vals.get("state") == "sent":
            self._mark_as_proposal()
        return result

    def _mark_as_proposal(self):
        """Date the first sending of an opportunity's quotation, once: from
        then on it counts as a cooperation proposal."""
        proposals = self.filtered(
            lambda o: o.opportunity_id and not o.b2b_date_proposal
        )
        if proposals:
            proposals.sudo().write({"b2b_date_proposal": fields.Datetime.now()})

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
                    "via": dict(order._fields["scope_confirmed_via"]
                                ._description_selection(order.env))[via],
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

    @api.multi
    def action_view_b2b_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.contract",
            "view_mode": "form",
            "res_id": self.b2b_contract_id.id,
        }

    @api.multi
    def action_view_projects(self):
        action = self.env.ref("project.open_view_project_all").read()[0]
        action["domain"] = [("sale_order_id", "in", self.ids)]
        action["context"] = {"default_sale_order_id": self.id}
        if len(self.project_ids) == 1:
            action.update(view_mode="form", res_id=self.project_ids.id,
                          views=[(False, "form")])
        return action

    @api.multi
    def action_create_project(self):
        """Create the delivery project of the order once; return it.

        A second call returns the same project. Over RPC it returns the id.
        """
        self.ensure_one()
        project = self.project_ids[:1]
        if not project:
            project = self.env["project.project"].create(
                self._prepare_project_values()
            )
            Task = self.env["project.task"]
            for task_values in self._prepare_project_task_values(project):
                Task.create(task_values)
        return project.id

    def _prepare_project_values(self):
        self.ensure_one()
        return {
            "name": self.name if not self.client_order_ref
            else "%s - %s" % (self.name, self.client_order_ref),
            "partner_id": self.partner_id.id,
            "sale_order_id": self.id,
            "company_id": self.company_id.id,
            "user_id": self.user_id.id,
            # Delivery: the plan starts when the order is confirmed, and the
            # project is visible to its team (followers) only.
            "plan_date_start": (self.confirmation_date or "")[:10]
            or fields.Date.context_today(self),
            "privacy_visibility": "followers",
        }

    def _prepare_project_task_values(self, project):
        """Values of the starting tasks of the delivery project (hook)."""
        self.ensure_one()
        return []

    # ------------------------------------------------------------------
    # Payment plan (b2b.payment.plan.line)
    # ------------------------------------------------------------------
    payment_plan_line_ids = fields.One2many(
        "b2b.payment.plan.line", "order_id", string="Payment Plan", copy=False,
        help="Not copied with the order: its installments point to the phases "
        "of this order's project.",
    )
    payment_plan_count = fields.Integer(compute="_compute_payment_plan_count")

    @api.depends("payment_plan_line_ids")
    def _compute_payment_plan_count(self):
        for order in self:
            order.payment_plan_count = len(order.payment_plan_line_ids)

    @api.multi
    def action_confirm(self):
        self._check_payment_plan()
        res = super().action_confirm()
        self.mapped("payment_plan_line_ids").filtered(
            lambda line: line.trigger == "order_confirmed" and line.state == "planned"
        ).action_trigger()
        return res

    @api.multi
    def _check_payment_plan(self):
        """A plan must add up to the order total, to the last unit."""
        for order in self.filtered("payment_plan_line_ids"):
            lines = order.payment_plan_line_ids
            currency = order.currency_id
            negative = lines.filtered(
                lambda line: float_compare(
                    line.amount, 0, precision_rounding=currency.rounding
                ) < 0
            )
            if negative:
                raise ValidationError(
                    _("The installment %(line)s of order %(order)s has a negative "
                      "amount.") % {"line": negative[0].name, "order": order.name}
                )
            total = sum(lines.mapped("amount"))
            if float_compare(
                total, order.amount_total, precision_rounding=currency.rounding
            ):
                raise ValidationError(
                    _("The payment plan of order %(order)s adds up to %(plan)s, "
                      "not to the order total %(total)s: correct the "
                      "installments.")
                    % {
                        "order": order.name,
                        "plan": formatLang(self.env, total, currency_obj=currency),
                        "total": formatLang(
                            self.env, order.amount_total, currency_obj=currency),
                    }
                )
        return True

    @api.multi
    def action_generate_payment_plan(self):
        """Replace the plan by one installment per phase of the project.

        The order total is shared equally between the phases (the rounding
        remainder on the last); each installment is invoiced when its phase
        is accepted. Returns True.
        """
        for order in self:
            phases = order.project_ids.mapped("phase_ids").sorted(
                lambda p: (p.sequence, p.id)
            )
            if not phases:
                raise UserError(
                    _("The order %s has no project phases to plan the payments "
                      "on.") % order.name
                )
            if order.payment_plan_line_ids.filtered(
                lambda line: line.state != "planned"
            ):
                raise UserError(
                    _("The payment plan of order %s has started: it can no longer "
                      "be generated again.") % order.name
                )
            share = round(100.0 / len(phases), 4)
            commands = [(5, 0, 0)]
            for index, phase in enumerate(phases):
                commands.append((0, 0, {
                    "sequence": (index + 1) * 10,
                    "name": _("Installment %(number)s: %(phase)s") % {
                        "number": index + 1, "phase": phase.name},
                    "amount_type": "percent",
                    "percent": share if index < len(phases) - 1
                    else round(100.0 - share * (len(phases) - 1), 4),
                    "trigger": "phase_accepted",
                    "phase_id": phase.id,
                    "payment_days": order.company_id.b2b_installment_payment_days,
                }))
            order.write({"payment_plan_line_ids": commands})
        return True

    @api.multi
    def action_view_payment_plan(self):
        self.ensure_one()
        action = self.env.ref(
            "b2b_sales_delivery.b2b_payment_plan_line_action"
        ).read()[0]
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def get_payment_plan_url(self):
        """The link where the customer reads the order's payment plan."""
        self.ensure_one()
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        return "%s/b2b/payment_plan/%s/%s" % (base_url, self.id, self.access_token)
