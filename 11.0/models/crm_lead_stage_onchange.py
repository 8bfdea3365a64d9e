# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A stage clicked in the statusbar of an opportunity's form in edit mode
is only a value of the form until the save: the refusal of the move
(unmet checkpoints, a win without a signed contract) is given at once, as
an onchange warning, and the form goes back to the saved stage, so that
the refused move never blocks the next save."""
from odoo import _, api, models
from odoo.exceptions import UserError

# Context key of the stage field in the opportunity's form (the web client
# sends a field's context with its onchange): only the form keeps a refused
# stage as a value until the save. It only shows the refusal earlier: the
# write refuses the move whatever the context.
FORM_STAGE_KEY = "b2b_stage_in_form"


class CrmLead(models.Model):
    _inherit = "crm.lead"

    @api.onchange("stage_id")
    def _onchange_stage_id(self):
        refusal = self._b2b_stage_move_refusal()
        if not refusal:
            return super()._onchange_stage_id()
        saved = self._origin
        self.update({"stage_id": saved.stage_id, "probability": saved.probability})
        return {"warning": {"title": _("Stage not changed"), "message": refusal}}

    def _b2b_stage_move_refusal(self):
        """The text of the refusal the save would give for the stage chosen
        in the form of a saved opportunity (the rules of ``write``, on the
        saved opportunity), or False when the move is allowed."""
        # outside an onchange (crm's name_create calls it) there is no form
        if not self.env.context.get(FORM_STAGE_KEY):
            return False  # the kanban's drag: the write refuses, the card goes back
        saved = getattr(self, "_origin", None)
        if not saved or not saved.id or not self.stage_id or self.stage_id == saved.stage_id:
            return False
        vals = {"stage_id": self.stage_id.id}
        try:
            saved._check_stage_move(self.stage_id.id)
            saved._check_win(vals)
        except UserError as refusal:
            return refusal.name
        return False
