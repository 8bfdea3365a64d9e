# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A phase of the delivery, planned on the quotation and carried into the
delivery project (the same record), where Odoo's milestone of the project
stands for it; accepted by the customer on its own."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils.steps import StepFacts, with_step
from .b2b_step_mixin import B2bStepMixin
from .project_project import CUSTOMER_DATE_DEPENDS

PHASE_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("to_accept", "To Accept"),
    ("accepted", "Accepted"),
]
# The state changes through the phase's own steps only: they write inside
# this step (utils.steps).
PHASE_STEP_KEY = "b2b_phase_step"
# What the phase keeps in step with its milestone: {phase field: milestone field}.
MILESTONE_FIELDS = {"name": "name", "date_deadline": "deadline", "sequence": "sequence"}


class B2bPhase(models.Model):
    _name = "b2b.phase"
    _description = "Delivery Phase"
    _inherit = ["mail.thread", "mail.activity.mixin", B2bStepMixin._name]
    _order = "order_id, project_id, sequence, id"

    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        index=True,
        ondelete="cascade",
        tracking=True,
        help="The order whose deal planned the phase.",
    )
    project_id = fields.Many2one(
        "project.project",
        string="Project",
        index=True,
        ondelete="cascade",
        tracking=True,
        help="Set when the order's delivery project is created.",
    )
    milestone_id = fields.Many2one(
        "project.milestone",
        string="Milestone",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The project's milestone standing for the phase, created with the "
        "delivery project and kept in step with the phase's name and deadline.",
    )
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        compute="_compute_company_id",
        store=True,
        index=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    date_deadline_customer = fields.Date(
        string="Customer Deadline",
        compute="_compute_date_deadline_customer",
        store=True,
        help="The deadline the customer sees: the internal deadline plus the "
        "project's buffer, moved to a working day.",
    )
    state = fields.Selection(
        PHASE_STATES,
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    _order_or_project = models.Constraint(
        "CHECK(order_id IS NOT NULL OR project_id IS NOT NULL)",
        "A phase belongs to an order or to a project.",
    )

    @api.depends("project_id.company_id", "order_id.company_id")
    def _compute_company_id(self):
        for phase in self:
            phase.company_id = phase.project_id.company_id or phase.order_id.company_id

    @api.depends("date_deadline", *CUSTOMER_DATE_DEPENDS)
    def _compute_date_deadline_customer(self):
        self.env["project.project"]._assign_customer_dates(self)

    @api.constrains("order_id", "project_id")
    def _check_order_id(self):
        for phase in self.sudo():
            project_order = phase.project_id._get_delivery_order()
            if project_order and phase.order_id != project_order:
                raise ValidationError(
                    self.env._(
                        "The phase %(phase)s belongs to the project of order "
                        "%(project_order)s: it cannot be a phase of %(order)s.",
                        phase=phase.name,
                        project_order=project_order.name,
                        order=phase.order_id.name or self.env._("no order"),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: the state only through the steps; the milestone in step
    # ------------------------------------------------------------------

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(PHASE_STEP_KEY, ("state",), "_state_refusal", initial={"state": "planned"})
        ]

    @api.model_create_multi
    def create(self, vals_list):
        Project = self.env["project.project"]
        Order = self.env["sale.order"]
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            # A phase added on the project belongs to the project's order; a
            # phase added on an order whose project exists goes to it.
            if vals.get("project_id") and not vals.get("order_id"):
                order = Project.browse(vals["project_id"]).sudo()._get_delivery_order()
                vals["order_id"] = order.id
            elif vals.get("order_id") and not vals.get("project_id"):
                project = Order.browse(vals["order_id"]).sudo().project_id
                vals["project_id"] = project.id
        phases = super().create(vals_list)
        phases._sync_milestones()
        return phases

    def write(self, vals):
        result = super().write(vals)
        if "project_id" in vals or set(MILESTONE_FIELDS) & set(vals):
            self._sync_milestones()
        return result

    def unlink(self):
        milestones = self.sudo().milestone_id
        result = super().unlink()
        milestones.unlink()
        return result

    def _state_refusal(self):
        return self.env._(
            "The state of a phase changes only through its steps: Start, Ready "
            "for Acceptance; a phase is accepted only through accepted "
            "acceptance minutes."
        )

    def _sync_milestones(self):
        """Create the milestone of each phase of a project, or keep it in step
        (name, deadline, sequence, project). The milestone follows the phase,
        whoever may write the phase: written as superuser."""
        Milestone = self.env["project.milestone"].sudo()
        for phase in self.sudo().with_context(b2b_phase_sync=True):
            if not phase.project_id:
                continue
            values = {
                milestone_field: phase[phase_field]
                for phase_field, milestone_field in MILESTONE_FIELDS.items()
            }
            values["project_id"] = phase.project_id.id
            milestone = phase.milestone_id
            if not milestone:
                phase.milestone_id = Milestone.create(values)
                continue
            changed = {
                name: value
                for name, value in values.items()
                if (milestone[name].id if name == "project_id" else milestone[name])
                != value
            }
            if changed:
                milestone.write(changed)
        return True

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    def _write_step(self, state):
        return with_step(self, PHASE_STEP_KEY).write({"state": state})

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def action_start(self):
        """planned -> in progress: the work of the phase has started."""
        for phase in self:
            if phase.state != "planned":
                raise UserError(
                    self.env._(
                        "Only a planned phase can start; %(phase)s is %(state)s.",
                        phase=phase.name,
                        state=phase._state_label(),
                    )
                )
            if not phase.project_id:
                raise UserError(
                    self.env._(
                        "The phase %(phase)s starts in the delivery project: "
                        "create the project of its order first.",
                        phase=phase.name,
                    )
                )
        self._write_step("in_progress")
        return True

    def action_to_accept(self):
        """in progress -> to accept: the phase is delivered, the customer
        accepts it next."""
        for phase in self:
            if phase.state != "in_progress":
                raise UserError(
                    self.env._(
                        "Only a phase in progress can be handed over for "
                        "acceptance; %(phase)s is %(state)s.",
                        phase=phase.name,
                        state=phase._state_label(),
                    )
                )
        self._write_step("to_accept")
        return True
