# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

DATA_SOURCES = [
    ("paid", "Paid data"),
    ("free", "Free data"),
    ("relationship", "Relationship"),
]
# Context key that lets ``crm.lead.force_stage`` pass the checkpoints. Its
# value must be this very object, which no RPC call can carry.
FORCE_STAGE_KEY = "b2b_force_stage"
_FORCE_STAGE = object()
# How many opportunities the refusal message lists before summing up.
MAX_LEADS_IN_MESSAGE = 20


class CrmLead(models.Model):
    _inherit = "crm.lead"

    touchpoint_ids = fields.One2many("b2b.touchpoint", "lead_id", string="Touchpoints")
    b2b_contract_ids = fields.One2many("b2b.contract", "lead_id", string="Contracts")
    risk_ids = fields.One2many("b2b.risk", "lead_id", string="Risks")
    b2b_data_source = fields.Selection(
        DATA_SOURCES,
        string="Data Source",
        index=True,
        track_visibility="onchange",
        help="Where the contact data came from: bought, found for free, or "
        "through a relationship.",
    )
    stakeholder_ids = fields.One2many(
        "b2b.stakeholder", "lead_id", string="Buying Committee"
    )
    b2b_role_covered_ids = fields.Many2many(
        "b2b.stakeholder.role",
        string="Key Roles Covered",
        compute="_compute_b2b_role_coverage",
    )
    b2b_role_missing_ids = fields.Many2many(
        "b2b.stakeholder.role",
        string="Key Roles Missing",
        compute="_compute_b2b_role_coverage",
    )
    b2b_role_coverage = fields.Char(
        string="Committee Coverage",
        compute="_compute_b2b_role_coverage",
        help="Key roles covered by the buying committee, out of all key roles.",
    )
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
    b2b_touchpoint_count = fields.Integer(
        string="Touchpoint Count", compute="_compute_b2b_counts"
    )
    b2b_risk_count = fields.Integer(string="Risk Count", compute="_compute_b2b_counts")

    @api.depends("stakeholder_ids.role_ids")
    def _compute_b2b_role_coverage(self):
        key_roles = self.env["b2b.stakeholder.role"].search([("is_key", "=", True)])
        for lead in self:
            covered = key_roles & lead.stakeholder_ids.mapped("role_ids")
            lead.b2b_role_covered_ids = covered
            lead.b2b_role_missing_ids = key_roles - covered
            lead.b2b_role_coverage = "%s/%s" % (len(covered), len(key_roles))

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

    def _compute_b2b_counts(self):
        counts = {}
        for model, key in (("b2b.touchpoint", "touchpoint"), ("b2b.risk", "risk")):
            groups = self.env[model].read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["lead_id"]
            )
            counts[key] = {g["lead_id"][0]: g["lead_id_count"] for g in groups}
        for lead in self:
            lead.b2b_touchpoint_count = counts["touchpoint"].get(lead.id, 0)
            lead.b2b_risk_count = counts["risk"].get(lead.id, 0)

    @api.multi
    def write(self, vals):
        bypassed = {}
        if vals.get("stage_id") and (
            self.env.context.get(FORCE_STAGE_KEY) is not _FORCE_STAGE
        ):
            bypassed = self._check_stage_move(vals["stage_id"])
        res = super().write(vals)
        for lead, checkpoints in bypassed.items():
            lead._post_checkpoint_note(
                _("Won with a signed contract; these checkpoints were not met:"),
                checkpoints,
            )
        return res

    def _message_post_after_hook(self, message):
        """An email sent from the chatter counts as an email touchpoint."""
        res = super()._message_post_after_hook(message)
        if self._is_outgoing_email(message):
            self.env["b2b.touchpoint"].sudo().create(
                self._prepare_email_touchpoint_values(message)
            )
        return res

    def _is_outgoing_email(self, message):
        return (
            message.message_type != "email"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and self.env.user.has_group("base.group_user")
        )

    def _prepare_email_touchpoint_values(self, message):
        self.ensure_one()
        return {
            "lead_id": self.id,
            "kind": "email",
            "date": message.date or fields.Datetime.now(),
            "user_id": self.env.uid,
            "name": message.subject or self.name,
            "mail_message_id": message.id,
            "company_id": (self.company_id or self.env.user.company_id).id,
        }

    # ------------------------------------------------------------ checkpoints
    @api.multi
    def _get_unmet_checkpoints(self, stage):
        """The required checkpoints each lead of ``self`` misses to move to
        ``stage``: ``{lead: b2b.checkpoint recordset}``, only for leads that
        move forward and miss something.

        Moving forward leaves the current stage and skips every stage between
        it and ``stage``: the exit checkpoints of all of them count. The cost
        does not grow with the number of leads.
        """
        stages = self.env["crm.stage"].sudo().search([])
        position = {s.id: index for index, s in enumerate(stages)}
        target = position.get(stage.id)
        passed = {}
        for lead in self:
            current = lead.stage_id
            if not current or position.get(current.id, target) >= target:
                continue
            start = position[current.id]
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
    def _check_stage_move(self, stage_id):
        """Refuse a forward move past unmet checkpoints (every user).

        A lead won with a signed contract passes: the signature outranks the
        earlier steps; the skipped checkpoints are returned to be logged.
        """
        stage = self.env["crm.stage"].sudo().browse(stage_id)
        unmet = self._get_unmet_checkpoints(stage)
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
                    "  - %s (%s)" % (checkpoint.name, checkpoint.stage_id.name)
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
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason for forcing the stage."))
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

    # ---------------------------------------------------------------- actions
    @api.multi
    def action_log_call(self):
        self.ensure_one()
        return {
            "name": _("Log a Call"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.log.call.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id,
                        "default_partner_id": self.partner_id.id},
        }

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

    @api.multi
    def action_add_stakeholder_contact(self):
        self.ensure_one()
        return {
            "name": _("Add a Contact to the Committee"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.stakeholder.contact.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    @api.multi
    def action_view_touchpoints(self):
        self.ensure_one()
        action = self.env.ref("b2b_sales_delivery.b2b_touchpoint_action").read()[0]
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action

    @api.multi
    def action_view_risks(self):
        self.ensure_one()
        action = self.env.ref("b2b_sales_delivery.b2b_risk_action").read()[0]
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id}
        return action

    # --- Proposals and contracts (scope feature) ---------------------------
    b2b_proposal_count = fields.Integer(
        string="Proposals", compute="_compute_b2b_proposal_count",
        help="Quotations of the opportunity sent to the customer: the "
        "cooperation proposals.",
    )
    b2b_contract_count = fields.Integer(
        string="Contract Count", compute="_compute_b2b_contract_count"
    )

    def _compute_b2b_proposal_count(self):
        data = self.env["sale.order"].read_group(
            [("opportunity_id", "in", self.ids), ("b2b_date_proposal", "!=", False)],
            ["opportunity_id"], ["opportunity_id"],
        )
        counts = {d["opportunity_id"][0]: d["opportunity_id_count"] for d in data}
        for lead in self:
            lead.b2b_proposal_count = counts.get(lead.id, 0)

    def _compute_b2b_contract_count(self):
        data = self.env["b2b.contract"].read_group(
            [("lead_id", "in", self.ids)], ["lead_id"], ["lead_id"]
        )
        counts = {d["lead_id"][0]: d["lead_id_count"] for d in data}
        for lead in self:
            lead.b2b_contract_count = counts.get(lead.id, 0)

    @api.multi
    def action_view_b2b_proposals(self):
        action = self.env.ref("sale.action_quotations").read()[0]
        action["domain"] = [
            ("opportunity_id", "in", self.ids), ("b2b_date_proposal", "!=", False)
        ]
        action["context"] = {}
        return action

    @api.multi
    def action_view_b2b_contracts(self):
        action = self.env.ref("b2b_sales_delivery.b2b_contract_action").read()[0]
        action["domain"] = [("lead_id", "in", self.ids)]
        action["context"] = {
            "default_lead_id": self[:1].id,
            "default_partner_id": self[:1].partner_id.commercial_partner_id.id,
            "default_user_id": self[:1].user_id.id or self.env.uid,
            "default_team_id": self[:1].team_id.id,
        }
        return action

    # --- Follow-up orders heard during delivery (delivery feature) ----------
    b2b_origin_project_id = fields.Many2one(
        "project.project", string="Follow-up of Project", index=True,
        ondelete="set null", copy=False,
        help="The delivery project during which this follow-up order was heard.",
    )
    b2b_origin_contract_id = fields.Many2one(
        "b2b.contract", string="Follow-up of Contract", index=True,
        ondelete="set null", copy=False,
    )
