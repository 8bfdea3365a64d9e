# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .project_project_timeline import AGREED_DATES, check_agreed_dates


class B2bPhase(models.Model):
    """A phase delivering a milestone of the customer's timeline: the date
    of the milestone is the phase's customer date, and its internal deadline
    is derived earlier by the project's buffer."""

    _inherit = "b2b.phase"

    timeline_item_id = fields.Many2one(
        "b2b.scope.item", string="Timeline Milestone", index=True,
        ondelete="set null", domain="[('category', '=', 'timeline')]",
        help="The milestone of the scope's timeline this phase delivers: its "
        "date, agreed with the customer, is the phase's customer deadline.",
    )
    date_deadline_agreed = fields.Date(
        string="Date Agreed with the Customer", readonly=True, copy=False,
        help="The date of the timeline milestone: the customer deadline of "
        "the phase. The internal deadline is derived earlier by the "
        "project's buffer.",
    )

    @api.constrains("timeline_item_id", "project_id")
    def _check_timeline_item(self):
        for phase in self.filtered("timeline_item_id"):
            item = phase.timeline_item_id
            if item.category != "timeline":
                raise ValidationError(
                    _("The scope item %s is not a milestone of the timeline.")
                    % item.name
                )
            if item.order_id != phase._get_order():
                raise ValidationError(
                    _("The timeline milestone %(item)s belongs to another order "
                      "than the phase %(phase)s.")
                    % {"item": item.name, "phase": phase.name}
                )

    @api.model
    def create(self, vals):
        check_agreed_dates(self, vals)
        phase = super().create(vals)
        if phase.timeline_item_id:
            phase._pin_agreed_date()
        return phase

    @api.multi
    def write(self, vals):
        check_agreed_dates(self, vals)
        result = super().write(vals)
        if {"timeline_item_id", "project_id"} & set(vals):
            self._pin_agreed_date()
        return result

    def _get_order(self):
        """The order the phase is planned for."""
        self.ensure_one()
        order = self.project_id.sale_order_id
        if not order and "order_id" in self._fields:
            order = self.order_id
        return order

    def _pin_agreed_date(self):
        """Take the date of the timeline milestone as agreed date and derive
        the internal deadline from it."""
        for phase in self.sudo().with_context(b2b_agreed_dates=AGREED_DATES):
            agreed = phase.timeline_item_id.date_deadline or False
            vals = {"date_deadline_agreed": agreed}
            if agreed:
                vals["date_deadline"] = phase.project_id._internal_dates(
                    [agreed]
                )[agreed]
            if agreed or phase.date_deadline_agreed:
                phase.write(vals)
        return True
