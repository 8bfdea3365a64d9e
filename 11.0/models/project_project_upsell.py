# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up opportunities heard during the delivery."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ProjectProject(models.Model):
    _inherit = "project.project"

    upsell_lead_ids = fields.One2many(
        "crm.lead", "b2b_origin_project_id", string="Follow-up Opportunities"
    )
    upsell_lead_count = fields.Integer(compute="_compute_upsell_lead_count")
    upsell_order_count = fields.Integer(
        string="Follow-up Orders", compute="_compute_upsell_lead_count",
        help="Orders won from the follow-up opportunities of this project.",
    )

    def _compute_upsell_lead_count(self):
        """Follow-up opportunities and the orders won from them (the 2nd,
        3rd, 4th orders), traced to the delivery: counts only, as the
        delivery team may have no CRM or sales rights."""
        leads, orders = {}, {}
        if self.ids:
            leads = self.sudo()._count_by_project(
                "crm.lead", [], field="b2b_origin_project_id"
            )
            # One query for the orders, through their opportunity.
            self.env.cr.execute(
                """
                SELECT lead.b2b_origin_project_id, count(*)
                  FROM sale_order so
                  JOIN crm_lead lead ON lead.id = so.opportunity_id
                 WHERE lead.b2b_origin_project_id IN %s
                   AND so.state != 'cancel'
                 GROUP BY lead.b2b_origin_project_id
                """,
                (tuple(self.ids),),
            )
            orders = dict(self.env.cr.fetchall())
        for project in self:
            project.upsell_lead_count = leads.get(project.id, 0)
            project.upsell_order_count = orders.get(project.id, 0)

    def _prepare_upsell_lead_values(self):
        self.ensure_one()
        # The delivery team may not read orders: take the salesperson anyway.
        order = self.sudo().sale_order_id
        stage = self.env["crm.stage"].sudo()._get_follow_up_stage(order.team_id)
        values = {
            "name": _("Follow-up of %s") % self.name,
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "user_id": (order.user_id or self.env.user).id,
            "team_id": order.team_id.id,
            "company_id": self.company_id.id,
            "b2b_origin_project_id": self.id,
            "b2b_origin_contract_id": order.b2b_contract_id.id,
            "description": _("Follow-up opportunity heard during the delivery "
                             "of %s.") % self.name,
            # The buying committee is known: the one of the first order.
            "stakeholder_ids": [
                (0, 0, member.copy_data({"lead_id": False})[0])
                for member in order.opportunity_id.stakeholder_ids
            ],
        }
        if stage:
            # An existing customer: not behind the new customer's first steps.
            values["stage_id"] = stage.id
        return values

    @api.multi
    def action_create_upsell(self):
        """Create a follow-up opportunity for the customer, linked to the
        project and its contract, for the salesperson of the order."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(_("The project %s has no customer.") % self.name)
        # The project team may lack CRM rights: the opportunity is the
        # salesperson's, created for them.
        values = self._prepare_upsell_lead_values()
        # The values carry the follow-up stage found for the order's team.
        lead = self.env["crm.lead"].sudo()._create_at_follow_up_stage(
            values, self.env["crm.stage"].browse(values.get("stage_id"))
        )
        self._post_delivery_note(
            _("Follow-up opportunity created: %s") % lead.name
        )
        reader = lead.sudo(self.env.user)
        try:
            reader.check_access_rights("read")
            reader.check_access_rule("read")
        except AccessError:
            # The delivery team without CRM rights stays on the project: its
            # chatter and the follow-up counter show the new opportunity.
            return True
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
            "target": "current",
        }
