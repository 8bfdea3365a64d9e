# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope gates delivery (see sale_order_scope_gate): a phase starts and
an installment is invoiced (button, daily run, RPC) only once the order's
scope is confirmed by the customer or waived by a sales manager."""
from odoo import _, models


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    def _start(self, allow_unready):
        for phase in self:
            order = phase.sudo().order_id or phase.sudo().project_id.sale_order_id
            order._b2b_check_scope_gate(
                _("starting the phase %(phase)s") % {"phase": phase.name}
            )
        return super()._start(allow_unready)


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    def _b2b_check_scope_gate(self):
        for line in self.filtered(lambda line: not line.invoice_id):
            line.sudo().order_id._b2b_check_scope_gate(
                _("invoicing the installment %(name)s") % {"name": line.name}
            )
        return True

    def _release_met_triggers(self):
        # A step that meets a trigger (the order's confirmation, a contract
        # signed, a phase accepted) is not refused for the scope: the
        # installment waits, and the daily run reports it until the scope
        # is confirmed or waived.
        return super(B2bPaymentPlanLine, self.filtered(
            lambda line: line.sudo().order_id._b2b_scope_gate_open()
        ))._release_met_triggers()

    def _release_one(self, date):
        self._b2b_check_scope_gate()
        return super()._release_one(date)

    def _create_invoice(self):
        self._b2b_check_scope_gate()
        return super()._create_invoice()
