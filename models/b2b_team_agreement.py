# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each member of the delivery team acknowledges the plan and the way of
working: their own step, for the version of the plan they saw. Moving a
phase's deadline makes a new version of the plan: everyone is asked again."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..utils.steps import StepFacts, in_step, with_step

AGREEMENT_STEP_KEY = "b2b_team_agreement_step"
# The facts that prove an agreement: written by the member's own step only.
AGREEMENT_FACTS = ("date_agreed", "plan_version")


class B2bTeamAgreement(models.Model):
    _name = "b2b.team.agreement"
    _description = "Team Agreement"
    _inherit = ["b2b.step.mixin"]
    _order = "project_id, id"

    project_id = fields.Many2one(
        "project.project",
        string="Project",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Member",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
    )
    date_agreed = fields.Datetime(string="Agreed On", readonly=True, copy=False)
    plan_version = fields.Integer(
        string="Plan Version Agreed",
        readonly=True,
        copy=False,
        help="The version of the plan the member agreed to.",
    )
    is_agreed = fields.Boolean(
        string="Agreed",
        compute="_compute_is_agreed",
        help="The member agreed to the current version of the plan.",
    )

    _project_user_unique = models.Constraint(
        "UNIQUE(project_id, user_id)", "A member appears once in the team of a project."
    )

    @api.depends("date_agreed", "plan_version", "project_id.b2b_plan_version")
    def _compute_is_agreed(self):
        for line in self:
            line.is_agreed = bool(
                line.date_agreed and line.plan_version == line.project_id.b2b_plan_version
            )

    def _fact_refusal(self):
        return self.env._(
            "A member agrees to the plan only through their own step: Agree to "
            "the Plan."
        )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(AGREEMENT_STEP_KEY, AGREEMENT_FACTS, "_fact_refusal")
        ]

    def write(self, vals):
        if not in_step(self, AGREEMENT_STEP_KEY):
            if "user_id" in vals and any(line.date_agreed for line in self):
                raise UserError(
                    self.env._("The member of an agreement already given cannot change.")
                )
        return super().write(vals)

    def action_agree(self):
        """The member agrees to the current plan and the way of working: only
        the member themselves, whoever else calls it (even as superuser)."""
        others = self.filtered(lambda line: line.user_id != self.env.user)
        if others:
            raise UserError(
                self.env._(
                    "Only the member agrees to the plan, for themselves: "
                    "%(members)s must agree on their own.",
                    members=", ".join(others.user_id.mapped("name")),
                )
            )
        self.check_access("read")
        now = fields.Datetime.now()
        # The member may only read the team: the step writes for them.
        for line in self.sudo():
            with_step(line, AGREEMENT_STEP_KEY).write(
                {"date_agreed": now, "plan_version": line.project_id.b2b_plan_version}
            )
        return True


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    def write(self, vals):
        moved = self.browse()
        if "date_deadline" in vals:
            moved = self.filtered(
                lambda phase: phase.project_id
                and phase.date_deadline != fields.Date.to_date(vals["date_deadline"])
            )
        result = super().write(vals)
        moved.project_id._b2b_new_plan_version()
        return result
