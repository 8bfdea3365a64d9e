# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery's gate of the team: the first phase of a project starts only
when every member of the team agreed to the current version of the plan, or
a project manager waived the agreement for that version with a reason,
logged. Moving the plan (a phase's deadline, the buffer, a phase added or
removed) asks every member again, each with an activity "Agree to the Plan"
done when they agree."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..utils.arguments import reason_argument
from ..utils.steps import StepFacts, with_step

PLAN_WAIVER_STEP_KEY = "b2b_plan_waiver_step"
PLAN_WAIVER_FIELDS = (
    "b2b_plan_waived_by",
    "b2b_plan_waiver_reason",
    "b2b_plan_waiver_date",
    "b2b_plan_waiver_version",
)
AGREE_ACTIVITY = "b2b_sales_delivery.mail_activity_type_b2b_agree_plan"
# The project's fields whose change moves the plan the customer sees.
PLAN_FIELDS = ("buffer_mode", "buffer_days", "buffer_percent")


class ProjectProject(models.Model):
    _name = "project.project"
    _inherit = ["project.project", "b2b.step.mixin"]

    b2b_plan_waived_by = fields.Many2one(
        "res.users",
        string="Team Agreement Waived by",
        readonly=True,
        copy=False,
        tracking=True,
    )
    b2b_plan_waiver_reason = fields.Text(
        string="Team Agreement Waiver Reason", readonly=True, copy=False
    )
    b2b_plan_waiver_date = fields.Datetime(
        string="Team Agreement Waived on", readonly=True, copy=False
    )
    b2b_plan_waiver_version = fields.Integer(
        string="Plan Version Waived",
        readonly=True,
        copy=False,
        help="The version of the plan the waiver was given for: a new version "
        "asks the team again.",
    )
    b2b_team_agreed = fields.Boolean(
        string="Team Agreed",
        compute="_compute_b2b_team_agreed",
        compute_sudo=True,
        help="Every member of the team agreed to the current version of the "
        "plan (a project without a team has not).",
    )
    b2b_plan_gate_open = fields.Boolean(
        string="Team Gate Open",
        compute="_compute_b2b_team_agreed",
        compute_sudo=True,
        help="The team agreed to the current plan, or a project manager waived "
        "its agreement for this version: the first phase may start.",
    )

    @api.depends(
        "b2b_plan_version",
        "b2b_plan_waiver_version",
        "team_agreement_ids.is_agreed",
        "user_id",
        "task_ids.user_ids",
    )
    def _compute_b2b_team_agreed(self):
        for project in self:
            agreed = not project._b2b_members_to_agree() and bool(
                project._origin and project._b2b_team_members()
            )
            project.b2b_team_agreed = agreed
            project.b2b_plan_gate_open = agreed or (
                bool(project.b2b_plan_waived_by)
                and project.b2b_plan_waiver_version == project.b2b_plan_version
            )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(PLAN_WAIVER_STEP_KEY, PLAN_WAIVER_FIELDS, "_plan_waiver_refusal")
        ]

    def _plan_waiver_refusal(self):
        return self.env._(
            "The waiver of the team's agreement is given only through its step: "
            "a project manager waives it with a reason."
        )

    def write(self, vals):
        moved = self.browse()
        if set(PLAN_FIELDS) & set(vals):
            moved = self.filtered(
                lambda project: any(
                    project[name] != vals[name] for name in PLAN_FIELDS if name in vals
                )
            )
        result = super().write(vals)
        moved._b2b_plan_moved()
        return result

    # ------------------------------------------------------------------
    # The team asked to agree
    # ------------------------------------------------------------------

    def _b2b_members_to_agree(self):
        """The members of the team who have not agreed to the current plan."""
        self.ensure_one()
        agreed = self.sudo().team_agreement_ids.filtered("is_agreed").user_id
        return self._b2b_team_members() - agreed

    def _b2b_plan_moved(self):
        """A move of the plan after the team agreed (or its agreement was
        waived) makes a new version: everyone is asked again."""
        projects = self.sudo().filtered(
            lambda project: project.team_agreement_ids.filtered("date_agreed")
            or project.b2b_plan_waived_by
        )
        return projects._b2b_new_plan_version()

    def _b2b_new_plan_version(self):
        result = super()._b2b_new_plan_version()
        self._b2b_ask_team_to_agree()
        return result

    def action_b2b_sync_team(self):
        result = super().action_b2b_sync_team()
        self._b2b_ask_team_to_agree()
        return result

    def _b2b_ask_team_to_agree(self):
        """An activity "Agree to the Plan" for each member asked to agree to
        the current plan (one open activity each)."""
        for project in self.sudo():
            waiting = project.activity_ids.filtered(
                lambda activity: activity.activity_type_id
                == self.env.ref(AGREE_ACTIVITY, raise_if_not_found=False)
            ).user_id
            for user in project._b2b_members_to_agree() - waiting:
                project.activity_schedule(AGREE_ACTIVITY, user_id=user.id)
        return True

    def action_b2b_agree_plan(self):
        result = super().action_b2b_agree_plan()
        self.sudo().activity_feedback([AGREE_ACTIVITY], user_id=self.env.user.id)
        return result

    # ------------------------------------------------------------------
    # The gate and its waiver
    # ------------------------------------------------------------------

    def _check_team_agreed(self):
        """Refuse to start the first phase of a project whose team has not
        agreed to the current plan (unless waived for this version)."""
        for project in self.sudo():
            if project.b2b_plan_gate_open:
                continue
            members = project._b2b_members_to_agree()
            if not project._b2b_team_members():
                raise UserError(
                    self.env._(
                        "The project %(project)s has no team yet: set its project "
                        "manager and tasks, and let the team agree to the plan "
                        "before its first phase starts (or a project manager "
                        "waives it with a reason).",
                        project=project.name,
                    )
                )
            raise UserError(
                self.env._(
                    "The team of %(project)s has not agreed to the current plan "
                    "(version %(version)s): %(members)s must agree before the "
                    "first phase starts (or a project manager waives it with a "
                    "reason).",
                    project=project.name,
                    version=project.b2b_plan_version,
                    members=", ".join(members.mapped("name")),
                )
            )
        return True

    def action_open_plan_waiver(self):
        """The button: ask the reason of the waiver."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Waive the Team's Agreement"),
            "res_model": "b2b.plan.waiver.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_project_id": self.id},
        }

    def action_waive_team_agreement(self, reason):
        """A project manager lets the first phase start without every
        member's agreement to the current plan, with a reason, logged; the
        waiver holds for the current version of the plan. Returns True."""
        if not self.env.su and not self.env.user.has_group("project.group_project_manager"):
            raise AccessError(
                self.env._("Only project managers waive the team's agreement to the plan.")
            )
        reason = reason_argument(
            reason, self.env._("Give the reason for waiving the team's agreement.")
        )
        self.check_access("write")
        now = fields.Datetime.now()
        for project in self.sudo():
            with_step(project, PLAN_WAIVER_STEP_KEY).write(
                {
                    "b2b_plan_waived_by": self.env.user.id,
                    "b2b_plan_waiver_reason": reason,
                    "b2b_plan_waiver_date": now,
                    "b2b_plan_waiver_version": project.b2b_plan_version,
                }
            )
            project.message_post(
                body=self.env._(
                    "The team's agreement to the plan (version %(version)s) waived "
                    "by %(who)s. Reason: %(reason)s",
                    version=project.b2b_plan_version,
                    who=self.env.user.name,
                    reason=reason,
                )
            )
        return True


class B2bPhase(models.Model):
    """The first phase of a project starts on the team's agreement."""

    _inherit = "b2b.phase"

    @api.model_create_multi
    def create(self, vals_list):
        phases = super().create(vals_list)
        phases.project_id._b2b_plan_moved()
        return phases

    def write(self, vals):
        before = self.sudo().project_id if "project_id" in vals else self.env["project.project"]
        result = super().write(vals)
        if "project_id" in vals:
            (before | self.sudo().project_id)._b2b_plan_moved()
        return result

    def unlink(self):
        projects = self.sudo().project_id
        result = super().unlink()
        projects.exists()._b2b_plan_moved()
        return result

    def action_start(self):
        first = self.filtered(
            lambda phase: phase.project_id
            and all(other.state == "planned" for other in phase.sudo().project_id.phase_ids)
        )
        first.project_id._check_team_agreed()
        return super().action_start()
