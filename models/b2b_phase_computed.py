# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A phase's company and its customer deadline are computed (from its
order or project, from its deadline and the project's buffer): the ORM
would take a value written by hand (a write, an import, a create, RPC) and
keep it until the next recompute. No step writes them: refused on every
road, as the steps' facts are (``b2b.step.mixin``)."""

from odoo import models

from ..utils.steps import StepFacts

# No step enters this key: only the computes set these fields.
PHASE_COMPUTED_KEY = "b2b_phase_computed"
PHASE_COMPUTED_FIELDS = ("company_id", "date_deadline_customer")


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(PHASE_COMPUTED_KEY, PHASE_COMPUTED_FIELDS, "_computed_refusal")
        ]

    def _computed_refusal(self):
        return self.env._(
            "The company of a phase is its order's or project's, and its "
            "customer deadline follows its deadline and the project's buffer: "
            "neither is written by hand."
        )
