# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract with a customer: one contract carries many orders of the
same customer; signed through its step only, and what "signed" means is
said once here (``_signed_domain``) for the checkpoint, the indicators and
the achievement view alike."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.arguments import past_date_argument
from ..utils.steps import StepFacts, with_step
from .b2b_step_mixin import B2bStepMixin

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("signed", "Signed"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# A contract counts as signed once signed, and stays so when done.
SIGNED_STATES = ("signed", "done")
CONTRACT_STEP_KEY = "b2b_contract_step"


class B2bContract(models.Model):
    """A contract with a customer, carrying many of its orders."""

    _name = "b2b.contract"
    _description = "B2B Contract"
    # The step mixin is defined before the contract, whatever the import order.
    _inherit = ["mail.thread", "mail.activity.mixin", B2bStepMixin._name]
    _order = "date_signed desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    title = fields.Char(help="What the contract is about.")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('type', '=', 'opportunity')]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        CONTRACT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_signed = fields.Date(
        string="Signed on", readonly=True, copy=False, index=True, tracking=True
    )
    date_start = fields.Date(string="Start")
    date_end = fields.Date(string="End")
    sale_order_ids = fields.One2many(
        "sale.order", "b2b_contract_id", string="Orders", copy=False
    )
    note = fields.Html(string="Terms")
    order_count = fields.Integer(string="Order Count", compute="_compute_orders")
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount",
        compute="_compute_orders",
        help="Untaxed total of the contract's orders that are not cancelled.",
    )
    project_count = fields.Integer(
        string="Project Count", compute="_compute_projects", compute_sudo=True
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The contract number must be unique per company."
    )

    @api.depends("sale_order_ids.state", "sale_order_ids.amount_untaxed")
    def _compute_orders(self):
        groups = (
            self.env["sale.order"]
            ._read_group(
                [("b2b_contract_id", "in", self.ids), ("state", "!=", "cancel")],
                ["b2b_contract_id"],
                ["__count", "amount_untaxed:sum"],
            )
        )
        figures = {contract.id: (count, amount) for contract, count, amount in groups}
        for contract in self:
            contract.order_count, contract.amount_untaxed = figures.get(
                contract.id, (0, 0.0)
            )

    def _compute_projects(self):
        for contract in self:
            contract.project_count = len(contract._get_projects())

    def _get_projects(self):
        """The delivery projects of the contract's orders (whoever may read
        the contract sees which projects carry it)."""
        orders = self.sudo().sale_order_ids
        return orders.project_id | orders.project_ids

    @api.model
    def _signed_domain(self):
        """What a signed contract is: the one definition, used by the
        checkpoint "signed contract", the indicator and the report views."""
        return [("state", "in", SIGNED_STATES), ("date_signed", "!=", False)]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if (
                contract.date_start
                and contract.date_end
                and contract.date_end < contract.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The contract %(name)s ends before it starts.", name=contract.name
                    )
                )

    @api.constrains("lead_id", "partner_id")
    def _check_lead_partner(self):
        for contract in self:
            customer = contract.lead_id.partner_id.commercial_partner_id
            if customer and customer != contract.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The opportunity %(lead)s of the contract %(name)s is with "
                        "another customer.",
                        lead=contract.lead_id.name,
                        name=contract.name,
                    )
                )

    @api.constrains("partner_id", "company_id")
    def _check_orders_customer(self):
        self.sale_order_ids._check_b2b_contract()

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                CONTRACT_STEP_KEY,
                ("state", "date_signed"),
                "_state_refusal",
                initial={"state": "draft"},
            )
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .sudo()
                    .next_by_code("b2b.contract")
                    or "/"
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancelled(self):
        for contract in self:
            if contract.state not in ("draft", "cancel"):
                raise UserError(
                    self.env._(
                        "The contract %(name)s is signed: cancel it instead of "
                        "deleting it.",
                        name=contract.name,
                    )
                )

    def _state_refusal(self):
        return self.env._(
            "The state and the signing date of a contract change only through "
            "its buttons (Sign, Done, Cancel, Reset to Draft)."
        )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def _move_state(self, state, allowed_from, extra=None):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for contract in self:
            if contract.state not in allowed_from:
                raise UserError(
                    self.env._(
                        'The contract %(name)s cannot go from "%(from)s" to "%(to)s".',
                        name=contract.name,
                        **{"from": labels[contract.state], "to": labels[state]},
                    )
                )
        with_step(self, CONTRACT_STEP_KEY).write(dict(extra or {}, state=state))
        return True

    def action_sign(self, date_signed=None):
        """Sign the draft contracts on ``date_signed`` (``YYYY-MM-DD``, not in
        the future; default today). Installments due on the signature are
        released (payment plan). Returns True."""
        day = past_date_argument(
            self,
            date_signed,
            self.env._("The signing date"),
            self.env._("A contract cannot be signed in the future."),
        )
        for contract in self:
            if not contract.partner_id:
                raise UserError(
                    self.env._("The contract %(name)s has no customer.", name=contract.name)
                )
        self._move_state("signed", ("draft",), {"date_signed": day})
        if "b2b.payment.plan.line" in self.env:
            self.env["b2b.payment.plan.line"]._release_contract_signed(
                self.sale_order_ids
            )
        return True

    def action_done(self):
        """Close the signed contracts: their work is over. Returns True."""
        return self._move_state("done", ("signed",))

    def action_cancel(self):
        """Cancel the contracts (not the done ones). Returns True."""
        return self._move_state("cancel", ("draft", "signed"), {"date_signed": False})

    def action_draft(self):
        """Back to draft, from cancelled. Returns True."""
        return self._move_state("draft", ("cancel",))

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action.update(
            domain=[("b2b_contract_id", "=", self.id)],
            context={
                "default_b2b_contract_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_opportunity_id": self.lead_id.id,
            },
        )
        return action

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "project.open_view_project_all"
        )
        action.update(domain=[("id", "in", self._get_projects().ids)], context={})
        return action
