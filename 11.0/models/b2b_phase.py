# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .b2b_delivery_mixin import CUSTOMER_DATE_DEPENDS

PHASE_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("to_accept", "To Accept"),
    ("accepted", "Accepted"),
]


class B2bPhase(models.Model):
    """A phase of the delivery project, accepted by the customer on its own."""

    _name = "b2b.phase"
    _description = "Delivery Phase"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "b2b.state.columns.mixin",
        "b2b.step.mixin",
    ]
    _order = "project_id, sequence, id"
    _step_fields = ("state",)
    _step_drop_actions = {
        "in_progress": "action_start",
        "to_accept": "action_to_accept",
    }

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, readonly=True
    )
    date_deadline = fields.Date(string="Deadline")
    date_deadline_customer = fields.Date(string="Customer Deadline")
    state = fields.Selection(
        PHASE_STATES, default="planned", required=True, readonly=True,
        copy=False, track_visibility="onchange",
    )


class B2bPhasePlanning(models.Model):
    """The planning side of a phase (delivery): customer date, tasks and
    progress, start and hand-over for acceptance."""

    _inherit = "b2b.phase"

    date_deadline_customer = fields.Date(
        compute="_compute_date_deadline_customer", store=True, readonly=True,
        help="The deadline the customer sees: the internal deadline plus the "
        "project's buffer, moved to a working day.",
    )
    state = fields.Selection(group_expand="_expand_states")
    task_ids = fields.One2many("project.task", "phase_id", string="Tasks")
    task_count = fields.Integer(compute="_compute_progress")
    task_done_count = fields.Integer(compute="_compute_progress")
    progress = fields.Float(
        compute="_compute_progress", help="Percent of the phase's tasks done."
    )

    @api.depends(*CUSTOMER_DATE_DEPENDS)
    def _compute_date_deadline_customer(self):
        self.env["project.project"]._assign_customer_dates(self)

    @api.depends("task_ids.stage_id")
    def _compute_progress(self):
        """Done tasks are those in a folded (closed) stage: one read_group."""
        totals, done = {}, {}
        if self.ids:
            groups = self.env["project.task"].read_group(
                [("phase_id", "in", self.ids)], ["phase_id", "stage_id"],
                ["phase_id", "stage_id"], lazy=False,
            )
            stage_ids = [g["stage_id"][0] for g in groups if g["stage_id"]]
            folded = set(
                self.env["project.task.type"].search(
                    [("id", "in", stage_ids), ("fold", "=", True)]
                ).ids
            )
            for group in groups:
                phase_id = group["phase_id"][0]
                totals[phase_id] = totals.get(phase_id, 0) + group["__count"]
                if group["stage_id"] and group["stage_id"][0] in folded:
                    done[phase_id] = done.get(phase_id, 0) + group["__count"]
        for phase in self:
            phase.task_count = totals.get(phase.id, 0)
            phase.task_done_count = done.get(phase.id, 0)
            phase.progress = (
                100.0 * phase.task_done_count / phase.task_count
                if phase.task_count else 0.0
            )

    @api.multi
    def action_start(self):
        """planned -> in progress. Refused while resources of the project are
        not ready (see ``action_start_anyway``)."""
        return self._start(allow_unready=False)

    @api.multi
    def action_start_anyway(self):
        """planned -> in progress even with resources not ready, which is
        logged with the missing resources."""
        return self._start(allow_unready=True)

    def _start(self, allow_unready):
        for phase in self:
            if phase.state != "planned":
                raise UserError(
                    _("Only a planned phase can start; %(phase)s is %(state)s.")
                    % {"phase": phase.name,
                       "state": phase._fields["state"].convert_to_export(
                           phase.state, phase)}
                )
            missing = phase.project_id.resource_line_ids.filtered(
                lambda r: not r.is_ready
            )
            if missing and not allow_unready:
                raise UserError(
                    _("Resources of the project %(project)s are not ready: "
                      "%(resources)s. Make them ready or start the phase anyway.")
                    % {"project": phase.project_id.name,
                       "resources": ", ".join(missing.mapped("name"))}
                )
            phase._step_write({"state": "in_progress"})
            if missing:
                phase.message_post(
                    body=_("Started while these resources were not ready: %s")
                    % ", ".join(missing.mapped("name"))
                )
        return True

    @api.multi
    def action_to_accept(self):
        """in progress -> to accept: the phase is delivered, the customer
        accepts it next."""
        for phase in self:
            if phase.state != "in_progress":
                raise UserError(
                    _("Only a phase in progress can be handed over for "
                      "acceptance; %(phase)s is %(state)s.")
                    % {"phase": phase.name,
                       "state": phase._fields["state"].convert_to_export(
                           phase.state, phase)}
                )
            phase._step_write({"state": "to_accept"})
        return True

    def _step_buttons(self):
        return _("Start, Ready for Acceptance; accepted only through accepted "
                 "acceptance minutes")
