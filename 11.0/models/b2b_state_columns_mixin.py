# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class B2bStateColumnsMixin(models.AbstractModel):
    """A document whose kanban shows a column for each of its states, even
    when empty: its ``state`` field sets ``group_expand="_expand_states"``."""

    _name = "b2b.state.columns.mixin"
    _description = "Kanban Column for Every State"

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in self._fields["state"].selection]
