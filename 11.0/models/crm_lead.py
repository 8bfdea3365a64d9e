# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's data source, buying committee, touchpoints and risks."""
from odoo import _, api, fields, models

DATA_SOURCES = [
    ("paid", "Paid data"),
    ("free", "Free data"),
    ("relationship", "Relationship"),
]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    touchpoint_ids = fields.One2many("b2b.touchpoint", "lead_id", string="Touchpoints")
    risk_ids = fields.One2many("b2b.risk", "lead_id", string="Risks")
    b2b_data_source = fields.Selection(
        DATA_SOURCES,
        string="Data Source",
        index=True,
        track_visibility="onchange",
        help="Where the contact data came from: bought, found for free, or "
        "through a relationship.",
    )
    stakeholder_ids = fields.One2many(
        "b2b.stakeholder", "lead_id", string="Buying Committee"
    )
    b2b_role_covered_ids = fields.Many2many(
        "b2b.stakeholder.role",
        string="Key Roles Covered",
        compute="_compute_b2b_role_coverage",
    )
    b2b_role_missing_ids = fields.Many2many(
        "b2b.stakeholder.role",
        string="Key Roles Missing",
        compute="_compute_b2b_role_coverage",
    )
    b2b_role_coverage = fields.Char(
        string="Committee Coverage",
        compute="_compute_b2b_role_coverage",
        help="Key roles covered by the buying committee, out of all key roles.",
    )
    b2b_touchpoint_count = fields.Integer(
        string="Touchpoint Count", compute="_compute_b2b_counts"
    )
    b2b_risk_count = fields.Integer(string="Risk Count", compute="_compute_b2b_counts")

    @api.depends("stakeholder_ids.role_ids")
    def _compute_b2b_role_coverage(self):
        key_roles = self.env["b2b.stakeholder.role"].search([("is_key", "=", True)])
        for lead in self:
            covered = key_roles & lead.stakeholder_ids.mapped("role_ids")
            lead.b2b_role_covered_ids = covered
            lead.b2b_role_missing_ids = key_roles - covered
            lead.b2b_role_coverage = "%s/%s" % (len(covered), len(key_roles))

    def _compute_b2b_counts(self):
        counts = {}
        for model, key in (("b2b.touchpoint", "touchpoint"), ("b2b.risk", "risk")):
            groups = self.env[model].read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["lead_id"]
            )
            counts[key] = {g["lead_id"][0]: g["lead_id_count"] for g in groups}
        for lead in self:
            lead.b2b_touchpoint_count = counts["touchpoint"].get(lead.id, 0)
            lead.b2b_risk_count = counts["risk"].get(lead.id, 0)

    def _message_post_after_hook(self, message):
        """An email sent from the chatter counts as an email touchpoint."""
        res = super()._message_post_after_hook(message)
        if self._is_outgoing_email(message):
            self.env["b2b.touchpoint"].sudo().create(
                self._prepare_email_touchpoint_values(message)
            )
        return res

    def _is_outgoing_email(self, message):
        return (
            message.message_type != "email"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and self.env.user.has_group("base.group_user")
        )

    def _prepare_email_touchpoint_values(self, message):
        self.ensure_one()
        return {
            "lead_id": self.id,
            "kind": "email",
            "date": message.date or fields.Datetime.now(),
            "user_id": self.env.uid,
            "name": message.subject or self.name,
            "mail_message_id": message.id,
            "company_id": (self.company_id or self.env.user.company_id).id,
        }

    @api.multi
    def action_log_call(self):
        self.ensure_one()
        return {
            "name": _("Log a Call"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.log.call.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id,
                        "default_partner_id": self.partner_id.id},
        }

    @api.multi
    def action_add_stakeholder_contact(self):
        self.ensure_one()
        return {
            "name": _("Add a Contact to the Committee"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.stakeholder.contact.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    @api.multi
    def action_view_touchpoints(self):
        self.ensure_one()
        action = self.env.ref("b2b_sales_delivery.b2b_touchpoint_action").read()[0]
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action

    @api.multi
    def action_view_risks(self):
        self.ensure_one()
        action = self.env.ref("b2b_sales_delivery.b2b_risk_action").read()[0]
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id}
        return action
