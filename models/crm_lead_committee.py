# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who the customer is and every contact with them, on the opportunity: the
data source, the buying committee and its coverage of the key roles, the
touchpoints (an email sent from the chatter is one) and the risks."""

from odoo import api, fields, models

DATA_SOURCES = [
    ("paid", "Paid data"),
    ("free", "Free data"),
    ("relationship", "Relationship"),
]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_data_source = fields.Selection(
        DATA_SOURCES,
        string="Data Source",
        index=True,
        tracking=True,
        help="Where the contact data came from: bought, found for free, or "
        "through a relationship.",
    )
    stakeholder_ids = fields.One2many(
        "b2b.stakeholder", "lead_id", string="Buying Committee"
    )
    touchpoint_ids = fields.One2many("b2b.touchpoint", "lead_id", string="Touchpoints")
    risk_ids = fields.One2many("b2b.risk", "lead_id", string="Risks")
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
    b2b_role_coverage_full = fields.Boolean(compute="_compute_b2b_role_coverage")
    b2b_touchpoint_count = fields.Integer(
        string="Touchpoint Count", compute="_compute_b2b_counts"
    )
    b2b_risk_count = fields.Integer(
        string="Open Risk Count", compute="_compute_b2b_counts"
    )

    @api.depends("stakeholder_ids.role_ids")
    def _compute_b2b_role_coverage(self):
        key_roles = self.env["b2b.stakeholder.role"].search([("is_key", "=", True)])
        for lead in self:
            covered = key_roles & lead.stakeholder_ids.role_ids
            lead.b2b_role_covered_ids = covered
            lead.b2b_role_missing_ids = key_roles - covered
            lead.b2b_role_coverage = "%s/%s" % (len(covered), len(key_roles))
            lead.b2b_role_coverage_full = covered == key_roles

    @api.depends("touchpoint_ids", "risk_ids.state")
    def _compute_b2b_counts(self):
        lead_ids = [lead_id for lead_id in self._origin.ids if lead_id]
        touchpoints = dict(
            self.env["b2b.touchpoint"]._read_group(
                [("lead_id", "in", lead_ids)], ["lead_id"], ["__count"]
            )
        )
        risks = dict(
            self.env["b2b.risk"]._read_group(
                [("lead_id", "in", lead_ids), ("state", "in", ("open", "occurred"))],
                ["lead_id"],
                ["__count"],
            )
        )
        for lead in self:
            lead.b2b_touchpoint_count = touchpoints.get(lead._origin, 0)
            lead.b2b_risk_count = risks.get(lead._origin, 0)

    # ------------------------------------------------------------------
    # An email sent from the chatter is a touchpoint
    # ------------------------------------------------------------------

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if self._is_outgoing_email(message):
            self.env["b2b.touchpoint"]._as_server().create(
                self._prepare_email_touchpoint_values(message)
            )
        return res

    def _is_outgoing_email(self, message):
        """A message an employee sends to the customer from the chatter (not
        a note, not a mail received, not a notification of the system)."""
        return (
            message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and self.env.user._is_internal()
            and message.author_id == self.env.user.partner_id
        )

    def _prepare_email_touchpoint_values(self, message):
        self.ensure_one()
        customers = message.partner_ids.filtered(
            lambda partner: not partner.user_ids or partner.partner_share
        )
        return {
            "lead_id": self.id,
            "partner_id": (customers[:1] or self.partner_id).id,
            "kind": "email",
            "date": message.date or fields.Datetime.now(),
            "user_id": self.env.uid,
            "name": message.subject or message.record_name or self.name,
            "mail_message_id": message.id,
        }

    # ------------------------------------------------------------------
    # Merge: the committee, the touchpoints and the risks go to the head
    # ------------------------------------------------------------------

    def _merge_dependences(self, opportunities):
        res = super()._merge_dependences(opportunities)
        tails = opportunities - self
        members = self.sudo().stakeholder_ids
        for member in tails.sudo().stakeholder_ids:
            if member.partner_id in members.partner_id:
                continue
            member.lead_id = self
            members |= member
        tails.sudo().risk_ids.write({"lead_id": self.id})
        self.env["b2b.touchpoint"]._as_server().search(
            [("lead_id", "in", tails.ids)]
        ).write({"lead_id": self.id})
        return res

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_log_call(self):
        self.ensure_one()
        return {
            "name": self.env._("Log a Call"),
            "type": "ir.actions.act_window",
            "res_model": "b2b.log.call.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_lead_id": self.id,
                "default_partner_id": self.partner_id.id,
            },
        }

    def action_view_touchpoints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_touchpoint_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {
            "default_lead_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_kind": "demo",
        }
        return action

    def action_view_risks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_risk_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id}
        return action
