# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deal team on the opportunity."""

from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_deal_member_ids = fields.One2many(
        "b2b.deal.member", "lead_id", string="Deal Team"
    )

    def _b2b_deal_team_users(self):
        """The active internal users of the deal teams."""
        users = self.sudo().b2b_deal_member_ids.user_id
        return users.filtered(lambda user: user.active and not user.share)
