# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's questions, and what its two plans print: the
internal plan (tasks and phases, who, internal dates) and the customer plan
(phases and the tasks the customer sees, customer dates only)."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class ProjectProject(models.Model):
    _inherit = "project.project"

    b2b_question_ids = fields.One2many("b2b.question", "project_id", string="Questions")
    b2b_question_open_count = fields.Integer(
        string="Open Questions", compute="_compute_b2b_question_open_count"
    )

    @api.depends("b2b_question_ids.state")
    def _compute_b2b_question_open_count(self):
        counts = dict(
            self.env["b2b.question"]._read_group(
                [("project_id", "in", self.ids), ("state", "=", "open")],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.b2b_question_open_count = counts.get(project._origin, 0)

    def action_view_b2b_questions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_question_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {
            "default_project_id": self.id,
            "default_user_id": (self.user_id or self.env.user).id,
            "search_default_open": 1,
        }
        return action

    # ------------------------------------------------------------------
    # The customer's questions (portal)
    # ------------------------------------------------------------------

    def _b2b_ask_question(self, partner, name, description=None):
        """A question of the customer ``partner`` on the project, asked from
        the portal: owned by the project's manager; returns it."""
        self.ensure_one()
        name = (name or "").strip()
        if not name:
            raise UserError(self.env._("Write your question."))
        question = (
            self.env["b2b.question"]
            .sudo()
            .create(
                {
                    "project_id": self.id,
                    "name": name[:200],
                    "description": (description or "").strip() or False,
                    "source": "customer",
                    "partner_id": partner.id,
                    "user_id": (self.user_id or self.create_uid).id,
                }
            )
        )
        question.message_post(
            body=self.env._(
                "Question asked from the portal by %(partner)s.", partner=partner.name
            ),
            author_id=partner.id,
        )
        return question

    def _b2b_customer_questions(self):
        """The questions the customer sees on the portal: theirs, answered or
        waiting for an answer."""
        self.ensure_one()
        return (
            self.env["b2b.question"]
            .sudo()
            .search(
                [("project_id", "=", self.id), ("source", "=", "customer")],
                order="date_asked desc, id desc",
            )
        )

    # ------------------------------------------------------------------
    # The plans
    # ------------------------------------------------------------------

    def _b2b_customer_lang(self):
        """The language of the customer's documents."""
        self.ensure_one()
        partner = self.partner_id or self.sudo()._get_delivery_order().partner_id
        return partner.lang or self.company_id.partner_id.lang or self.env.lang

    def _b2b_plan_tasks(self):
        """The tasks of the internal plan: every task of the project."""
        self.ensure_one()
        return self.sudo().with_context(active_test=False).task_ids.filtered("active")

    def _b2b_customer_plan_tasks(self):
        """The tasks the customer sees in their plan (hook): the project's
        own tasks (not subtasks shown only in their parent), not cancelled."""
        return self._b2b_plan_tasks().filtered(
            lambda task: task.display_in_project and task.state != "1_canceled"
        )

    def _b2b_plan_sections(self, tasks):
        """``tasks`` by phase: a list of (phase, tasks) in the phases'
        order, then (empty phase, the tasks of no phase)."""
        self.ensure_one()
        sections = []
        left = tasks
        for phase in self.sudo().phase_ids.sorted(lambda phase: (phase.sequence, phase.id)):
            phase_tasks = (
                tasks.filtered(lambda task, phase=phase: task.milestone_id == phase.milestone_id)
                if phase.milestone_id
                else tasks.browse()
            )
            left -= phase_tasks
            sections.append((phase, phase_tasks))
        if left:
            sections.append((self.env["b2b.phase"], left))
        return sections
