# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project team: weekly goals, questions and the team agreement."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ProjectProject(models.Model):
    _inherit = "project.project"

    weekly_goal_ids = fields.One2many(
        "b2b.weekly.goal", "project_id", string="Weekly Goals"
    )
    question_ids = fields.One2many("b2b.question", "project_id", string="Questions")
    question_open_count = fields.Integer(
        string="Open Questions", compute="_compute_question_open_count"
    )
    # No field default: Odoo would translate it while installing, when it
    # fills existing projects, and read users whose new columns do not exist
    # yet; default_get gives it to new projects.
    agreement_text = fields.Text(
        string="Way of Working",
        help="The plan and how the team works, acknowledged by each member.",
    )
    team_agreement_ids = fields.One2many(
        "b2b.team.agreement", "project_id", string="Team Agreement"
    )
    agreement_pending_count = fields.Integer(
        string="Not Acknowledged", compute="_compute_agreement_counts"
    )
    agreement_done_count = fields.Integer(
        string="Acknowledged", compute="_compute_agreement_counts"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "agreement_text" in fields_list and not values.get("agreement_text"):
            values["agreement_text"] = self._default_agreement_text()
        return values

    def _default_agreement_text(self):
        return _(
            "We deliver a good product, with integrity, and keep our "
            "commitments: the plan and its weekly goals are ours."
        )

    @api.depends("question_ids.state")
    def _compute_question_open_count(self):
        counts = self._count_by_project("b2b.question", [("state", "=", "open")])
        for project in self:
            project.question_open_count = counts.get(project.id, 0)

    @api.depends("team_agreement_ids.date_acknowledged")
    def _compute_agreement_counts(self):
        done = self._count_by_project(
            "b2b.team.agreement", [("date_acknowledged", "!=", False)]
        )
        pending = self._count_by_project(
            "b2b.team.agreement", [("date_acknowledged", "=", False)]
        )
        for project in self:
            if project.id:
                project.agreement_done_count = done.get(project.id, 0)
                project.agreement_pending_count = pending.get(project.id, 0)
            else:  # a form being edited: count the lines it holds
                lines = project.team_agreement_ids
                project.agreement_done_count = len(
                    lines.filtered("date_acknowledged")
                )
                project.agreement_pending_count = len(lines) - (
                    project.agreement_done_count
                )

    @api.multi
    def action_acknowledge_agreement(self):
        """The current user acknowledges the plan and the way of working."""
        for project in self:
            line = project.team_agreement_ids.filtered(
                lambda a: a.user_id == self.env.user
            )
            if not line:
                raise UserError(
                    _("You are not a member of the team of the project %s.")
                    % project.name
                )
            line.action_acknowledge()
        return True

    @api.multi
    def action_reset_agreement(self):
        """The plan changed: every member acknowledges it again."""
        for project in self:
            lines = project.team_agreement_ids.filtered("date_acknowledged")
            lines.write({"date_acknowledged": False})
            project.message_post(
                body=_("The team agreement was reset: each member acknowledges "
                       "the plan again.")
            )
        return True
