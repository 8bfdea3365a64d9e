# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The follow-up opportunity keeps the buying committee of the order's
opportunity: the same people, roles, influence, attitude, goals and expected
benefits, copied so that each opportunity's committee lives on its own."""

from odoo import Command, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    def _prepare_upsell_lead_values(self):
        values = super()._prepare_upsell_lead_values()
        opportunity = self.sudo()._get_delivery_order().opportunity_id
        members = opportunity.stakeholder_ids
        if members:
            values["stakeholder_ids"] = [
                Command.create(data)
                for data in members.copy_data()
            ]
        return values
