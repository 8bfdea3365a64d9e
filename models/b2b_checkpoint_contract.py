# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checkpoint kind "signed contract": a contract of the opportunity
signed (``b2b.contract._signed_domain``)."""

from odoo import fields, models


class B2bCheckpoint(models.Model):
    _inherit = "b2b.checkpoint"

    kind = fields.Selection(
        selection_add=[("contract", "Signed Contract")],
        ondelete={"contract": "cascade"},
    )

    def _get_met_lead_ids_contract(self, leads):
        lead_ids = [lead_id for lead_id in leads._origin.ids if lead_id]
        Contract = self.env["b2b.contract"].sudo()
        groups = Contract._read_group(
            Contract._signed_domain() + [("lead_id", "in", lead_ids)], ["lead_id"]
        )
        found = {lead.id for (lead,) in groups}
        return {checkpoint.id: set(found) for checkpoint in self}

    def _get_how_to_meet_contract(self):
        return self.env._(
            "create the contract with the New Contract button of the opportunity, "
            "then sign it"
        )
