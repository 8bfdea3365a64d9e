# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""States and the facts that prove a step (who, when, which mail) change
only through the step's own method: one guard for every model of the addon
that has such facts, on ``create`` and ``write`` (hence also ``copy``,
import, the form and every RPC call)."""

from odoo import api, models
from odoo.exceptions import UserError

from ..utils.steps import in_step


class B2bStepMixin(models.AbstractModel):
    _name = "b2b.step.mixin"
    _description = "Facts Written by Their Steps Only"

    def _b2b_step_facts(self):
        """The model's guarded facts, a list of ``utils.steps.StepFacts``;
        each extension of a model adds its own (``super()`` + its list)."""
        return []

    def _b2b_check_step_facts(self, vals_list=None, vals=None):
        """Refuse the values that set a fact outside its step: a new
        record's (``vals_list``) or a write's (``vals``)."""
        for facts in self._b2b_step_facts():
            if in_step(self, facts.key):
                continue
            if vals_list is not None:
                given = any(facts.set_on_create(values) for values in vals_list)
            else:
                given = facts.changed_by(self, vals)
            if given:
                raise UserError(getattr(self, facts.refusal)())
        return True

    @api.model_create_multi
    def create(self, vals_list):
        self._b2b_check_step_facts(vals_list=vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._b2b_check_step_facts(vals=vals)
        return super().write(vals)
