# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A won opportunity enters the B2B pipeline with its signed contract: an
opportunity won in a team that keeps its own stages cannot be moved (back)
to a team of the B2B pipeline without one, else moving it out and back
would win it without a contract."""
from odoo import _, api, models
from odoo.exceptions import UserError

from .crm_lead_checkpoint import _FORCE_STAGE, FORCE_STAGE_KEY


class CrmLead(models.Model):
    _inherit = "crm.lead"

    @api.multi
    def write(self, vals):
        if vals.get("team_id") and (
            self.env.context.get(FORCE_STAGE_KEY) is not _FORCE_STAGE
        ):
            self._check_won_entering_b2b_team(vals)
        return super().write(vals)

    def _check_won_entering_b2b_team(self, vals):
        """Refuse moving won opportunities without a signed contract from a
        team outside the B2B pipeline into one of it."""
        team = self.env["crm.team"].sudo().browse(vals["team_id"])
        if not team.b2b_use_pipeline:
            return True
        probability, _stage = self._b2b_written_probability(vals)
        entering = self.sudo().filtered(
            lambda lead: not lead.team_id.b2b_use_pipeline
            and not lead.stage_id.b2b_pipeline
            and (lead.probability if probability is None else probability) >= 100
        )
        if not entering:
            return True
        unsigned = entering._b2b_without_signed_contract()
        if unsigned:
            raise UserError(
                _("The opportunity \"%(lead)s\" is won without a signed "
                  "contract: it cannot join the team %(team)s, whose "
                  "opportunities are won with their signed contract. Sign its "
                  "contract first, or ask a sales manager to force its stage "
                  "with a reason.") % {"lead": unsigned[0].name, "team": team.name}
            )
        return True
