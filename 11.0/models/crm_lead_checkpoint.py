# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Exit checkpoints of the pipeline stages, held on every forward move."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from ..utils.arguments import check_integer_argument, check_text_argument

# Context key that lets ``crm.lead.force_stage`` pass the checkpoints. Its
# value must be this very object, which no RPC call can carry.
FORCE_STAGE_KEY = "b2b_force_stage"
_FORCE_STAGE = object()
# How many opportunities the refusal message lists before summing up.
MAX_LEADS_IN_MESSAGE = 20


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_checkpoint_tick_ids = fields.One2many(
        "b2b.checkpoint.tick", "lead_id", string="Manual Checkpoints"
    )
    b2b_checklist = fields.Html(
        string="Checklist", compute="_compute_b2b_checklist", sanitize=False,
        help="The exit checkpoints of the current stage, met or not.",
    )
    b2b_checklist_done = fields.Char(
        string="Checkpoints Met", compute="_compute_b2b_checklist"
    )

    def _compute_b2b_checklist(self):
        leads = self.filtered("id")
        checkpoints = self.env["b2b.checkpoint"].search(
            [("stage_id", "in", leads.mapped("stage_id").ids)]
        )
        met = checkpoints.sudo()._get_met_lead_ids(leads)
        for lead in self:
            items = checkpoints.filtered(
                lambda c, lead=lead: c.stage_id == lead.stage_id and c._applies_to(lead)
            )
            rows = []
            done = 0
            for checkpoint in items:
                is_met = lead.id in met.get(checkpoint.id, ())
                done += is_met
                rows.append(
                    '<li class="%s"><i class="fa %s"/> %s%s</li>' % (
                        "text-success" if is_met else (
                            "text-muted" if checkpoint.is_optional else "text-danger"),
                        "fa-check-square-o" if is_met else "fa-square-o",
                        html_escape(checkpoint.name),
                        " <em>(%s)</em>" % html_escape(_("optional"))
                        if checkpoint.is_optional else "",
                    )
                )
            lead.b2b_checklist = (
                '<ul class="list-unstyled">%s</ul>' % "".join(rows) if rows else
                "<p>%s</p>" % html_escape(_("This stage has no checkpoint."))
            )
            lead.b2b_checklist_done = "%s/%s" % (done, len(items))

    @api.model
    def create(self, vals):
        # A new opportunity (created, copied or imported) enters its stage
        # from the start of the pipeline: checked like a move from nowhere.
        with self.env.cr.savepoint():
            lead = super().create(vals)
            if self.env.context.get(FORCE_STAGE_KEY) is not _FORCE_STAGE:
                if lead.stage_id:
                    lead._check_stage_move(lead.stage_id.id, from_start=True)
                lead._check_win({"probability": lead.probability}, is_new=True)
        return lead

    @api.multi
    def copy(self, default=None):
        # A copy starts the pipeline again: its facts (touchpoints,
        # stakeholders, ticks, contracts) are not copied. A stage given in
        # ``default`` is checked by ``create``.
        self.ensure_one()
        default = dict(default or {})
        if "stage_id" not in default:
            stage = self._stage_find(
                team_id=self.team_id.id, domain=[("fold", "=", False)]
            )
            default["stage_id"] = stage.id
            if "probability" not in default:
                default["probability"] = stage.probability if stage else 0.0
        return super().copy(default)

    @api.multi
    def write(self, vals):
        bypassed = {}
        if self.env.context.get(FORCE_STAGE_KEY) is not _FORCE_STAGE:
            if vals.get("stage_id"):
                bypassed = self._check_stage_move(vals["stage_id"])
            self._check_win(vals)
        res = super().write(vals)
        for lead, checkpoints in bypassed.items():
            lead._post_checkpoint_note(
                _("Won with a signed contract; these checkpoints were not met:"),
                checkpoints,
            )
        return res

    @api.multi
    def _get_unmet_checkpoints(self, stage, from_start=False):
        """The required checkpoints each lead of ``self`` misses to move to
        ``stage``: ``{lead: b2b.checkpoint recordset}``, only for leads that
        move forward and miss something.

        Moving forward leaves the current stage and skips every stage between
        it and ``stage``: the exit checkpoints of all of them count. The
        order is that of ``stage``'s pipeline (the B2B one or the others): a
        lead coming from the other pipeline, a lead with no stage, or a new
        one (``from_start``) enters it at ``stage`` and needs the checkpoints
        of every stage before. The cost does not grow with the number of
        leads.
        """
        stages = self.env["crm.stage"].sudo().search(
            [("b2b_pipeline", "=", stage.b2b_pipeline)]
        )
        position = {s.id: index for index, s in enumerate(stages)}
        target = position.get(stage.id)
        passed = {}
        for lead in self:
            current = self.env["crm.stage"] if from_start else lead.stage_id
            if current == stage:
                continue
            start = position.get(current.id, 0) if current else 0
            if target is None or start >= target:
                continue
            passed[lead] = stages.filtered(
                lambda s, lead=lead, start=start: start <= position[s.id] < target
                and (s == lead.stage_id or not s.team_id or s.team_id == lead.team_id)
            )
        if not passed:
            return {}
        moving = self.browse([lead.id for lead in passed])
        all_stages = self.env["crm.stage"].browse()
        for lead_stages in passed.values():
            all_stages |= lead_stages
        checkpoints = self.env["b2b.checkpoint"].sudo().search(
            [("stage_id", "in", all_stages.ids), ("is_optional", "=", False)]
        )
        met = checkpoints._get_met_lead_ids(moving)
        unmet = {}
        for lead, lead_stages in passed.items():
            missing = checkpoints.filtered(
                lambda c, lead=lead, lead_stages=lead_stages: c.stage_id in lead_stages
                and c._applies_to(lead) and lead.id not in met[c.id]
            )
            if missing:
                unmet[lead] = missing
        return unmet

    @api.multi
    def _check_stage_move(self, stage_id, from_start=False):
        """Refuse a forward move past unmet checkpoints (every user).

        A lead won with a signed contract passes: the signature outranks the
        earlier steps; the skipped checkpoints are returned to be logged.
        """
        stage = self.env["crm.stage"].sudo().browse(stage_id)
        unmet = self._get_unmet_checkpoints(stage, from_start=from_start)
        if not unmet:
            return {}
        bypassed = {}
        if stage.on_change and stage.probability >= 100:
            signed = self.env["b2b.checkpoint"]._get_signed_contract_lead_ids(
                self.browse([lead.id for lead in unmet])
            )
            bypassed = {lead: cps for lead, cps in unmet.items() if lead.id in signed}
            unmet = {lead: cps for lead, cps in unmet.items() if lead.id not in signed}
        if unmet:
            raise UserError(self._format_unmet_message(stage, unmet))
        return bypassed

    @api.multi
    def _check_win(self, vals, is_new=False):
        """Refuse to win an opportunity of the B2B pipeline without a signed
        contract (every user, every road: "Mark Won", a won stage, the
        probability written to 100, including a stage-less win).
        A sales manager forces it with a reason (``force_stage``)."""
        probability, stage = self._b2b_written_probability(vals)
        if probability is None or probability < 100:
            return True
        # Only the B2B pipeline holds a win to its contract: the teams that
        # keep their own stages win as they always did.
        winning = self.filtered(
            lambda lead: (is_new or lead.probability < 100) and (
                (stage or lead.stage_id).b2b_pipeline
                or lead.team_id.b2b_use_pipeline
            )
        )
        if not winning:
            return True
        unsigned = winning._b2b_without_signed_contract()
        if unsigned:
            raise UserError(
                _("The opportunity \"%s\" cannot be won: it has no signed "
                  "contract. Sign its contract, or ask a sales manager to force "
                  "the won stage with a reason.") % unsigned[0].name
            )
        return True

    def _b2b_written_probability(self, vals):
        """The probability ``vals`` gives the leads (written, else the new
        stage's, which Odoo writes with it; None if neither) and the new
        stage."""
        probability = vals.get("probability")
        stage = self.env["crm.stage"].sudo().browse(vals.get("stage_id") or [])
        if probability is None and stage.on_change:
            probability = stage.probability
        return probability, stage

    def _b2b_without_signed_contract(self):
        """The leads of ``self`` that have no signed contract."""
        signed = self.env["b2b.checkpoint"]._get_signed_contract_lead_ids(self)
        return self.filtered(lambda lead: lead.id not in signed)

    @api.model
    def _format_unmet_message(self, stage, unmet):
        lines = [
            _("These opportunities cannot move to \"%s\": checkpoints are not met.")
            % stage.name
        ]
        leads = sorted(unmet, key=lambda lead: lead.id)
        for lead in leads[:MAX_LEADS_IN_MESSAGE]:
            lines.append("")
            lines.append("%s:" % lead.name)
            for checkpoint in unmet[lead]:
                lines.append(
                    "  - %s (%s): %s" % (checkpoint.name, checkpoint.stage_id.name,
                                         checkpoint._get_how_to_meet())
                )
        if len(leads) > MAX_LEADS_IN_MESSAGE:
            lines.append("")
            lines.append(
                _("... and %s more opportunities.")
                % (len(leads) - MAX_LEADS_IN_MESSAGE)
            )
        lines.append("")
        lines.append(
            _("Complete them, or ask a sales manager to force the move with a "
              "reason.")
        )
        return "\n".join(lines)

    def _post_checkpoint_note(self, intro, checkpoints, reason=None):
        self.ensure_one()
        body = "<p>%s</p>" % html_escape(intro)
        if reason:
            body += "<p><strong>%s</strong> %s</p>" % (
                html_escape(_("Reason:")), html_escape(reason))
        if checkpoints:
            body += "<ul>%s</ul>" % "".join(
                "<li>%s (%s)</li>" % (html_escape(c.name), html_escape(c.stage_id.name))
                for c in checkpoints
            )
        self.message_post(body=body, subtype="mail.mt_note")

    @api.multi
    def force_stage(self, stage_id, reason):
        """Move the leads to ``stage_id`` even with unmet checkpoints.

        Sales managers only, with a reason; logged in each lead's chatter
        with the checkpoints that were skipped. Returns True.
        """
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(
                _("Only a sales manager can force an opportunity past its "
                  "checkpoints.")
            )
        reason = check_text_argument(self, reason or "", _("The reason"))
        if not reason:
            raise UserError(_("Give the reason for forcing the stage."))
        stage_id = check_integer_argument(
            self, stage_id, _("The stage"), 1, 2 ** 31 - 1)
        stage = self.env["crm.stage"].browse(stage_id).exists()
        if not stage:
            raise UserError(_("The stage to move to does not exist."))
        unmet = self._get_unmet_checkpoints(stage)
        self.with_context(**{FORCE_STAGE_KEY: _FORCE_STAGE}).write(
            {"stage_id": stage.id}
        )
        for lead in self:
            lead._post_checkpoint_note(
                _("Stage forced to \"%(stage)s\" by %(user)s.") % {
                    "stage": stage.name, "user": self.env.user.name},
                unmet.get(lead),
                reason=reason,
            )
        return True

    @api.model
    def _create_at_follow_up_stage(self, vals, stage):
        """Create a follow-up opportunity of an existing customer at
        ``stage``, the stage the addon chose for follow-ups of its team
        (``crm.stage._get_follow_up_stage``, found by the caller): the new
        customer's checkpoints before it do not apply. Without a stage, a
        plain creation. The returned record carries no pass."""
        if not stage:
            return self.create(vals)
        lead = self.with_context(**{FORCE_STAGE_KEY: _FORCE_STAGE}).create(
            dict(vals, stage_id=stage.id)
        )
        return self.browse(lead.id)

    @api.multi
    def action_force_stage(self):
        self.ensure_one()
        return {
            "name": _("Force Stage"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.stage.force.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_ids": [(6, 0, self.ids)]},
        }
