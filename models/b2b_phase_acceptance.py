# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phase's side of its acceptance: its minutes, the smart button, and
"Request Acceptance" drawing up the minutes with the milestone's tasks."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    acceptance_ids = fields.One2many(
        "b2b.acceptance", "phase_id", string="Acceptance Minutes"
    )
    acceptance_count = fields.Integer(
        string="Acceptance Minutes Count", compute="_compute_acceptance_count"
    )

    @api.depends("acceptance_ids")
    def _compute_acceptance_count(self):
        counts = dict(
            self.env["b2b.acceptance"]._read_group(
                [("phase_id", "in", self.ids)], ["phase_id"], ["__count"]
            )
        )
        for phase in self:
            phase.acceptance_count = counts.get(phase._origin, 0)

    def _acceptance_recipient(self):
        """Whom the minutes go to by default: the order's customer contact."""
        self.ensure_one()
        partner = self.order_id.partner_id
        if partner.user_ids.filtered(lambda user: user._is_internal()):
            return self.env["res.partner"]
        return partner

    def action_request_acceptance(self):
        """Draw up the acceptance minutes of the phase, its milestone's tasks
        as the items, and open them (the open draft minutes if any)."""
        self.ensure_one()
        if self.state not in ("in_progress", "to_accept"):
            raise UserError(
                self.env._(
                    "The phase %(phase)s is %(state)s: acceptance is requested "
                    "for a phase in progress or ready for acceptance.",
                    phase=self.name,
                    state=self._state_label(),
                )
            )
        acceptance = self.acceptance_ids.filtered(
            lambda minutes: minutes.state in ("draft", "sent")
        )[:1]
        if not acceptance:
            tasks = self.env["project.task"]
            if self.milestone_id:
                tasks = tasks.search(
                    [("milestone_id", "=", self.milestone_id.id)], order="id"
                )
            items = [
                {"name": task.name, "task_id": task.id, "sequence": index}
                for index, task in enumerate(tasks, start=1)
            ] or [{"name": self.name, "sequence": 1}]
            acceptance = self.env["b2b.acceptance"].create(
                {
                    "phase_id": self.id,
                    "recipient_id": self._acceptance_recipient().id,
                    "item_ids": [(0, 0, item) for item in items],
                }
            )
        return acceptance._get_records_action(name=self.env._("Acceptance Minutes"))

    def action_view_acceptances(self):
        self.ensure_one()
        return self.acceptance_ids._get_records_action(
            name=self.env._("Acceptance Minutes"),
            context={"default_phase_id": self.id},
        )
