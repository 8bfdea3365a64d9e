# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's contracts, and the contract made from it."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_contract_ids = fields.One2many("b2b.contract", "lead_id", string="Contracts")
    b2b_contract_count = fields.Integer(
        string="Contract Count", compute="_compute_b2b_contract_count"
    )

    @api.depends("b2b_contract_ids")
    def _compute_b2b_contract_count(self):
        groups = self.env["b2b.contract"]._read_group(
            [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
        )
        counts = {lead.id: count for lead, count in groups}
        for lead in self:
            lead.b2b_contract_count = counts.get(lead._origin.id, 0)

    def _prepare_b2b_contract_values(self):
        """The new contract of the opportunity: its customer, salesperson,
        team and company, and its quotations sent or confirmed that no
        contract carries yet and that the user may change."""
        self.ensure_one()
        orders = self.order_ids._filtered_access("write").filtered(
            lambda order: not order.b2b_contract_id
            and order.state in ("sent", "sale")
            and order.company_id == self.company_id
        )
        return {
            "partner_id": self.partner_id.commercial_partner_id.id,
            "lead_id": self.id,
            "title": self.name,
            "user_id": (self.user_id or self.env.user).id,
            "team_id": self.team_id.id,
            "company_id": (self.company_id or self.env.company).id,
            "sale_order_ids": [fields.Command.link(order.id) for order in orders],
        }

    def create_b2b_contract(self):
        """Create the draft contract of the opportunity and return its id."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "Set the customer of the opportunity %(lead)s before making its "
                    "contract.",
                    lead=self.name,
                )
            )
        return self.env["b2b.contract"].create(self._prepare_b2b_contract_values()).id

    def action_create_b2b_contract(self):
        """The button: create the contract and open it."""
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.contract",
            "res_id": self.create_b2b_contract(),
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_b2b_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_contract_action"
        )
        action.update(
            domain=[("lead_id", "=", self.id)],
            context={
                "default_lead_id": self.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
                "default_team_id": self.team_id.id,
            },
        )
        return action
