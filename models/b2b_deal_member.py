# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The seller's own people on a deal ("Nhân sự tham gia"): beside the
salesperson, the presales consultant, the technical lead, the manager...
each with a role on the opportunity. They see the opportunity, their calls
and meetings count in their own indicators, and they join the delivery
project's team when the project is created from the opportunity's order."""

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

DEAL_ROLES = [
    ("presales", "Presales Consultant"),
    ("technical_lead", "Technical Lead"),
    ("manager", "Manager"),
    ("expert", "Domain Expert"),
    ("other", "Other"),
]


class B2bDealMember(models.Model):
    """A person of the seller working on an opportunity, with a role."""

    _name = "b2b.deal.member"
    _description = "Deal Team Member"
    _order = "lead_id, sequence, id"
    _rec_name = "user_id"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
        string="Member",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
    )
    role = fields.Selection(DEAL_ROLES, required=True, default="presales")
    note = fields.Text()
    company_id = fields.Many2one(
        related="lead_id.company_id", string="Company", store=True, index=True
    )

    _lead_user_unique = models.Constraint(
        "UNIQUE(lead_id, user_id)", "A person appears once in the deal team of an opportunity."
    )

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members._grant_deal_access()
        return members

    def write(self, vals):
        result = super().write(vals)
        if "user_id" in vals:
            self._grant_deal_access()
        return result

    def _grant_deal_access(self):
        """The members join the deal members' group, whose rule opens them
        the opportunities of their deal teams (and only those)."""
        group = self.env.ref("b2b_sales_delivery.group_b2b_deal_member")
        users = self.sudo().user_id.filtered(lambda user: group not in user.group_ids)
        if users:
            users.write({"group_ids": [Command.link(group.id)]})

    @api.constrains("user_id")
    def _check_internal_user(self):
        for member in self:
            if member.user_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not an employee: only the seller's own people "
                        "are in a deal team.",
                        user=member.user_id.name,
                    )
                )
