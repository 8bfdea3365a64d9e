# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's buying decision on the opportunity ("Quá trình ra quyết
định phức tạp"): the decision criteria, the budget, the decision date and
the approval steps, with the committee's goals per level ("Nhiều mục tiêu:
Cá nhân - Công ty - Phòng"); the checkpoint kind "decision known"."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount, format_date

from ..utils.arguments import date_argument
from ..utils.steps import StepFacts, with_step

BUDGET_STATUSES = [
    ("unknown", "Unknown"),
    ("planned", "Planned"),
    ("approved", "Approved"),
    ("none", "No Budget"),
]
APPROVAL_STATES = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
APPROVAL_STEP_KEY = "b2b_approval_step"
# The facts of an approval given or refused: written by its own step only.
APPROVAL_FACTS = ("state", "date_decided")
# The levels of the committee's goals, in the seed's order.
GOAL_LEVELS = ("goal_personal", "goal_department", "goal_company")


class B2bApprovalStep(models.Model):
    """One step of the customer's approval: who approves, and their answer."""

    _name = "b2b.approval.step"
    _description = "Approval Step of the Buying Decision"
    _inherit = ["b2b.step.mixin"]
    _order = "lead_id, sequence, id"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Step", required=True)
    stakeholder_id = fields.Many2one(
        "b2b.stakeholder",
        string="Committee Member",
        ondelete="set null",
        index="btree_not_null",
        domain="[('lead_id', '=', lead_id)]",
        help="The member of the buying committee who approves.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Approver",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        index="btree_not_null",
    )
    date = fields.Date(string="Expected On", help="When the answer is expected.")
    state = fields.Selection(
        APPROVAL_STATES, default="pending", required=True, readonly=True, copy=False
    )
    date_decided = fields.Date(string="Answered On", readonly=True, copy=False)
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, index=True
    )

    @api.depends("stakeholder_id")
    def _compute_partner_id(self):
        for step in self:
            if step.stakeholder_id:
                step.partner_id = step.stakeholder_id.partner_id

    @api.constrains("lead_id", "stakeholder_id")
    def _check_stakeholder_id(self):
        for step in self:
            if step.stakeholder_id and step.stakeholder_id.lead_id != step.lead_id:
                raise ValidationError(
                    self.env._(
                        'Approval step "%(step)s": the approver must be a member of '
                        "the buying committee of this opportunity.",
                        step=step.name,
                    )
                )

    def _fact_refusal(self):
        return self.env._(
            "The answer to an approval step is recorded with its buttons "
            "Approved and Rejected (or Reset to Pending), not written directly."
        )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                APPROVAL_STEP_KEY,
                APPROVAL_FACTS,
                "_fact_refusal",
                initial={"state": "pending"},
            )
        ]

    def _write_answer(self, state, day):
        self.check_access("write")
        labels = dict(self._fields["state"]._description_selection(self.env))
        with_step(self, APPROVAL_STEP_KEY).write({"state": state, "date_decided": day})
        for step in self:
            step.lead_id.message_post(
                body=self.env._(
                    'Approval step "%(step)s" (%(approver)s): %(state)s.',
                    step=step.name,
                    approver=step.partner_id.display_name or "-",
                    state=labels[state],
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _answer_day(self, day):
        if not day:
            return fields.Date.context_today(self)
        return date_argument(self, day, self.env._("The day of the answer"))

    def action_approve(self, day=None):
        """The approver said yes, on ``day`` (YYYY-MM-DD, today when not
        given). Returns True."""
        return self._write_answer("approved", self._answer_day(day))

    def action_reject(self, day=None):
        """The approver said no, on ``day`` (YYYY-MM-DD, today when not
        given). Returns True."""
        return self._write_answer("rejected", self._answer_day(day))

    def action_reset_pending(self):
        """The answer is asked again. Returns True."""
        if any(step.state == "pending" for step in self):
            raise UserError(self.env._("This approval step is already pending."))
        return self._write_answer("pending", False)


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_decision_criteria = fields.Text(
        string="Decision Criteria",
        tracking=True,
        help="What the customer judges the offers on: price, features, "
        "references, support...",
    )
    b2b_budget_status = fields.Selection(
        BUDGET_STATUSES,
        string="Budget Status",
        default="unknown",
        tracking=True,
        help="Left empty (a lead made before the addon): unknown.",
    )
    b2b_budget_amount = fields.Monetary(
        string="Budget",
        currency_field="company_currency",
        tracking=True,
        help="The customer's budget for the project, when known.",
    )
    b2b_decision_date = fields.Date(
        string="Decision Date",
        tracking=True,
        help="When the customer decides.",
    )
    b2b_approval_step_ids = fields.One2many(
        "b2b.approval.step", "lead_id", string="Approval Steps"
    )
    b2b_goal_personal_summary = fields.Text(
        string="Personal Goals of the Committee", compute="_compute_b2b_goal_summaries"
    )
    b2b_goal_department_summary = fields.Text(
        string="Department Goals of the Committee",
        compute="_compute_b2b_goal_summaries",
    )
    b2b_goal_company_summary = fields.Text(
        string="Company Goals of the Committee", compute="_compute_b2b_goal_summaries"
    )
    b2b_decision_missing = fields.Char(
        string="Decision Missing",
        compute="_compute_b2b_decision_missing",
        help="What is still unknown of the buying decision.",
    )

    def _b2b_decision_items(self):
        """The buying decision as ``[(what, value)]``, in the user's
        language, for a document (the proposal): only what is known."""
        self.ensure_one()
        items = []
        description = self._fields["b2b_decision_criteria"].get_description(self.env)
        if self.b2b_decision_criteria:
            items.append((description["string"], self.b2b_decision_criteria.strip()))
        if self.b2b_budget_status and self.b2b_budget_status != "unknown":
            budget = dict(self._fields["b2b_budget_status"]._description_selection(self.env))[
                self.b2b_budget_status
            ]
            if self.b2b_budget_amount:
                budget = "%s (%s)" % (
                    budget,
                    format_amount(self.env, self.b2b_budget_amount, self.company_currency),
                )
            items.append((self.env._("Budget"), budget))
        if self.b2b_decision_date:
            items.append(
                (self.env._("Decision Date"), format_date(self.env, self.b2b_decision_date))
            )
        steps = [
            "%s%s" % (step.name, " (%s)" % step.partner_id.name if step.partner_id else "")
            for step in self.b2b_approval_step_ids
        ]
        if steps:
            items.append((self.env._("Approval Steps"), " → ".join(steps)))
        return items

    @api.depends(
        "stakeholder_ids.partner_id",
        *("stakeholder_ids.%s" % level for level in GOAL_LEVELS),
    )
    def _compute_b2b_goal_summaries(self):
        for lead in self:
            for level in GOAL_LEVELS:
                lead["b2b_%s_summary" % level] = "\n".join(
                    "%s: %s" % (member.partner_id.name, member[level].strip())
                    for member in lead.stakeholder_ids
                    if member[level] and member[level].strip()
                )

    @api.depends(
        "b2b_decision_criteria",
        "b2b_budget_status",
        "b2b_decision_date",
        "b2b_approval_step_ids",
    )
    def _compute_b2b_decision_missing(self):
        for lead in self:
            lead.b2b_decision_missing = ", ".join(lead._b2b_decision_missing_parts())

    def _b2b_decision_missing_parts(self):
        """The parts of the buying decision still unknown on the lead, in the
        user's language."""
        self.ensure_one()
        _ = self.env._
        parts = []
        if not (self.b2b_decision_criteria or "").strip():
            parts.append(_("the decision criteria"))
        if self.b2b_budget_status in (False, "unknown"):
            parts.append(_("the budget status"))
        if not self.b2b_decision_date:
            parts.append(_("the decision date"))
        if not self.b2b_approval_step_ids:
            parts.append(_("an approval step"))
        return parts
