# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plans and phases edited only by who may: an installment stays on its
order (moving it would leave the order's plan not adding up), the phases
planned on a quotation are changed by who may change the quotation, and
what the addon derives (an installment's due date, a phase's company) is
never written by hand."""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError


def check_derived_fields(records, vals, names):
    """Refuse ``names`` (fields the addon computes and stores) in ``vals``.
    Odoo stores their computed values without ``write``: only a caller
    writes them so."""
    written = sorted(set(names).intersection(vals))
    if written:
        raise UserError(
            _("%(fields)s of %(model)s follow from the rest of the record: "
              "they cannot be written by hand.")
            % {"fields": ", ".join(
                records._fields[name]._description_string(records.env)
                for name in written),
               "model": records._description}
        )


class B2bPaymentPlanLine(models.Model):
    _inherit = "b2b.payment.plan.line"

    @api.multi
    def write(self, vals):
        check_derived_fields(self, vals, {"date_due"})
        if "order_id" in vals:
            moved = self.filtered(lambda line: line.order_id.id != vals["order_id"])
            if moved:
                raise UserError(
                    _("The installment %(line)s belongs to order %(order)s: it "
                      "cannot move to another order. Delete it there and plan "
                      "it on the other order.")
                    % {"line": moved[0].name, "order": moved[0].order_id.name}
                )
        return super().write(vals)


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    @api.model
    def create(self, vals):
        phase = super().create(vals)
        phase._b2b_quotation_orders()._b2b_check_phase_planner()
        return phase

    @api.multi
    def write(self, vals):
        check_derived_fields(self, vals, {"company_id"})
        self._b2b_quotation_orders()._b2b_check_phase_planner()
        result = super().write(vals)
        if "order_id" in vals:
            self._b2b_quotation_orders()._b2b_check_phase_planner()
        return result

    @api.multi
    def unlink(self):
        self._b2b_quotation_orders()._b2b_check_phase_planner()
        return super().unlink()

    def _b2b_quotation_orders(self):
        """The orders of the phases planned on a quotation (no project yet),
        in the caller's environment."""
        return self.sudo().filtered(
            lambda phase: phase.order_id and not phase.project_id
        ).mapped("order_id").sudo(self.env.uid)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_check_phase_planner(self):
        """The phases planned on a quotation are changed by who may change
        the quotation."""
        if not self or self.env.uid == SUPERUSER_ID:
            return True
        try:
            self.check_access_rights("write")
            self.check_access_rule("write")
        except AccessError:
            raise AccessError(
                _("Only who may change the quotation %s plans its phases.")
                % self.sudo()[:1].name
            )
        return True
