# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.arguments import check_date_argument

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("negotiation", "Negotiation"),
    ("signed", "Signed"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# What a signed contract is, for the pipeline's checkpoints and the key
# indicators alike: signed, and still so when in progress or done.
CONTRACT_SIGNED_STATES = ("signed", "in_progress", "done")


def contract_signed_sql(alias):
    """The SQL condition "the contract row ``alias`` is signed"."""
    return "%s.state IN (%s)" % (
        alias, ", ".join("'%s'" % state for state in CONTRACT_SIGNED_STATES)
    )


class B2bContract(models.Model):
    """A contract with a customer: one contract has many sales orders."""

    _name = "b2b.contract"
    _description = "B2B Contract"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "b2b.state.columns.mixin",
        "b2b.step.mixin",
    ]
    _order = "date_signed desc, id desc"
    _step_fields = ("state", "date_signed")
    _step_drop_actions = {
        "draft": "action_draft",
        "negotiation": "action_negotiate",
        "signed": "action_sign",
        "in_progress": "action_start",
        "done": "action_done",
        "cancel": "action_cancel",
    }

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    title = fields.Char()
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange",
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", default=lambda self: self.env.user,
        index=True, track_visibility="onchange",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id
    )
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id,
    )
    amount = fields.Monetary(string="Value", track_visibility="onchange")
    state = fields.Selection(
        CONTRACT_STATES, default="draft", required=True, index=True,
        track_visibility="onchange",
        group_expand="_expand_states",
    )
    date_signed = fields.Date(
        string="Signed on", index=True, readonly=True, copy=False,
        track_visibility="onchange",
    )
    date_start = fields.Date()
    date_end = fields.Date()
    sale_order_ids = fields.One2many("sale.order", "b2b_contract_id", string="Orders")
    # --- Documents, links, figures ----------------------------------------
    document_ids = fields.Many2many(
        "ir.attachment", "b2b_contract_attachment_rel", "contract_id",
        "attachment_id", string="Documents",
        help="The signed contract, its annexes and appendices.",
    )
    note = fields.Html(string="Terms")
    mark_lead_won = fields.Boolean(
        string="Mark the Opportunity Won on Signing", default=True
    )
    order_count = fields.Integer(string="Orders", compute="_compute_order_figures")
    amount_orders = fields.Monetary(
        string="Ordered (untaxed)", compute="_compute_order_figures",
        help="Untaxed total of the confirmed orders of the contract.",
    )
    project_count = fields.Integer(string="Projects", compute="_compute_project_count")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)",
         "The contract number must be unique per company."),
    ]

    def _compute_order_figures(self):
        data = self.env["sale.order"].read_group(
            [("b2b_contract_id", "in", self.ids), ("state", "!=", "cancel")],
            ["b2b_contract_id", "state", "amount_untaxed"],
            ["b2b_contract_id", "state"], lazy=False,
        )
        counts, amounts = {}, {}
        for group in data:
            contract_id = group["b2b_contract_id"][0]
            counts[contract_id] = counts.get(contract_id, 0) + group["__count"]
            if group["state"] in ("sale", "done"):
                amounts[contract_id] = (
                    amounts.get(contract_id, 0.0) + group["amount_untaxed"]
                )
        for contract in self:
            contract.order_count = counts.get(contract.id, 0)
            contract.amount_orders = amounts.get(contract.id, 0.0)

    def _compute_project_count(self):
        data = self.env["project.project"].read_group(
            [("sale_order_id.b2b_contract_id", "in", self.ids)],
            ["sale_order_id"], ["sale_order_id"],
        )
        order_ids = [d["sale_order_id"][0] for d in data]
        contract_of = {
            order.id: order.b2b_contract_id.id
            for order in self.env["sale.order"].browse(order_ids)
        }
        counts = {}
        for d in data:
            contract_id = contract_of[d["sale_order_id"][0]]
            counts[contract_id] = counts.get(contract_id, 0) + d["sale_order_id_count"]
        for contract in self:
            contract.project_count = counts.get(contract.id, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_start and contract.date_end and (
                contract.date_end < contract.date_start
            ):
                raise ValidationError(
                    _("The contract %s ends before it starts.") % contract.name
                )

    @api.constrains("lead_id", "partner_id")
    def _check_lead_partner(self):
        for contract in self:
            lead_partner = contract.lead_id.partner_id.commercial_partner_id
            if lead_partner and (
                lead_partner != contract.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    _("The opportunity of the contract %s belongs to another "
                      "customer.") % contract.name
                )

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = (
                self.env["ir.sequence"].sudo().next_by_code("b2b.contract") or "/"
            )
        return super().create(vals)

    def _set_state(self, state, allowed_from):
        for contract in self:
            if contract.state not in allowed_from:
                raise UserError(
                    _("The contract %(name)s cannot go from %(from)s to %(to)s.")
                    % {"name": contract.name,
                       "from": self._fields["state"].convert_to_export(
                           contract.state, contract),
                       "to": self._fields["state"].convert_to_export(state, contract)}
                )
        self._step_write({"state": state})
        return True

    def _step_buttons(self):
        return _("Negotiate, Sign, Start, Done, Cancel, Reset to Draft")

    @api.multi
    def action_negotiate(self):
        return self._set_state("negotiation", ("draft",))

    @api.multi
    def action_sign(self, date_signed=None):
        """Sign the contract: date it (``date_signed``, YYYY-MM-DD, not in
        the future; default today) and, when asked, mark its opportunity
        won. Returns True."""
        today = fields.Date.context_today(self)
        if date_signed:
            date_signed = check_date_argument(self, date_signed, _("The signing date"))
            if date_signed > today:
                raise UserError(_("A contract cannot be signed in the future."))
        self._set_state("signed", ("draft", "negotiation"))
        for contract in self:
            contract._step_write({"date_signed": date_signed or today})
            if contract.mark_lead_won:
                contract._win_lead()
        return True

    def _win_lead(self):
        self.ensure_one()
        lead = self.lead_id
        if not lead or not lead.active or lead.probability >= 100:
            return False
        won_stage = lead._stage_find(
            domain=[("probability", "=", 100.0), ("on_change", "=", True)]
        )
        if not won_stage:
            self.message_post(
                body=_("The opportunity was not marked won: its sales team has "
                       "no won stage.")
            )
            return False
        return lead.action_set_won()

    @api.multi
    def action_start(self):
        return self._set_state("in_progress", ("signed",))

    @api.multi
    def action_done(self):
        return self._set_state("done", ("signed", "in_progress"))

    @api.multi
    def action_cancel(self):
        return self._set_state("cancel", ("draft", "negotiation", "signed", "in_progress"))

    @api.multi
    def action_draft(self):
        return self._set_state("draft", ("negotiation", "cancel"))

    @api.multi
    def action_view_orders(self):
        action = self.env.ref("sale.action_orders").read()[0]
        action["domain"] = [("b2b_contract_id", "in", self.ids)]
        action["context"] = {
            "default_b2b_contract_id": self[:1].id,
            "default_partner_id": self[:1].partner_id.id,
            "default_opportunity_id": self[:1].lead_id.id,
        }
        return action

    @api.multi
    def action_view_projects(self):
        action = self.env.ref("project.open_view_project_all").read()[0]
        action["domain"] = [("sale_order_id.b2b_contract_id", "in", self.ids)]
        action["context"] = {}
        return action

    @api.multi
    def action_view_lead(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "view_mode": "form",
            "views": [(self.env.ref("crm.crm_case_form_view_oppor").id, "form")],
            "res_id": self.lead_id.id,
        }
