# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A risk belongs to the company of its project or opportunity, never to
the company its creator happens to work in."""
from odoo import _, api, models
from odoo.exceptions import ValidationError


class B2bRisk(models.Model):
    _inherit = "b2b.risk"

    @api.model
    def create(self, vals):
        if "company_id" not in vals:
            parent = self._b2b_parent_of(vals)
            if parent.company_id:
                vals = dict(vals, company_id=parent.company_id.id)
        return super().create(vals)

    def _b2b_parent_of(self, vals):
        """The project (else the opportunity) ``vals`` name, as superuser;
        an id that is no id is left to create's own check of the value."""
        for field, model in (("project_id", "project.project"), ("lead_id", "crm.lead")):
            value = vals.get(field)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return self.env[model].sudo().browse(value).exists()
        return self.env["project.project"]

    @api.constrains("company_id", "project_id", "lead_id")
    def _check_company_of_parent(self):
        for risk in self.sudo():
            parent = risk.project_id or risk.lead_id
            if parent.company_id and risk.company_id != parent.company_id:
                raise ValidationError(
                    _("The risk %(risk)s belongs to the company of %(parent)s "
                      "(%(company)s).")
                    % {"risk": risk.name, "parent": parent.display_name,
                       "company": parent.company_id.name}
                )
