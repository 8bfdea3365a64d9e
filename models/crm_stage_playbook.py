# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The stage's playbook: a stage of the pipeline may carry an activity plan
(Odoo's ``mail.activity.plan``); when an opportunity enters the stage, on
any road (created in it, moved by the status bar, the kanban, an import,
RPC, the manager's forced move, a team or type change that moves it), the
plan's activities are scheduled on it for its salesperson.

Once per opportunity and stage: the stages whose playbook was launched are
kept on the opportunity, so an opportunity that goes back and returns to a
stage does not get the same activities again."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate, code_translations

from ..utils.steps import StepFacts, with_step

_lt = LazyTranslate(__name__)

PLAYBOOK_STEP_KEY = "b2b_playbook_step"
# The words of the playbooks the addon ships (data/b2b_stage_playbook_data.xml).
# Odoo's activity plans keep a name and summaries in one language; these are
# said in the language of the user who reads them when they are scheduled
# (the activity's responsible, the chatter's note), and words a company typed
# itself are kept as typed.
PLAYBOOK_WORDS = {
    term._source: term
    for term in (
        _lt("Playbook: Contact"),
        _lt("Call the contact and log the outcome"),
        _lt("Find out who is who at the customer"),
        _lt("Playbook: Email Sent"),
        _lt("Send the presentation email from the chatter"),
        _lt("Call to propose a meeting"),
        _lt("Playbook: Meeting Booked"),
        _lt("Schedule the meeting in the calendar"),
        _lt("Prepare the demo for the customer"),
        _lt("Playbook: Meeting & Demo"),
        _lt("Send the meeting notes to the buying committee"),
        _lt("Draft the cooperation proposal"),
        _lt("Playbook: Nurture & Trial"),
        _lt("Check in on the trial with the users"),
        _lt("Playbook: Closing"),
        _lt("Agree the terms with the decision maker"),
        _lt("Playbook: Quotation Sent"),
        _lt("Follow up on the quotation"),
        _lt("Playbook: Contract"),
        _lt("Have the contract signed"),
        _lt("Create the delivery project from the order"),
    )
}


def playbook_word(env, text, lang=None):
    """``text`` of a playbook in ``lang`` (the environment's by default) when
    it is one of the addon's own words, else as typed."""
    lang = lang or env.lang or "en_US"
    if text not in PLAYBOOK_WORDS or lang == "en_US":
        return text
    return code_translations.get_python_translations("b2b_sales_delivery", lang).get(text, text)


# The fields whose change may bring an opportunity into a stage.
ENTRY_FIELDS = {"stage_id", "team_id", "type", "active"}


class CrmStage(models.Model):
    _inherit = "crm.stage"

    b2b_activity_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Playbook",
        domain="[('res_model', '=', 'crm.lead')]",
        ondelete="set null",
        help="The activities scheduled on an opportunity when it enters this "
        "stage, once, for its salesperson.",
    )


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "b2b.step.mixin"]

    b2b_playbook_stage_ids = fields.Many2many(
        "crm.stage",
        "b2b_crm_lead_playbook_stage_rel",
        "lead_id",
        "stage_id",
        string="Playbooks Launched",
        copy=False,
        readonly=True,
        help="The stages whose playbook was scheduled on this opportunity: "
        "each only once.",
    )

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(PLAYBOOK_STEP_KEY, ("b2b_playbook_stage_ids",), "_playbook_refusal")
        ]

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._launch_stage_playbooks()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if ENTRY_FIELDS & set(vals):
            self._launch_stage_playbooks()
        return res

    def _playbook_refusal(self):
        return self.env._(
            "The playbooks launched on an opportunity are recorded by its stage "
            "moves only."
        )

    def _launch_stage_playbooks(self):
        """Schedule the playbook of their stage on the opportunities that
        have not had it yet, in one batch per stage. Returns the
        opportunities it was launched on."""
        todo = self.filtered(
            lambda lead: lead.active
            and lead.type == "opportunity"
            and lead.stage_id.b2b_activity_plan_id.sudo().template_ids
            and lead.stage_id not in lead.b2b_playbook_stage_ids
        )
        for stage, leads in todo.grouped("stage_id").items():
            with_step(leads, PLAYBOOK_STEP_KEY).write(
                {"b2b_playbook_stage_ids": [fields.Command.link(stage.id)]}
            )
            leads._schedule_playbook(stage.b2b_activity_plan_id.sudo(), stage)
        return todo

    def _schedule_playbook(self, plan, stage):
        """The activities of ``plan`` on these opportunities, due from today,
        for the template's own responsible or else the salesperson (the
        user who moved it when nobody owns it); a note in each chatter lists
        them, as Odoo's "Launch plan" does."""
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        bodies = {}
        for lead in self:
            owner = lead.user_id or self.env.user
            lines = []
            for template in plan.template_ids:
                responsible = (
                    template._determine_responsible(owner, lead)["responsible"] or owner
                )
                deadline = template._get_date_deadline(today)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": lead.id,
                        "activity_type_id": template.activity_type_id.id,
                        "summary": playbook_word(self.env, template.summary, responsible.sudo().lang),
                        "note": template.note,
                        "user_id": responsible.id,
                        "date_deadline": deadline,
                        "automated": False,
                    }
                )
                lines.append(
                    self.env._(
                        "%(activity)s, assigned to %(name)s, due on %(deadline)s",
                        activity=playbook_word(self.env, template.summary)
                        or template.activity_type_id.name,
                        name=responsible.name,
                        deadline=format_date(self.env, deadline),
                    )
                )
            bodies[lead.id] = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    'The playbook "%(plan)s" of the stage %(stage)s has been started.',
                    plan=playbook_word(self.env, plan.name),
                    stage=stage.name,
                ),
                Markup("").join(Markup("<li>%s</li>") % line for line in lines),
            )
        self.env["mail.activity"].create(vals_list)
        self._message_log_batch(bodies)
