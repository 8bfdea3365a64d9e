# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's own working: its resources and their readiness,
its weekly goals, the team's agreement to the plan, and the follow-up
opportunities heard during the delivery."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ProjectProject(models.Model):
    _inherit = "project.project"

    # Resources and readiness
    resource_line_ids = fields.One2many(
        "b2b.resource.line", "project_id", string="Resources"
    )
    resource_ready_ratio = fields.Float(
        string="Resources Ready (%)",
        compute="_compute_resource_readiness",
        help="The share of the project's resources that are ready.",
    )
    resource_line_count = fields.Integer(
        string="Resource Count", compute="_compute_resource_readiness"
    )
    is_resource_ready = fields.Boolean(
        string="Resources Ready",
        compute="_compute_resource_readiness",
        help="Every resource of the project is ready (a project without "
        "resources is not).",
    )
    # Weekly goals
    weekly_goal_ids = fields.One2many("b2b.weekly.goal", "project_id", string="Weekly Goals")
    weekly_goal_count = fields.Integer(
        string="Weekly Goal Count", compute="_compute_weekly_goal_count"
    )
    # The team's agreement
    team_agreement_ids = fields.One2many(
        "b2b.team.agreement", "project_id", string="Team Agreement"
    )
    b2b_plan_version = fields.Integer(
        string="Plan Version",
        default=1,
        readonly=True,
        copy=False,
        help="Goes up each time a phase's deadline moves: the team agrees again.",
    )
    team_agreed_ratio = fields.Float(
        string="Team Agreed (%)", compute="_compute_team_agreed_ratio"
    )
    # Follow-up opportunities
    b2b_upsell_lead_count = fields.Integer(
        string="Follow-up Opportunities", compute="_compute_b2b_upsell_lead_count"
    )

    @api.depends("resource_line_ids.is_ready")
    def _compute_resource_readiness(self):
        for project in self:
            lines = project.resource_line_ids
            ready = len(lines.filtered("is_ready"))
            project.resource_line_count = len(lines)
            project.resource_ready_ratio = 100.0 * ready / len(lines) if lines else 0.0
            project.is_resource_ready = bool(lines) and ready == len(lines)

    @api.depends("weekly_goal_ids")
    def _compute_weekly_goal_count(self):
        counts = dict(
            self.env["b2b.weekly.goal"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.weekly_goal_count = counts.get(project._origin, 0)

    @api.depends("team_agreement_ids.is_agreed")
    def _compute_team_agreed_ratio(self):
        for project in self:
            lines = project.team_agreement_ids
            agreed = len(lines.filtered("is_agreed"))
            project.team_agreed_ratio = 100.0 * agreed / len(lines) if lines else 0.0

    def _compute_b2b_upsell_lead_count(self):
        # The delivery team may have no CRM rights: a count only.
        counts = dict(
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [("b2b_source_project_id", "in", self.ids)],
                ["b2b_source_project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.b2b_upsell_lead_count = counts.get(project._origin.sudo(), 0)

    # ------------------------------------------------------------------
    # Weekly goals
    # ------------------------------------------------------------------

    def action_view_weekly_goals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_weekly_goal_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {
            "default_project_id": self.id,
            "search_default_group_week": 1,
        }
        return action

    # ------------------------------------------------------------------
    # The team's agreement
    # ------------------------------------------------------------------

    def _b2b_team_members(self):
        """The delivery team: the project's manager and the users of its
        tasks (internal users only)."""
        self.ensure_one()
        project = self.sudo()
        users = project.user_id | project.task_ids.user_ids
        return users.filtered(lambda user: not user.share)

    def action_b2b_sync_team(self):
        """Ask each member of the team who is not asked yet to agree."""
        for project in self:
            project.check_access("read")
            if not self.env.user.has_group("project.group_project_user"):
                raise AccessError(
                    self.env._("Only project users set the team of a project.")
                )
            known = project.sudo().team_agreement_ids.user_id
            missing = project._b2b_team_members() - known
            self.env["b2b.team.agreement"].sudo().create(
                [{"project_id": project.id, "user_id": user.id} for user in missing]
            )
        return True

    def action_b2b_agree_plan(self):
        """The current user agrees to the plan of the project, as a member of
        its team."""
        self.ensure_one()
        self.check_access("read")
        user = self.env.user
        line = self.sudo().team_agreement_ids.filtered(lambda line: line.user_id == user)
        if not line:
            if user not in self._b2b_team_members():
                raise UserError(
                    self.env._(
                        "%(user)s is not a member of the team of %(project)s.",
                        user=user.name,
                        project=self.name,
                    )
                )
            line = self.env["b2b.team.agreement"].sudo().create(
                {"project_id": self.id, "user_id": user.id}
            )
        line.with_env(self.env).action_agree()
        return True

    def _b2b_new_plan_version(self):
        """The plan moved: every member is asked to agree again."""
        for project in self.sudo():
            project.b2b_plan_version += 1
            if project.team_agreement_ids:
                project.message_post(
                    body=self.env._(
                        "The plan moved (version %(version)s): every member of the "
                        "team is asked to agree again.",
                        version=project.b2b_plan_version,
                    )
                )
        return True

    # ------------------------------------------------------------------
    # Follow-up opportunities
    # ------------------------------------------------------------------

    def _prepare_upsell_lead_values(self):
        self.ensure_one()
        order = self.sudo()._get_delivery_order()
        return {
            "name": self.env._("Follow-up of %(project)s", project=self.name),
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "user_id": (order.user_id or self.env.user).id,
            "team_id": order.team_id.id,
            "company_id": self.company_id.id,
            "b2b_source_project_id": self.id,
        }

    def action_create_upsell_lead(self):
        """Create a follow-up opportunity (the next order) for the project's
        customer, for the salesperson and sales team of the project's order,
        linked back to the project, at the stage of the team's pipeline
        marked for follow-ups (past the new customer's steps); returns its id."""
        self.ensure_one()
        self.check_access("read")
        user = self.env.user
        if not (
            user.has_group("project.group_project_user")
            or user.has_group("sales_team.group_sale_salesman")
        ):
            raise AccessError(
                self.env._("Only the delivery team and salespeople create follow-up opportunities.")
            )
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "The project %(project)s has no customer: a follow-up "
                    "opportunity needs one.",
                    project=self.name,
                )
            )
        # The delivery team may lack CRM rights: the opportunity is the
        # salesperson's, created for them.
        lead = self.env["crm.lead"].sudo()._create_follow_up(self._prepare_upsell_lead_values())
        self.sudo().message_post(
            body=self.env._("Follow-up opportunity created: %(lead)s", lead=lead.name)
        )
        return lead.id

    def action_view_upsell_leads(self):
        self.ensure_one()
        leads = self.env["crm.lead"].search([("b2b_source_project_id", "=", self.id)])
        return leads._get_records_action(name=self.env._("Follow-up Opportunities"))
