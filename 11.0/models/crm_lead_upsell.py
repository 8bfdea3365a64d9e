# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up opportunities heard during a delivery, traced to it."""
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_origin_project_id = fields.Many2one(
        "project.project", string="Follow-up of Project", index=True,
        ondelete="set null", copy=False,
        help="The delivery project during which this follow-up order was heard.",
    )
    b2b_origin_contract_id = fields.Many2one(
        "b2b.contract", string="Follow-up of Contract", index=True,
        ondelete="set null", copy=False,
    )
