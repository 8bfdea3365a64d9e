# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# What a customer-facing date depends on: the date agreed with the customer
# when there is one, else its internal date and the buffer of its project
# (tasks and phases).
CUSTOMER_DATE_DEPENDS = (
    "date_deadline_agreed",
    "date_deadline",
    "project_id.plan_date_start",
    "project_id.buffer_mode",
    "project_id.buffer_days",
    "project_id.buffer_percent",
    "project_id.resource_calendar_id",
)


class B2bDeliveryMixin(models.AbstractModel):
    """A record of a delivery project (resource, goal, question, team
    member, report): it belongs to the project and to its company, and
    follows the project's privacy (see security/delivery_security.xml)."""

    _name = "b2b.delivery.mixin"
    _description = "Record of a Delivery Project"

    project_id = fields.Many2one(
        "project.project", string="Project", required=True, ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, readonly=True
    )
