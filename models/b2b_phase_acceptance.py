# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A phase accepted by the customer through its minutes."""
from odoo import _, fields, models
from odoo.exceptions import UserError


class B2bPhaseAcceptance(models.Model):
    """The acceptance side of a phase (payment): its minutes, and the
    installments its acceptance releases."""

    _inherit = "b2b.phase"

    acceptance_ids = fields.One2many(
        "b2b.acceptance", "phase_id", string="Acceptance Minutes"
    )
    acceptance_count = fields.Integer(compute="_compute_acceptance_count")
    payment_plan_line_ids = fields.One2many(
        "b2b.payment.plan.line", "phase_id", string="Installments"
    )

    def _compute_acceptance_count(self):
        counts = {
            row["phase_id"][0]: row["phase_id_count"]
            for row in self.env["b2b.acceptance"].read_group(
                [("phase_id", "in", self.ids)], ["phase_id"], ["phase_id"]
            )
        }
        for phase in self:
            phase.acceptance_count = counts.get(phase.id, 0)

    def write(self, vals):
        if vals.get("state", "accepted") != "accepted":
            closed = self.filtered(lambda p: p.state == "accepted")
            if closed:
                raise UserError(
                    _("The phase %s is accepted: it is closed for good.")
                    % closed[0].name
                )
        newly_accepted = self.browse()
        if vals.get("state") == "accepted":
            newly_accepted = self.filtered(lambda p: p.state != "accepted")
        res = super().write(vals)
        newly_accepted._b2b_release_installments()
        return res

    def action_request_acceptance(self):
        """Draft acceptance minutes for the phase and open them."""
        self.ensure_one()
        if self.state == "accepted":
            raise UserError(
                _("The phase %s is already accepted: it is closed.") % self.name
            )
        acceptance = self.acceptance_ids.filtered(
            lambda a: a.state in ("draft", "sent")
        )[:1]
        if not acceptance:
            acceptance = self.env["b2b.acceptance"].create(
                {"phase_id": self.id, "item_ids": [(0, 0, {"name": self.name})]}
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.acceptance",
            "res_id": acceptance.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_acceptances(self):
        self.ensure_one()
        action = self.env.ref("b2b_sales_delivery.b2b_acceptance_action").read()[0]
        action["domain"] = [("phase_id", "=", self.id)]
        action["context"] = {"default_phase_id": self.id}
        return action

    def _check_order_confirmed(self):
        """Refuse the acceptance of a phase whose order is not confirmed.

        An accepted phase releases its installment's invoice; a quotation
        is no order to invoice yet. Refusing says so at once (sending the
        minutes, recording the acceptance), where releasing later would
        leave an accepted phase that invoices nothing until someone
        confirms the order.
        """
        for phase in self:
            orders = phase.project_id.sale_order_id
            if "order_id" in phase._fields:
                orders |= phase.order_id
            unconfirmed = orders.filtered(lambda o: o.state not in ("sale", "done"))
            if unconfirmed:
                raise UserError(
                    _("The order %(order)s of the phase %(phase)s is not "
                      "confirmed: confirm the order before its phases are "
                      "accepted, so that their installments can be invoiced.")
                    % {"order": unconfirmed[0].sudo().name, "phase": phase.name}
                )
        return True

    def _b2b_set_to_accept(self):
        self.filtered(lambda p: p.state in ("planned", "in_progress")).sudo().write(
            {"state": "to_accept"}
        )

    def _b2b_set_rejected(self):
        self.filtered(lambda p: p.state == "to_accept").sudo().write(
            {"state": "in_progress"}
        )

    def _b2b_set_accepted(self):
        self.sudo().write({"state": "accepted"})

    def _b2b_release_installments(self):
        """Invoice the installments triggered by the acceptance of the phases."""
        if not self:
            return True
        lines = self.env["b2b.payment.plan.line"].sudo().search([
            ("phase_id", "in", self.ids),
            ("trigger", "=", "phase_accepted"),
            ("state", "in", ("planned", "to_invoice")),
            ("order_id.state", "in", ("sale", "done")),
        ])
        lines.action_trigger()
        return True
