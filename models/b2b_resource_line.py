# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The resources a delivery needs (people, documents, budget, venue and
equipment), who answers for each, and whether it is ready."""

from odoo import api, fields, models

# The seed's five kinds of resource to prepare for a delivery.
RESOURCE_CATEGORIES = [
    ("people", "People and Team"),
    ("documents", "Documents, Scripts, Requirements, Brief"),
    ("budget", "Budget"),
    ("venue_equipment", "Venue / Equipment"),
    ("other", "Other"),
]
# The kinds of resource a new delivery project proposes, one line each.
PROPOSED_CATEGORIES = tuple(code for code, _label in RESOURCE_CATEGORIES)


class B2bProjectLineMixin(models.AbstractModel):
    """The delivery team works on the lines of the projects it may read
    (Odoo's project privacy: a project kept to its followers), on create,
    write (before and after a move) and unlink."""

    _name = "b2b.project.line.mixin"
    _description = "Line of a Delivery Project"

    def _check_project_access(self):
        if not self.env.su:
            self.sudo().project_id.with_env(self.env).check_access("read")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_project_access()
        return records

    def write(self, vals):
        self._check_project_access()
        result = super().write(vals)
        self._check_project_access()
        return result

    def unlink(self):
        self._check_project_access()
        return super().unlink()


class B2bResourceLine(models.Model):
    _name = "b2b.resource.line"
    _inherit = ["b2b.project.line.mixin"]
    _description = "Delivery Resource"
    _order = "project_id, sequence, id"

    project_id = fields.Many2one(
        "project.project",
        string="Project",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        RESOURCE_CATEGORIES, required=True, default="other", string="Kind"
    )
    name = fields.Char(string="Resource", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain="[('share', '=', False)]",
        help="Who makes the resource ready.",
    )
    is_ready = fields.Boolean(string="Ready")
    date_needed = fields.Date(string="Needed By")
    note = fields.Text()

    @api.model
    def _proposed_values(self):
        """One line per kind of resource of the delivery (x2many commands)."""
        labels = dict(self._fields["category"]._description_selection(self.env))
        return [
            fields.Command.create(
                {"category": category, "name": labels[category], "sequence": index}
            )
            for index, category in enumerate(PROPOSED_CATEGORIES, start=1)
        ]
