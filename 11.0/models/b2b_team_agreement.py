# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError


class B2bTeamAgreement(models.Model):
    """A member of the delivery team and their acknowledgment of the plan and
    of the way of working (good product, integrity, commitment).

    Adding a member makes them a follower of the project, so a project kept
    to its followers is visible to its team.
    """

    _name = "b2b.team.agreement"
    _description = "Team Agreement"
    _inherit = ["b2b.delivery.mixin"]
    _order = "project_id, date_acknowledged, id"

    user_id = fields.Many2one(
        "res.users", string="Member", required=True, index=True,
        ondelete="cascade",
    )
    role = fields.Char()
    date_acknowledged = fields.Datetime(string="Acknowledged on", readonly=True)
    is_acknowledged = fields.Boolean(
        string="Acknowledged", compute="_compute_is_acknowledged"
    )

    _sql_constraints = [
        ("project_user_unique", "UNIQUE(project_id, user_id)",
         "A member appears once in the team of a project."),
    ]

    @api.depends("date_acknowledged")
    def _compute_is_acknowledged(self):
        for line in self:
            line.is_acknowledged = bool(line.date_acknowledged)

    def _check_acknowledger(self, user_ids):
        """Only the member acknowledges (the superuser loads data)."""
        others = [uid for uid in user_ids if uid != self.env.uid]
        if others and self.env.uid != SUPERUSER_ID:
            raise UserError(
                _("Only the member acknowledges the team agreement: %s.")
                % ", ".join(self.env["res.users"].browse(others).mapped("name"))
            )

    @api.model
    def create(self, vals):
        if vals.get("date_acknowledged"):
            self._check_acknowledger([vals.get("user_id")])
        line = super().create(vals)
        line.project_id.sudo().message_subscribe(
            partner_ids=line.user_id.partner_id.ids
        )
        return line

    @api.multi
    def write(self, vals):
        if set(vals) - {"date_acknowledged"} and not (
            self.env.uid == SUPERUSER_ID
            or self.env.user.has_group("project.group_project_manager")
        ):
            raise UserError(
                _("Only project managers change the team of a project.")
            )
        if vals.get("date_acknowledged"):
            self._check_acknowledger(self.mapped("user_id").ids)
        return super().write(vals)

    @api.multi
    def action_acknowledge(self):
        """The member acknowledges the plan and the way of working."""
        self.filtered(lambda a: not a.date_acknowledged).write(
            {"date_acknowledged": fields.Datetime.now()}
        )
        return True
