# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ReportB2bContractLiquidation(models.AbstractModel):
    """The liquidation minutes print only for a closed contract, with its
    orders, phases and invoices read whole (the reader may read the
    contract; its projects may be private to the delivery team)."""

    _name = "report.b2b_sales_delivery.report_b2b_contract_liquidation"
    _description = "Contract Liquidation Minutes"

    @api.model
    def get_report_values(self, docids, data=None):
        contracts = self.env["b2b.contract"].browse(docids)
        contracts.check_access_rights("read")
        contracts.check_access_rule("read")
        not_closed = contracts.filtered(lambda c: c.state != "done")
        if not_closed:
            raise UserError(
                _("The liquidation minutes are printed once the contract is "
                  "closed; %s is not closed.") % ", ".join(not_closed.mapped("name"))
            )
        return {
            "doc_ids": docids,
            "doc_model": "b2b.contract",
            "docs": contracts.sudo(),
        }
