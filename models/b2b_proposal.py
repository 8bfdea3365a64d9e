# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cooperation proposal: the document that comes out of the meeting
with the customer (their needs, the buying committee's goals and expected
benefits, the offer), sent, revised with the customer (each version sent
kept as a revision), then accepted or declined; the quotation is made from
the accepted proposal.

What a proposal is for the count on the opportunity, the indicator
``proposals`` and the report views is said once here
(``_proposal_domain``): a proposal document sent to the customer, counted
once, on its first sending, whatever its revisions."""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from ..utils.scope_steps import composer_action, send_with_template
from ..utils.steps import StepFacts, with_step

# The mixins the proposal inherits are loaded before it.
from . import b2b_customer_word, b2b_step_mixin  # noqa: F401

PROPOSAL_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Agreed by Customer"),
    ("declined", "Declined"),
]
PROPOSAL_DOC_STEP_KEY = "b2b_proposal_document_step"
# The facts of a proposal that only its steps write.
PROPOSAL_STEP_FIELDS = (
    "state",
    "revision",
    "date_sent",
    "date_first_sent",
    "date_decided",
    "decision_message_id",
)
# The fields of a proposal as sent, kept by each revision: (field, label
# used in "what changed").
SNAPSHOT_FIELDS = ("name", "needs", "goals", "benefits", "decision", "offer", "amount")


class B2bProposal(models.Model):
    """A cooperation proposal to the customer of an opportunity."""

    _name = "b2b.proposal"
    _description = "Cooperation Proposal"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "b2b.step.mixin",
        "b2b.customer.word.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('type', '=', 'opportunity')]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        compute="_compute_company_id",
        store=True,
        required=True,
        index=True,
        precompute=True,
    )
    team_id = fields.Many2one(
        related="lead_id.team_id", store=True, index=True, string="Sales Team"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_from_lead",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_from_lead",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    needs = fields.Html(
        string="Customer's Needs", help="What the customer needs, as heard at the meeting."
    )
    goals = fields.Html(
        string="Committee's Goals",
        compute="_compute_committee",
        store=True,
        readonly=False,
        help="The personal, department and company goals of the buying "
        "committee's members, taken from the opportunity's committee.",
    )
    benefits = fields.Html(
        string="Expected Benefits",
        compute="_compute_committee",
        store=True,
        readonly=False,
        help="The benefits the committee's members expect, taken from the "
        "opportunity's committee.",
    )
    decision = fields.Html(
        string="Buying Decision",
        compute="_compute_decision",
        store=True,
        readonly=False,
        help="The customer's decision as understood with them: criteria, "
        "budget, decision date and approval steps, taken from the "
        "opportunity.",
    )
    offer = fields.Html(help="What we offer: the solution, its phases, its terms.")
    amount = fields.Monetary(string="Amount (untaxed)", currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency",
        string="Currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    state = fields.Selection(
        PROPOSAL_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    revision = fields.Integer(
        default=0,
        readonly=True,
        copy=False,
        tracking=True,
        help="The version of the proposal: 0 first, one more at each revision.",
    )
    date_sent = fields.Datetime(string="Sent on", readonly=True, copy=False)
    date_first_sent = fields.Datetime(
        string="First Sent on",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the proposal was first sent: it counts once, then, as a "
        "proposal, whatever its revisions.",
    )
    date_decided = fields.Datetime(string="Decided on", readonly=True, copy=False)
    decision_reason = fields.Text(
        copy=False, help="Why the customer accepted or declined the proposal."
    )
    decision_message_id = fields.Many2one(
        "mail.message",
        string="Customer's Mail",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The customer's mail that accepted or declined the proposal.",
    )
    revision_ids = fields.One2many(
        "b2b.proposal.revision", "proposal_id", string="Revisions", readonly=True
    )
    sale_order_ids = fields.One2many(
        "sale.order", "b2b_proposal_id", string="Quotations", readonly=True
    )
    quotation_count = fields.Integer(compute="_compute_quotation_count")

    @api.depends("lead_id.company_id")
    def _compute_company_id(self):
        for proposal in self:
            proposal.company_id = (
                proposal.lead_id.company_id or proposal.company_id or self.env.company
            )

    @api.depends("lead_id")
    def _compute_from_lead(self):
        for proposal in self:
            proposal.partner_id = proposal.lead_id.partner_id
            proposal.user_id = proposal.lead_id.user_id or proposal.user_id or self.env.user

    @api.depends("lead_id")
    def _compute_committee(self):
        for proposal in self:
            members = proposal.lead_id.stakeholder_ids
            proposal.goals = proposal._committee_goals_html(members)
            proposal.benefits = proposal._committee_benefits_html(members)

    @api.depends("lead_id")
    def _compute_decision(self):
        for proposal in self:
            proposal.decision = proposal._html_list(proposal.lead_id._b2b_decision_items())

    @api.depends("sale_order_ids")
    def _compute_quotation_count(self):
        for proposal in self:
            proposal.quotation_count = len(proposal.sale_order_ids)

    def _committee_goals_html(self, members):
        labels = {
            "goal_personal": self.env._("Personal"),
            "goal_department": self.env._("Department"),
            "goal_company": self.env._("Company"),
        }
        items = []
        for member in members:
            goals = ["%s: %s" % (label, member[name]) for name, label in labels.items() if member[name]]
            if goals:
                items.append((member.partner_id.name, "; ".join(goals)))
        return self._html_list(items)

    def _committee_benefits_html(self, members):
        items = []
        for member in members:
            benefits = [
                member._fields[name].get_description(self.env)["string"]
                for name in ("benefit_revenue", "benefit_cost", "benefit_management")
                if member[name]
            ]
            if member.benefit_other:
                benefits.append(member.benefit_other)
            if benefits:
                items.append((member.partner_id.name, ", ".join(benefits)))
        return self._html_list(items)

    @api.model
    def _html_list(self, items):
        """``[(who, what)]`` as an HTML list (escaped); False when empty."""
        if not items:
            return False
        return Markup("<ul>%s</ul>") % Markup("").join(
            Markup("<li><strong>%s</strong>: %s</li>") % (escape(who), escape(what))
            for who, what in items
        )

    @api.model
    def _proposal_domain(self):
        """What a proposal is: a proposal document sent to the customer,
        counted once, on its first sending (``date_first_sent``): the count
        on the opportunity, the indicator and the report views."""
        return [("date_first_sent", "!=", False)]

    @api.constrains("lead_id", "partner_id")
    def _check_lead_partner(self):
        for proposal in self:
            customer = proposal.lead_id.partner_id.commercial_partner_id
            if (
                customer
                and proposal.partner_id
                and customer != proposal.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The proposal %(name)s is addressed to another customer "
                        "than its opportunity %(lead)s.",
                        name=proposal.name,
                        lead=proposal.lead_id.name,
                    )
                )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                PROPOSAL_DOC_STEP_KEY,
                PROPOSAL_STEP_FIELDS,
                "_state_refusal",
                initial={"state": "draft", "revision": 0},
            )
        ]

    def _state_refusal(self):
        return self.env._(
            "The state, revision and dates of a proposal change only through its "
            "buttons (Send, Revise, Accept, Decline), not by writing them."
        )

    def _b2b_customer_partners(self):
        return self.partner_id

    def _write_step(self, vals):
        return with_step(self, PROPOSAL_DOC_STEP_KEY).write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") and vals.get("lead_id"):
                vals["name"] = self.env["crm.lead"].browse(vals["lead_id"]).name
        return super().create(vals_list)

    def write(self, vals):
        locked = self.filtered(lambda proposal: proposal.state != "draft")
        if locked and set(vals) & set(SNAPSHOT_FIELDS + ("lead_id", "partner_id", "currency_id")):
            raise UserError(
                self.env._(
                    "The proposal %(names)s was sent: revise it to change it.",
                    names=", ".join(locked.mapped("name")),
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_never_sent(self):
        sent = self.filtered("date_first_sent")
        if sent:
            raise UserError(
                self.env._(
                    "The proposal %(names)s was sent to the customer: it is kept.",
                    names=", ".join(sent.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def _check_salesperson(self):
        if not self.env.su and not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise UserError(
                self.env._("Only salespeople send, revise and record the answer to a proposal.")
            )

    def _check_state(self, states, refusal):
        """Refuse the proposals not in ``states``: ``refusal`` is the
        translated message, with the placeholder ``%(name)s``."""
        for proposal in self:
            if proposal.state not in states:
                raise UserError(refusal % {"name": proposal.name})

    def _b2b_check_sendable(self):
        self._check_salesperson()
        self._check_state(
            ("draft",),
            self.env._(
                "The proposal %(name)s was already sent: revise it to send a new "
                "version."
            ),
        )
        for proposal in self:
            if not proposal.partner_id.email:
                raise UserError(
                    self.env._(
                        "The customer of the proposal %(name)s has no email address: "
                        "it cannot be sent.",
                        name=proposal.name,
                    )
                )
            if is_html_empty(proposal.offer):
                raise UserError(
                    self.env._(
                        "Write the offer of the proposal %(name)s before sending it.",
                        name=proposal.name,
                    )
                )
        return True

    def _get_mail_template(self):
        return self.env.ref("b2b_sales_delivery.mail_template_proposal")

    def action_send(self):
        """Open the mail composer with the proposal's mail and its PDF:
        sending it is the step "sent"."""
        self._b2b_check_sendable()
        return composer_action(self, self._get_mail_template())

    def action_send_mail(self):
        """Mail the customer the proposal with its PDF; the proposal is
        then sent. Returns True."""
        self._b2b_check_sendable()
        return send_with_template(self, self._get_mail_template())

    def _b2b_mail_sent(self):
        """The step after the proposal's mail left: sent (first sent once)."""
        now = fields.Datetime.now()
        for proposal in self:
            vals = {"state": "sent", "date_sent": now}
            if not proposal.date_first_sent:
                vals["date_first_sent"] = now
            proposal._write_step(vals)
        return True

    def action_revise(self, note=False):
        """Keep the version sent as a revision (its values and what changed:
        ``note``, else the fields changed since the previous revision) and
        bring the proposal back to draft as the next revision. Returns the
        id of the revision kept."""
        self.ensure_one()
        self._check_salesperson()
        self._check_state(
            ("sent", "declined"),
            self.env._(
                "The proposal %(name)s is revised once sent or declined: it is a "
                "draft or accepted."
            ),
        )
        if note is not False and not isinstance(note, str):
            raise UserError(self.env._("The note of a revision is a text."))
        snapshot = {name: self[name] for name in SNAPSHOT_FIELDS}
        changes = (note or "").strip() or self._describe_changes(snapshot)
        if not changes:
            raise UserError(
                self.env._(
                    "Nothing changed since the previous revision of %(name)s: say "
                    "what the customer asked to change.",
                    name=self.name,
                )
            )
        revision = (
            self.env["b2b.proposal.revision"]
            .sudo()
            .create(
                dict(
                    snapshot,
                    proposal_id=self.id,
                    revision=self.revision,
                    date_sent=self.date_sent,
                    currency_id=self.currency_id.id,
                    changes=changes,
                    state=self.state,
                )
            )
        )
        self._write_step(
            {
                "state": "draft",
                "revision": self.revision + 1,
                "date_sent": False,
                "date_decided": False,
                "decision_message_id": False,
            }
        )
        self.decision_reason = False
        self.message_post(
            body=self.env._(
                "Revision %(revision)s kept: %(changes)s",
                revision=revision.revision,
                changes=changes,
            )
        )
        return revision.id

    def _describe_changes(self, snapshot):
        """What changed from the previous revision to ``snapshot``: the
        labels of the changed fields; the first version says so."""
        previous = self.revision_ids.sorted("revision")[-1:]
        if not previous:
            return self.env._("First version sent.")
        changed = [
            self._fields[name].get_description(self.env)["string"]
            for name in SNAPSHOT_FIELDS
            if (previous[name] or False) != (snapshot[name] or False)
        ]
        if not changed:
            return ""
        return self.env._("Changed: %(fields)s.", fields=", ".join(changed))

    def action_accept(self, message_id=False):
        """Record the customer's acceptance received by mail (``message_id``,
        else their latest mail since the proposal was sent). Returns True."""
        return self._b2b_decide("accepted", message_id, False)

    def action_decline(self, reason=False, message_id=False):
        """Record the customer's refusal received by mail, with its
        ``reason``. Returns True."""
        return self._b2b_decide("declined", message_id, reason)

    def _b2b_decide(self, decision, message_id, reason):
        self._check_salesperson()
        if message_id and (isinstance(message_id, bool) or not isinstance(message_id, int)):
            raise UserError(self.env._("The customer's mail is given by its id."))
        if reason is not False and not isinstance(reason, str):
            raise UserError(self.env._("The reason of a decision is a text."))
        Message = self.env["mail.message"]
        for proposal in self:
            proposal._check_state(
                ("sent",),
                self.env._(
                    "The proposal %(name)s is not waiting for the customer's answer: "
                    "only a sent proposal is accepted or declined."
                ),
            )
            message = proposal._b2b_customer_mail(Message.browse(message_id) if message_id else None)
            if not message or message.date < proposal.date_sent:
                raise UserError(
                    self.env._(
                        "No mail from %(partner)s answering the proposal %(name)s was "
                        "received since it was sent: only the customer decides it.",
                        partner=proposal.partner_id.display_name,
                        name=proposal.name,
                    )
                )
            why = (reason or "").strip() or proposal.decision_reason
            if decision == "declined" and not why:
                raise UserError(
                    self.env._(
                        "Say why the customer declined the proposal %(name)s.",
                        name=proposal.name,
                    )
                )
            proposal._write_step(
                {
                    "state": decision,
                    "date_decided": fields.Datetime.now(),
                    "decision_message_id": message.id,
                }
            )
            if why:
                proposal.decision_reason = why
        return True

    def action_create_quotation(self):
        """Make the quotation of the opportunity from the accepted proposal.
        Returns the quotation's id."""
        self.ensure_one()
        self._check_salesperson()
        if self.state != "accepted":
            raise UserError(
                self.env._(
                    "The proposal %(name)s is not accepted by the customer: make the "
                    "quotation from an accepted proposal.",
                    name=self.name,
                )
            )
        order = with_step(self.env["sale.order"], PROPOSAL_DOC_STEP_KEY).create(
            {
                "partner_id": self.partner_id.id,
                "opportunity_id": self.lead_id.id,
                "user_id": self.user_id.id,
                "team_id": self.lead_id.team_id.id,
                "company_id": (self.company_id or self.env.company).id,
                "b2b_proposal_id": self.id,
                "origin": self.name,
            }
        )
        return order.id

    def action_open_quotation(self):
        """The button: make the quotation and open it."""
        order_id = self.action_create_quotation()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_quotations")
        action.update(domain=[("b2b_proposal_id", "=", self.id)], context={"create": False})
        return action


class B2bProposalRevision(models.Model):
    """A version of a proposal as it was sent, kept when it is revised."""

    _name = "b2b.proposal.revision"
    _description = "Cooperation Proposal Revision"
    _order = "proposal_id, revision desc"

    proposal_id = fields.Many2one(
        "b2b.proposal", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True, string="Company"
    )
    revision = fields.Integer(required=True, readonly=True)
    date_sent = fields.Datetime(string="Sent on", readonly=True)
    state = fields.Selection(PROPOSAL_STATES, string="Answer", readonly=True)
    changes = fields.Text(string="What Changed", required=True, readonly=True)
    name = fields.Char(string="Title", readonly=True)
    needs = fields.Html(string="Customer's Needs", readonly=True)
    goals = fields.Html(string="Committee's Goals", readonly=True)
    benefits = fields.Html(string="Expected Benefits", readonly=True)
    decision = fields.Html(string="Buying Decision", readonly=True)
    offer = fields.Html(readonly=True)
    amount = fields.Monetary(
        string="Amount (untaxed)", currency_field="currency_id", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)

    _proposal_revision_uniq = models.Constraint(
        "UNIQUE(proposal_id, revision)", "A proposal keeps each revision once."
    )
