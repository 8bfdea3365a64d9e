# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A phase accepted by the customer through its minutes."""
import logging

from psycopg2.extensions import TransactionRollbackError

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .b2b_job import failure_message

_logger = logging.getLogger(__name__)

# What an accepted phase keeps: its state and its place.
ACCEPTED_PHASE_FROZEN_FIELDS = {"state", "project_id", "order_id"}


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

    @api.multi
    def write(self, vals):
        if ACCEPTED_PHASE_FROZEN_FIELDS.intersection(vals):
            closed = self.filtered(lambda p: p.state == "accepted")
            if closed:
                raise UserError(
                    _("The phase %s is accepted: it is closed for good, and "
                      "stays in its project.") % closed[0].name
                )
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_no_accepted_minutes()
        return super().unlink()

    def _check_no_accepted_minutes(self):
        """Accepted phases and phases with accepted minutes stay."""
        accepted = self.filtered(
            lambda p: p.state == "accepted" or "accepted" in p.sudo().mapped(
                "acceptance_ids.state")
        )
        if accepted:
            raise UserError(
                _("The phase %s has accepted minutes: it cannot be deleted.")
                % accepted[0].name
            )
        return True

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
        self.filtered(
            lambda p: p.state in ("planned", "in_progress")
        ).sudo()._step_write({"state": "to_accept"})

    def _b2b_set_rejected(self):
        self.filtered(lambda p: p.state == "to_accept").sudo()._step_write(
            {"state": "in_progress"}
        )

    def _b2b_set_accepted(self):
        """Only accepted minutes of the phase accept it."""
        for phase in self:
            if "accepted" not in phase.sudo().mapped("acceptance_ids.state"):
                raise UserError(
                    _("The phase %s is accepted only through accepted "
                      "acceptance minutes.") % phase.name
                )
        self.sudo()._step_write({"state": "accepted"})
        for phase in self:
            phase._b2b_release_installments_apart()
        return True

    def _b2b_release_installments_apart(self):
        """Release the phase's installments in a savepoint: the customer's
        acceptance stands even when its invoice cannot be made; the failure
        is logged and becomes an activity for the accountant. An invoicing
        of the same order at the same moment (a concurrent update) leaves
        the installment to the next run of the invoicing cron, which
        invoices the installments of accepted phases."""
        self.ensure_one()
        self.recompute()
        try:
            with self.env.cr.savepoint():
                self._b2b_release_installments()
                self.recompute()
        except TransactionRollbackError:
            _logger.info(
                "Installments of the accepted phase %s met a concurrent "
                "invoicing of the order: left to the invoicing run", self.id)
            self.env.clear()
        except Exception as error:  # pylint: disable=broad-except
            _logger.exception(
                "Installments of the accepted phase %s not invoiced", self.id)
            self.env.clear()
            self._b2b_report_release_failure(error)
        return True

    def _b2b_report_release_failure(self, error):
        """An activity on the order for an accountant: the installment of
        the accepted phase is still to invoice."""
        order = self.sudo().project_id.sale_order_id
        company = order.company_id or self.company_id or self.env.user.company_id
        return self.env["mail.activity"]._b2b_schedule(
            order or self.sudo(),
            _("Invoice the installment of the accepted phase %s") % self.name,
            _("The phase %(phase)s was accepted by the customer, but its "
              "installment could not be invoiced: %(error)s")
            % {"phase": self.name, "error": failure_message(error)},
            company._b2b_get_accountant() or self.env.user,
        )

    def _b2b_release_installments(self):
        """Invoice the installments triggered by the acceptance of the phases."""
        if not self:
            return True
        lines = self.env["b2b.payment.plan.line"].sudo().search([
            ("phase_id", "in", self.ids),
            ("trigger", "=", "phase_accepted"),
            ("invoice_id", "=", False),
            ("order_id.state", "in", ("sale", "done")),
        ])
        lines._release_met_triggers()
        return True
