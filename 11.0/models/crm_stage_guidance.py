# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What to do in each stage of the pipeline, and when an opportunity left in
it is stale."""
from odoo import fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    b2b_guidance = fields.Text(
        string="Guidance", translate=True,
        help="What to do in this stage, shown on the opportunities in it.",
    )
    b2b_stale_days = fields.Integer(
        string="Stale after (days)", default=0,
        help="An opportunity left in this stage longer than this many days is "
        "flagged as stale and its salesperson gets an activity. 0: never.",
    )

    _sql_constraints = [
        ("b2b_stale_days_positive", "CHECK(b2b_stale_days >= 0)",
         "The number of days after which an opportunity is stale cannot be "
         "negative."),
    ]
