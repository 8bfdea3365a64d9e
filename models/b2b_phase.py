# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

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
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, sequence, id"

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, readonly=True
    )
    date_deadline = fields.Date(string="Deadline")
    date_deadline_customer = fields.Date(string="Customer Deadline")
    state = fields.Selection(
        PHASE_STATES, default="planned", required=True, track_visibility="onchange"
    )
