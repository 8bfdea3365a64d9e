# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The B2B pipeline on the opportunity: the stages of the team's pipeline,
the exit checkpoints of each stage held on every forward move, the checklist
of the current stage, and the sales manager's override."""

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..utils.arguments import MAX_RECORD_ID
from ..utils.steps import in_step, with_step

# The one way past unmet checkpoints is ``force_stage``: it writes inside
# this step (utils.steps).
FORCE_STAGE_KEY = "b2b_force_stage"
# How many opportunities the refusal lists before summing up.
MAX_LEADS_IN_MESSAGE = 20


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_team_pipeline = fields.Boolean(
        related="team_id.b2b_use_pipeline", string="Team Uses the B2B Pipeline"
    )
    b2b_stage_guidance = fields.Text(
        related="stage_id.b2b_guidance", string="Stage Guidance"
    )
    b2b_checkpoint_tick_ids = fields.One2many(
        "b2b.checkpoint.tick", "lead_id", string="Manual Checkpoints"
    )
    b2b_checklist = fields.Html(
        string="Checklist",
        compute="_compute_b2b_checklist",
        sanitize=False,
        help="The exit checkpoints of the current stage, met or not.",
    )
    b2b_checkpoint_count = fields.Integer(
        string="Checkpoints of the Stage", compute="_compute_b2b_checklist"
    )
    b2b_checkpoint_met_count = fields.Integer(
        string="Checkpoints Met", compute="_compute_b2b_checklist"
    )

    @api.depends("team_id", "type")
    def _compute_stage_id(self):
        # A lead follows its team's pipeline: moved to a team of the other
        # pipeline, it starts again at the first stage of that pipeline.
        moved = self.filtered(
            lambda lead: lead.team_id
            and lead.stage_id
            and not lead.stage_id.team_ids
            and lead.stage_id.b2b_pipeline != lead.team_id.b2b_use_pipeline
        )
        for lead in moved:
            lead.stage_id = lead._stage_find().id
        return super(CrmLead, self - moved)._compute_stage_id()

    @api.depends("stage_id", "company_id", "b2b_checkpoint_tick_ids")
    def _compute_b2b_checklist(self):
        checkpoints = (
            self.env["b2b.checkpoint"]
            .sudo()
            .search([("stage_id", "in", self.stage_id.ids)])
        )
        met = checkpoints._get_met_lead_ids(self)
        by_stage = checkpoints.grouped("stage_id")
        for lead in self:
            items = by_stage.get(lead.stage_id, checkpoints.browse()).filtered(
                lambda checkpoint, lead=lead: checkpoint._applies_to(lead)
            )
            done = items.filtered(
                lambda checkpoint, lead=lead: lead._origin.id in met[checkpoint.id]
            )
            lead.b2b_checkpoint_count = len(items)
            lead.b2b_checkpoint_met_count = len(done)
            lead.b2b_checklist = lead._render_b2b_checklist(items, done)

    def _render_b2b_checklist(self, checkpoints, done):
        if not checkpoints:
            return Markup('<p class="text-muted">%s</p>') % self.env._(
                "This stage has no checkpoint."
            )
        rows = []
        for checkpoint in checkpoints:
            is_met = checkpoint in done
            rows.append(
                Markup('<li class="%s" title="%s"><i class="fa %s me-1"/>%s%s</li>')
                % (
                    (
                        "text-success"
                        if is_met
                        else ("text-muted" if checkpoint.is_optional else "text-danger")
                    ),
                    checkpoint.description or checkpoint._get_how_to_meet(),
                    "fa-check-square-o" if is_met else "fa-square-o",
                    checkpoint.name,
                    (
                        Markup(" <em>(%s)</em>") % self.env._("optional")
                        if checkpoint.is_optional
                        else ""
                    ),
                )
            )
        return Markup('<ul class="list-unstyled mb-0">%s</ul>') % Markup("").join(rows)

    # ------------------------------------------------------------------
    # Pipeline: the stages of the team's pipeline
    # ------------------------------------------------------------------

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """The kanban's columns: the stages in use and those of the pipeline
        of the team in the context (or the user's team); with
        ``show_user_team_stages``, as crm, also the stages of the user's
        teams."""
        Team = self.env["crm.team"]
        team = Team.browse(self.env.context.get("default_team_id")).exists()
        team = team or Team._get_default_team_id(user_id=self.env.uid)
        search_domain = ["|", ("id", "in", stages.ids)]
        if self.env.context.get("show_user_team_stages"):
            search_domain += ["|", ("team_ids", "in", self.env.user.crm_team_ids.ids)]
        search_domain += self.env["crm.stage"]._get_pipeline_domain(team)
        stage_ids = stages.sudo()._search(search_domain, order=stages._order)
        return stages.browse(stage_ids)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        """A stage of the teams' pipeline first (the stage of a new
        opportunity, the won stage of ``action_set_won``), crm's choice if
        that pipeline has none."""
        teams = self.team_id
        if team_id:
            teams |= self.env["crm.team"].browse(team_id)
        stages = super()._stage_find(
            team_id=team_id,
            domain=list(domain or [])
            + self.env["crm.stage"]._get_pipeline_domain(teams),
            order=order,
            limit=limit,
        )
        return stages or super()._stage_find(
            team_id=team_id, domain=domain, order=order, limit=limit
        )

    def action_set_won(self):
        # crm looks for the won stage of all the leads' teams at once: ask
        # once per pipeline, so that each lead is won in its own pipeline.
        for leads in self.grouped(lambda lead: lead.team_id.b2b_use_pipeline).values():
            super(CrmLead, leads).action_set_won()
        return True

    # ------------------------------------------------------------------
    # Checkpoints: every forward move is checked, on every road
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # A new opportunity (created, copied, imported, quick-created in a
        # kanban column) enters its stage from the start of the pipeline. A
        # copy starts again at the first stage (crm does not copy the stage)
        # unless a stage is given, which is then checked here.
        if self._is_stage_forced():
            return super().create(vals_list)
        with self.env.cr.savepoint():
            leads = super().create(vals_list)
            leads._check_stage_checkpoints({})
        return leads

    def write(self, vals):
        # Stage moves end here: the form's status bar, the kanban's drag,
        # imports, merges, "Won", RPC. The facts written along with the stage
        # (a revenue, a tick, merged quotations) count: the move is checked
        # after the write, which is undone when it is refused.
        if not vals.get("stage_id") or self._is_stage_forced():
            return super().write(vals)
        origins = {lead.id: lead.stage_id for lead in self}
        if all(stage.id == vals["stage_id"] for stage in origins.values()):
            # No lead moves (a merge, a form saving every field): nothing to
            # check.
            return super().write(vals)
        with self.env.cr.savepoint():
            res = super().write(vals)
            self._check_stage_checkpoints(origins)
        return res

    def _merge_dependences(self, opportunities):
        # The manual ticks of the merged opportunities are facts of the head.
        res = super()._merge_dependences(opportunities)
        ticked = set(self.sudo().b2b_checkpoint_tick_ids.checkpoint_id.ids)
        moving = self.env["b2b.checkpoint.tick"].sudo()
        for tick in opportunities.sudo().b2b_checkpoint_tick_ids.sorted("date"):
            if tick.checkpoint_id.id not in ticked:
                ticked.add(tick.checkpoint_id.id)
                moving |= tick
        moving._move_to_lead(self)
        return res

    def _is_stage_forced(self):
        return in_step(self, FORCE_STAGE_KEY)

    @api.model
    def _create_follow_up(self, vals):
        """Create the follow-up opportunity of an existing customer at the
        stage of its team's pipeline marked for follow-ups
        (``crm.stage._get_follow_up_stage``), past the new customer's steps
        and their checkpoints, with a note saying so; without a marked
        stage, a plain creation from the start of the pipeline. The stage is
        the addon's choice: a stage in ``vals`` is checked as on any
        creation. The returned record carries no step."""
        team = self.env["crm.team"].browse(vals.get("team_id"))
        stage = self.env["crm.stage"].sudo()._get_follow_up_stage(team)
        if not stage or vals.get("stage_id"):
            return self.create(vals)
        lead = with_step(self, FORCE_STAGE_KEY).create(dict(vals, stage_id=stage.id))
        lead = self.browse(lead.id)
        lead.message_post(
            body=self.env._(
                'An existing customer: this follow-up starts at "%(stage)s", '
                "after the steps of a new customer.",
                stage=stage.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return lead

    def _check_stage_checkpoints(self, origins):
        """Refuse, for every user including the administrator, the move of
        the leads of ``self`` from their stage in ``origins`` (``{lead id:
        stage}``; a lead missing from it enters the pipeline from its start)
        to their current stage past unmet required checkpoints."""
        unmet = self._get_unmet_checkpoints(origins)
        if unmet:
            raise UserError(self._format_unmet_message(unmet))
        return True

    def _get_passed_stages(self, origins):
        """The stages each lead of ``self`` leaves or skips moving forward
        from its stage in ``origins`` to its current stage: ``{lead: stages}``,
        only for leads that move forward.

        The order is the stages' ``sequence, id`` within the pipeline of the
        current stage (the B2B one or the other), considering only stages
        shared by every team or of the lead's team (and the stage it leaves).
        A lead with no stage before, or coming from the other pipeline,
        enters at its stage from the start of that pipeline. Moving back is
        free.
        """
        Stage = self.env["crm.stage"].sudo()
        pipelines = defaultdict(list)
        for stage in Stage.search([], order="sequence, id"):
            pipelines[stage.b2b_pipeline].append(stage)
        position = {
            stage.id: index
            for pipeline in pipelines.values()
            for index, stage in enumerate(pipeline)
        }
        passed = {}
        for lead in self:
            target = lead.stage_id
            origin = origins.get(lead.id) or Stage
            if not target or origin == target:
                continue
            start = 0
            if origin and origin.b2b_pipeline == target.b2b_pipeline:
                start = position[origin.id]
            stages = [
                stage
                for stage in pipelines[target.b2b_pipeline][start : position[target.id]]
                if stage == origin
                or not stage.team_ids
                or lead.team_id in stage.team_ids
            ]
            if stages:
                passed[lead] = Stage.browse([stage.id for stage in stages])
        return passed

    def _get_unmet_checkpoints(self, origins):
        """The required checkpoints each lead of ``self`` misses for its move
        from its stage in ``origins`` to its current stage: ``{lead:
        b2b.checkpoint}``, only for the leads that miss something. The cost
        does not grow with the number of leads."""
        passed = self._get_passed_stages(origins)
        if not passed:
            return {}
        all_stages = self.env["crm.stage"].sudo().union(*passed.values())
        checkpoints = (
            self.env["b2b.checkpoint"]
            .sudo()
            .search([("stage_id", "in", all_stages.ids), ("is_optional", "=", False)])
        )
        met = checkpoints._get_met_lead_ids(self.browse([lead.id for lead in passed]))
        unmet = {}
        for lead, stages in passed.items():
            missing = checkpoints.filtered(
                lambda checkpoint, lead=lead, stages=stages: checkpoint.stage_id
                in stages
                and checkpoint._applies_to(lead)
                and lead.id not in met[checkpoint.id]
            )
            if missing:
                unmet[lead] = missing
        return unmet

    @api.model
    def _format_unmet_message(self, unmet):
        _ = self.env._
        lines = [_("These opportunities cannot move forward: checkpoints are not met.")]
        leads = sorted(unmet, key=lambda lead: lead.id)
        for lead in leads[:MAX_LEADS_IN_MESSAGE]:
            lines += [
                "",
                _(
                    '"%(lead)s", to the stage "%(stage)s":',
                    lead=lead.name,
                    stage=lead.stage_id.name,
                ),
            ]
            for checkpoint in unmet[lead]:
                lines.append(
                    _(
                        '- %(checkpoint)s (stage "%(stage)s"): %(how)s',
                        checkpoint=checkpoint.name,
                        stage=checkpoint.stage_id.name,
                        how=checkpoint._get_how_to_meet(),
                    )
                )
        if len(leads) > MAX_LEADS_IN_MESSAGE:
            lines += [
                "",
                _(
                    "... and %(count)s more opportunities.",
                    count=len(leads) - MAX_LEADS_IN_MESSAGE,
                ),
            ]
        lines += [
            "",
            _("Complete them, or ask a sales manager to force the move with a reason."),
        ]
        return "\n".join(lines)

    # ------------------------------------------------------------------
    # The sales manager's override
    # ------------------------------------------------------------------

    def action_force_stage(self):
        return {
            "name": self.env._("Force Stage"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.stage.force.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_ids": self.ids},
        }

    def force_stage(self, stage_id, reason):
        """Move the leads to the stage ``stage_id`` even past unmet
        checkpoints.

        Sales managers only, with a reason; a note in each lead's chatter
        names the stage, the manager, the reason and the checkpoints skipped.
        Returns True.
        """
        _ = self.env._
        if not self.env.user.has_group("b2b_sales_delivery.group_b2b_manager"):
            raise AccessError(
                _("Only a sales manager can force an opportunity past its checkpoints.")
            )
        if isinstance(stage_id, bool) or not isinstance(stage_id, int):
            raise UserError(_("Give the stage to move to by its id, a whole number."))
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(_("Give the reason for forcing the stage."))
        stage = self.env["crm.stage"]
        if 0 < stage_id <= MAX_RECORD_ID:
            stage = stage.browse(stage_id).exists()
        if not stage:
            raise UserError(_("The stage to move to does not exist."))
        origins = {lead.id: lead.stage_id for lead in self}
        with_step(self, FORCE_STAGE_KEY).write(
            {"stage_id": stage.id}
        )
        skipped = self._get_unmet_checkpoints(origins)
        for lead in self:
            lead._post_forced_stage_note(stage, reason.strip(), skipped.get(lead))
        return True

    def _post_forced_stage_note(self, stage, reason, checkpoints):
        self.ensure_one()
        _ = self.env._
        body = Markup("<p>%s</p><p><strong>%s</strong> %s</p>") % (
            _(
                'Stage forced to "%(stage)s" by %(user)s.',
                stage=stage.name,
                user=self.env.user.name,
            ),
            _("Reason:"),
            reason,
        )
        if checkpoints:
            body += Markup("<p>%s</p><ul>%s</ul>") % (
                _("Checkpoints skipped:"),
                Markup("").join(
                    Markup("<li>%s (%s)</li>") % (c.name, c.stage_id.name)
                    for c in checkpoints
                ),
            )
        return self.message_post(body=body, subtype_xmlid="mail.mt_note")
