# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up opportunities (orders 2, 3, 4) heard during a delivery, linked
back to its project."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_source_project_id = fields.Many2one(
        "project.project",
        string="Follow-up of Project",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        tracking=True,
        help="The delivery project during which this follow-up opportunity was heard.",
    )

    @api.constrains("b2b_source_project_id", "partner_id")
    def _check_b2b_source_project_id(self):
        for lead in self.sudo().filtered("b2b_source_project_id"):
            project = lead.b2b_source_project_id
            customer = project.partner_id.commercial_partner_id
            if customer != lead.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The follow-up opportunity %(lead)s is for the customer of "
                        "its project %(project)s: %(customer)s.",
                        lead=lead.name,
                        project=project.name,
                        customer=customer.name or self.env._("no customer"),
                    )
                )
