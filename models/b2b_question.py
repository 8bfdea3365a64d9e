# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The questions of the customer or of the team during the delivery: on the
project (and the task or phase they concern), with their owner, who answers
them. A question is answered only by its step ``action_answer(answer)``,
which sets the answer, its date and who gave it; ``action_reopen()`` opens
it again."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.steps import StepFacts, with_step

# The mixins the question inherits are loaded before it.
from . import b2b_resource_line, b2b_step_mixin  # noqa: F401

QUESTION_SOURCES = [("customer", "Customer"), ("team", "Team")]
QUESTION_STATES = [("open", "Open"), ("answered", "Answered")]
QUESTION_STEP_KEY = "b2b_question_step"
# The facts of the answer: set by the question's own steps only.
QUESTION_STEP_FIELDS = ("state", "answer", "date_answered", "answered_uid")


class B2bQuestion(models.Model):
    _name = "b2b.question"
    _description = "Delivery Question"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "b2b.project.line.mixin",
        "b2b.step.mixin",
    ]
    _order = "state desc, date_due, date_asked desc, id desc"

    name = fields.Char(string="Question", required=True, tracking=True)
    description = fields.Text(string="Details")
    project_id = fields.Many2one(
        "project.project",
        string="Project",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )
    task_id = fields.Many2one(
        "project.task",
        string="Task",
        index="btree_not_null",
        ondelete="set null",
        domain="[('project_id', '=', project_id)]",
    )
    phase_id = fields.Many2one(
        "b2b.phase",
        string="Phase",
        index="btree_not_null",
        ondelete="set null",
        domain="[('project_id', '=', project_id)]",
    )
    source = fields.Selection(
        QUESTION_SOURCES, string="Asked by", required=True, default="team"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Asked by (contact)",
        help="Who asked: a contact of the customer or a team member.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
        help="Who answers the question.",
    )
    date_asked = fields.Date(
        string="Asked On",
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    date_due = fields.Date(
        string="Answer By",
        index=True,
        tracking=True,
        help="The date the answer is expected: past it, an open question is overdue.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    answer = fields.Text(readonly=True, copy=False, tracking=True)
    date_answered = fields.Date(string="Answered On", readonly=True, copy=False)
    answered_uid = fields.Many2one(
        "res.users", string="Answered by", readonly=True, copy=False
    )
    state = fields.Selection(
        QUESTION_STATES,
        string="Status",
        default="open",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )

    @api.depends("state", "date_due")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for question in self:
            question.is_overdue = (
                question.state == "open"
                and bool(question.date_due)
                and question.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        if operator == "in":
            return [("state", "=", "open"), ("date_due", "<", today)]
        return [
            "|",
            ("state", "!=", "open"),
            "|",
            ("date_due", "=", False),
            ("date_due", ">=", today),
        ]

    @api.constrains("project_id", "task_id", "phase_id")
    def _check_project(self):
        for question in self:
            for record in (question.task_id, question.phase_id):
                if record and record.project_id != question.project_id:
                    raise ValidationError(
                        self.env._(
                            "The question %(question)s concerns %(record)s, which "
                            "is not part of the project %(project)s.",
                            question=question.name,
                            record=record.display_name,
                            project=question.project_id.display_name,
                        )
                    )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                QUESTION_STEP_KEY, QUESTION_STEP_FIELDS, "_step_refusal", initial={"state": "open"}
            )
        ]

    @api.model_create_multi
    def create(self, vals_list):
        questions = super().create(vals_list)
        questions._schedule_owner_activity()
        return questions

    def write(self, vals):
        result = super().write(vals)
        if "user_id" in vals:
            self._schedule_owner_activity()
        return result

    def _step_refusal(self):
        return self.env._(
            "A question's answer and status change only through its steps: "
            "Answer and Reopen."
        )

    def _schedule_owner_activity(self):
        """An activity for the owner of each open question (one each)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for question in self.filtered(lambda q: q.state == "open").sudo():
            question.activity_unlink(["mail.mail_activity_data_todo"])
            question.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=question.date_due or question.date_asked,
                summary=self.env._("Answer the question"),
                user_id=question.user_id.id,
            )

    def action_answer(self, answer):
        """Answer the open questions with ``answer`` (a text); the date and
        who answered are recorded, the owner's activity is done."""
        answer = (answer or "").strip() if isinstance(answer, str) else ""
        if not answer:
            raise UserError(
                self.env._(
                    "Write the answer to the question %(questions)s.",
                    questions=", ".join(self.mapped("name")),
                )
            )
        answered = self.filtered(lambda question: question.state != "open")
        if answered:
            raise UserError(
                self.env._(
                    "These questions are already answered: %(questions)s.",
                    questions=", ".join(answered.mapped("name")),
                )
            )
        with_step(self, QUESTION_STEP_KEY).write(
            {
                "state": "answered",
                "answer": answer,
                "date_answered": fields.Date.context_today(self),
                "answered_uid": self.env.uid,
            }
        )
        self.sudo().activity_feedback(
            ["mail.mail_activity_data_todo"], feedback=answer
        )
        return True

    def action_reopen(self):
        """Open the answered questions again: the answer given stays in the
        chatter, the owner gets an activity."""
        answered = self.filtered(lambda question: question.state == "answered")
        with_step(answered, QUESTION_STEP_KEY).write(
            {
                "state": "open",
                "answer": False,
                "date_answered": False,
                "answered_uid": False,
            }
        )
        answered._schedule_owner_activity()
        return True

    def action_open_answer_wizard(self):
        """The button: a small dialog asking for the answer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Answer the Question"),
            "res_model": "b2b.question.answer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_question_id": self.id},
        }


class B2bQuestionAnswerWizard(models.TransientModel):
    _name = "b2b.question.answer.wizard"
    _description = "Answer a Delivery Question"

    question_id = fields.Many2one("b2b.question", required=True, ondelete="cascade")
    question = fields.Char(related="question_id.name", string="Question Asked")
    answer = fields.Text(required=True)

    def action_answer(self):
        self.ensure_one()
        self.question_id.action_answer(self.answer)
        return {"type": "ir.actions.act_window_close"}
