# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.b2b_stakeholder import ATTITUDES, INFLUENCE_LEVELS


class B2bStakeholderContactWizard(models.TransientModel):
    """Create a contact of the customer and seat them in the committee."""

    _name = "b2b.stakeholder.contact.wizard"
    _description = "Add a Contact to the Buying Committee"

    lead_id = fields.Many2one("crm.lead", string="Opportunity", required=True)
    name = fields.Char(required=True)
    function = fields.Char(string="Job Position")
    email = fields.Char()
    phone = fields.Char()
    mobile = fields.Char()
    role_ids = fields.Many2many("b2b.stakeholder.role", string="Roles")
    influence = fields.Selection(INFLUENCE_LEVELS, default="medium", required=True)
    attitude = fields.Selection(ATTITUDES, default="neutral", required=True)

    @api.multi
    def action_add(self):
        """Create the contact (under the customer's company) and the
        committee member."""
        self.ensure_one()
        partner = self.env["res.partner"].create(self._prepare_partner_values())
        stakeholder = self.env["b2b.stakeholder"].create({
            "lead_id": self.lead_id.id,
            "partner_id": partner.id,
            "role_ids": [(6, 0, self.role_ids.ids)],
            "influence": self.influence,
            "attitude": self.attitude,
        })
        return {"type": "ir.actions.act_window_close", "res_id": stakeholder.id}

    def _prepare_partner_values(self):
        self.ensure_one()
        company = self.lead_id.partner_id.commercial_partner_id
        return {
            "name": self.name,
            "function": self.function,
            "email": self.email,
            "phone": self.phone,
            "mobile": self.mobile,
            "parent_id": company.id if company.is_company else False,
            "type": "contact",
        }
