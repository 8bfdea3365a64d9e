# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How long an opportunity has been in its stage, and stale opportunities.

An opportunity is stale when it has stayed in its stage longer than the
stage's ``b2b_stale_days``, counted from ``date_last_stage_update`` (which
crm sets on every change of stage). A daily job gives its salesperson one
activity per opportunity and staleness: ``b2b_stale_flagged_at`` keeps the
``date_last_stage_update`` it was given for, and only the job writes it.
"""
import logging
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# Put in the context by the daily job alone: the stale marker is written
# under it, never from values a caller sends.
STALE_FLAG = object()


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_stage_guidance = fields.Text(
        related="stage_id.b2b_guidance", string="What to Do Here", readonly=True
    )
    b2b_days_in_stage = fields.Integer(
        string="Days in Stage", compute="_compute_b2b_stage_time",
        help="Whole days since the opportunity entered its stage.",
    )
    b2b_is_stale = fields.Boolean(
        string="Stale", compute="_compute_b2b_stage_time",
        search="_search_b2b_is_stale",
        help="Left in its stage longer than the stage allows.",
    )
    b2b_stale_flagged_at = fields.Datetime(
        string="Stale Activity For", readonly=True, copy=False,
        help="The stage date for which the salesperson got the stale "
        "activity: one activity per opportunity and staleness.",
    )

    @api.depends("stage_id.b2b_stale_days", "date_last_stage_update")
    def _compute_b2b_stage_time(self):
        now = datetime.utcnow()
        for lead in self:
            since = lead._b2b_stage_since()
            lead.b2b_days_in_stage = max((now - since).days, 0) if since else 0
            days = lead.stage_id.b2b_stale_days
            lead.b2b_is_stale = bool(
                since and days and lead.type == "opportunity"
                and lead.probability < 100 and since < now - timedelta(days=days)
            )

    def _search_b2b_is_stale(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search stale opportunities with 'is set' or "
                              "'is not set' only."))
        now = datetime.utcnow()
        stages = self.env["crm.stage"].sudo().search([("b2b_stale_days", ">", 0)])
        domain = [("id", "=", 0)]
        for stage in stages:
            cutoff = now - timedelta(days=stage.b2b_stale_days)
            domain = ["|"] + domain + [
                "&", ("stage_id", "=", stage.id),
                ("date_last_stage_update", "<", fields.Datetime.to_string(cutoff)),
            ]
        domain = ["&", "&", ("type", "=", "opportunity"),
                  ("probability", "<", 100)] + domain
        if (operator == "=") != value:
            domain = ["!"] + domain
        return domain

    def _b2b_stage_since(self):
        self.ensure_one()
        since = self.date_last_stage_update or self.create_date
        return fields.Datetime.from_string(since) if since else None

    @api.constrains("date_last_stage_update")
    def _check_date_last_stage_update(self):
        now = datetime.utcnow() + timedelta(minutes=5)
        for lead in self:
            since = lead.date_last_stage_update
            if since and fields.Datetime.from_string(since) > now:
                raise ValidationError(
                    _("The opportunity %s cannot have entered its stage in the "
                      "future.") % lead.name
                )

    @api.model
    def create(self, vals):
        self._check_b2b_stage_time_vals(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_b2b_stage_time_vals(vals)
        if "date_last_stage_update" in vals and not vals.get("stage_id"):
            raise UserError(
                _("The date an opportunity entered its stage changes only with "
                  "its stage: move it to another stage instead.")
            )
        return super().write(vals)

    def _check_b2b_stage_time_vals(self, vals):
        if ("b2b_stale_flagged_at" in vals
                and self.env.context.get("b2b_stale_flag") is not STALE_FLAG):
            raise UserError(
                _("Only the daily stale opportunities job records the stale "
                  "activity of an opportunity.")
            )

    def _prepare_stale_activity_values(self):
        self.ensure_one()
        return {
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "summary": _("Stale: %(days)s days in %(stage)s") % {
                "days": self.b2b_days_in_stage, "stage": self.stage_id.name,
            },
            "note": self.b2b_stage_guidance or "",
            "user_id": self.user_id.id,
            "date_deadline": fields.Date.context_today(self),
        }

    def _flag_stale(self):
        """Give the salesperson an activity for this staleness, once."""
        self.ensure_one()
        if self.b2b_stale_flagged_at == self.date_last_stage_update:
            return False
        lead = self.with_context(lang=self.user_id.lang or self.env.context.get("lang"))
        self.env["mail.activity"].sudo().create(lead._prepare_stale_activity_values())
        self.sudo().with_context(b2b_stale_flag=STALE_FLAG).write(
            {"b2b_stale_flagged_at": self.date_last_stage_update}
        )
        return True

    @api.model
    def _cron_flag_stale_opportunities(self):
        """Daily: an activity for the salesperson of each stale opportunity,
        once per opportunity and staleness, each in its own savepoint."""
        leads = self.search([("b2b_is_stale", "=", True), ("user_id", "!=", False)])
        flagged = 0
        for lead in leads:
            try:
                with self.env.cr.savepoint():
                    flagged += lead._flag_stale()
            except Exception:  # one opportunity's failure must not stop the others
                _logger.exception("Stale activity of opportunity %s not created",
                                  lead.id)
        return flagged
