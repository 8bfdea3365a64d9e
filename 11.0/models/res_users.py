# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    b2b_kpi_mail = fields.Boolean(
        string="Weekly Indicators by Mail",
        help="Receive every Monday the key indicators of last week against "
        "their targets: your own, and those of the team you lead or of "
        "every salesperson if you manage sales.",
    )
    b2b_skill_assessment_ids = fields.One2many(
        "b2b.skill.assessment", "user_id", string="Skill Assessments"
    )

    def __init__(self, pool, cr):
        """Let users switch the weekly mail on and off in their preferences."""
        super().__init__(pool, cr)
        type(self).SELF_WRITEABLE_FIELDS = list(self.SELF_WRITEABLE_FIELDS) + [
            "b2b_kpi_mail"
        ]
        type(self).SELF_READABLE_FIELDS = list(self.SELF_READABLE_FIELDS) + [
            "b2b_kpi_mail"
        ]
