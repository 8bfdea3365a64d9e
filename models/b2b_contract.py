# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("negotiation", "Negotiation"),
    ("signed", "Signed"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class B2bContract(models.Model):
    """A contract with a customer: one contract has many sales orders."""

    _name = "b2b.contract"
    _description = "B2B Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_signed desc, id desc"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    title = fields.Char()
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange",
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", default=lambda self: self.env.user,
        index=True, track_visibility="onchange",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id
    )
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id,
    )
    amount = fields.Monetary(string="Value", track_visibility="onchange")
    state = fields.Selection(
        CONTRACT_STATES, default="draft", required=True, index=True,
        track_visibility="onchange",
    )
    date_signed = fields.Date(string="Signed on", index=True, track_visibility="onchange")
    date_start = fields.Date()
    date_end = fields.Date()
    sale_order_ids = fields.One2many("sale.order", "b2b_contract_id", string="Orders")

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = (
                self.env["ir.sequence"].sudo().next_by_code("b2b.contract") or "/"
            )
        return super().create(vals)
