# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The nine key indicators of the B2B process against their targets, per
salesperson (or team) and period."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..utils import kpi_periods
from ..utils.arguments import MAX_RECORD_ID, date_argument
from ..utils.cron import run_each

# The nine key indicators of the seed, in its order (the funnel's order).
KPI_CODES = [
    ("contacts_reached", "Contacts Reached"),
    ("meetings_new", "Meetings with New Partners"),
    ("meetings_held", "Meetings Held"),
    ("proposals", "Proposals"),
    ("contracts", "Contracts Signed"),
    ("orders", "Orders Confirmed"),
    ("customers", "New Customers"),
    ("revenue", "Revenue"),
    ("receivables", "Receivables"),
]
KPI_KEYS = [code for code, _label in KPI_CODES]
# Amounts of money in the company's currency; the others are counts.
KPI_AMOUNTS = ("revenue", "receivables")
# A level at the end of the period, not a flow over it: its target is the
# one of the period holding the last day, not prorated.
KPI_LEVELS = ("receivables",)


class B2bKpiTarget(models.Model):
    """A target of one key indicator, for a salesperson or a team, over a
    period."""

    _name = "b2b.kpi.target"
    _description = "Key Indicator Target"
    _inherit = ["mail.thread"]
    _order = "date_from desc, user_id, team_id, kpi_sequence, id"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
        help="Alone, without a salesperson: the target of the whole team.",
    )
    date_from = fields.Date(string="From", required=True, index=True, tracking=True)
    date_to = fields.Date(string="To", required=True, index=True, tracking=True)
    period_type = fields.Selection(
        kpi_periods.PERIOD_TYPES,
        string="Period",
        compute="_compute_period_type",
        store=True,
    )
    kpi = fields.Selection(KPI_CODES, string="Indicator", required=True, index=True)
    kpi_sequence = fields.Integer(compute="_compute_kpi_sequence", store=True)
    target = fields.Float(required=True, default=0.0, tracking=True)
    is_amount = fields.Boolean(
        string="Amount",
        compute="_compute_kpi_sequence",
        store=True,
        help="An amount of money in the company's currency; the others are counts.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _target_positive = models.Constraint(
        "CHECK(target >= 0)", "A target cannot be negative."
    )
    _owner_required = models.Constraint(
        "CHECK(user_id IS NOT NULL OR team_id IS NOT NULL)",
        "A target belongs to a salesperson or to a sales team.",
    )
    _dates_ordered = models.Constraint(
        "CHECK(date_from <= date_to)", "A target's period must end on or after its first day."
    )

    @api.depends("date_from", "date_to")
    def _compute_period_type(self):
        for target in self:
            target.period_type = (
                kpi_periods.period_type_of(target.date_from, target.date_to)
                if target.date_from and target.date_to and target.date_from <= target.date_to
                else False
            )

    @api.depends("kpi")
    def _compute_kpi_sequence(self):
        for target in self:
            target.kpi_sequence = KPI_KEYS.index(target.kpi) if target.kpi else 0
            target.is_amount = target.kpi in KPI_AMOUNTS

    @api.depends("kpi", "user_id", "team_id", "date_from", "date_to")
    def _compute_display_name(self):
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        for target in self:
            target.display_name = " - ".join(
                str(part)
                for part in (
                    labels.get(target.kpi, ""),
                    target.user_id.name or target.team_id.name or "",
                    target.date_from or "",
                    target.date_to or "",
                )
            )

    @api.constrains("user_id", "team_id", "kpi", "date_from", "date_to", "company_id")
    def _check_one_per_period(self):
        for target in self:
            if self.search_count(
                [
                    ("id", "!=", target.id),
                    ("user_id", "=", target.user_id.id),
                    ("team_id", "=", target.team_id.id),
                    ("company_id", "=", target.company_id.id),
                    ("kpi", "=", target.kpi),
                    ("date_from", "<=", target.date_to),
                    ("date_to", ">=", target.date_from),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        'There is already a target of "%(kpi)s" for %(owner)s in a '
                        "period overlapping %(date_from)s - %(date_to)s.",
                        kpi=dict(self._fields["kpi"]._description_selection(self.env))[
                            target.kpi
                        ],
                        owner=target.user_id.name or target.team_id.name,
                        date_from=target.date_from,
                        date_to=target.date_to,
                    )
                )

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id and not self.team_id:
            self.team_id = self.user_id.sale_team_id

    # ------------------------------------------------------------------
    # Arguments of the public methods
    # ------------------------------------------------------------------

    @api.model
    def _kpi_period(self, date_from, date_to):
        """The period asked, as two dates; a clear error for anything else."""
        _ = self.env._
        days = [
            date_argument(self, date_from, _("The first day of the period")),
            date_argument(self, date_to, _("The last day of the period")),
        ]
        if days[0] > days[1]:
            raise UserError(_("The period must end on or after its first day."))
        return tuple(days)

    @api.model
    def _kpi_user_ids(self, user_ids):
        """The salespeople asked for, checked: ids the caller may read the
        figures of (a salesperson their own, a sales team's leader their
        team's, a sales manager everyone's). None: everyone the caller may
        see."""
        _ = self.env._
        if user_ids is not None and user_ids is not False:
            if not isinstance(user_ids, (list, tuple)) or not all(
                isinstance(uid, int) and not isinstance(uid, bool) and 0 < uid <= MAX_RECORD_ID
                for uid in user_ids
            ):
                raise UserError(_("Give the salespeople as a list of user ids."))
            user_ids = sorted(set(user_ids))
        if self._kpi_sees_all():
            return user_ids or None
        readable = self._kpi_team_user_ids(self.env.user)
        if user_ids and not set(user_ids) <= readable:
            raise AccessError(
                _(
                    "A salesperson reads their own indicators only, a sales team's "
                    "leader their team's; a sales manager reads everyone's."
                )
            )
        return user_ids or sorted(readable)

    @api.model
    def _kpi_sees_all(self):
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    @api.model
    def _kpi_team_user_ids(self, user):
        """The ids of the salespeople whose figures ``user`` reads without
        being a sales manager: their own and, as a team's leader
        (crm.team.user_id), their team members'. The record rules of the
        targets and events say the same (security/b2b_kpi_team_security.xml)."""
        members = self.env["crm.team.member"].sudo().search(
            [("crm_team_id.user_id", "=", user.id)]
        )
        return set(members.user_id.ids) | {user.id}

    # ------------------------------------------------------------------
    # Indicators against targets
    # ------------------------------------------------------------------

    @api.model
    def get_kpi_values(self, date_from, date_to, user_ids=None):
        """The nine indicators of each salesperson against their targets.

        A list of ``{'user_id', 'kpi', 'actual', 'target'}``, one per
        salesperson and indicator (in the order of the indicators), for the
        period [date_from, date_to] (``YYYY-MM-DD``, both included), in the
        companies of the caller. Without ``user_ids``: every salesperson with
        a figure or a target in the period. Targets are prorated to the
        period by days; receivables, a level, take the target of the period
        holding the last day. Counts are whole numbers, amounts in the
        company's currency. No value is None (XML-RPC, JSON-2).
        """
        date_from, date_to = self._kpi_period(date_from, date_to)
        user_ids = self._kpi_user_ids(user_ids)
        actuals = self.env["b2b.kpi.event"]._get_actuals(date_from, date_to, user_ids)
        targets = self._get_prorated_targets(date_from, date_to, user_ids)
        if user_ids is None:
            user_ids = sorted({uid for uid, _kpi in actuals} | {uid for uid, _kpi in targets})
        return [
            {
                "user_id": uid,
                "kpi": kpi,
                "actual": (
                    round(actuals.get((uid, kpi), 0.0), 2)
                    if kpi in KPI_AMOUNTS
                    else round(actuals.get((uid, kpi), 0))
                ),
                "target": round(targets.get((uid, kpi), 0.0), 2),
            }
            for uid in user_ids
            for kpi in KPI_KEYS
        ]

    @api.model
    def _get_prorated_targets(self, date_from, date_to, user_ids=None):
        """{(user id, kpi): target} of salespeople for [date_from, date_to]
        in the caller's companies (one query, read as plain rows)."""
        domain = [
            ("user_id", "!=", False),
            ("date_from", "<=", date_to),
            ("date_to", ">=", date_from),
            ("company_id", "in", self.env.companies.ids),
        ]
        if user_ids is not None:
            domain.append(("user_id", "in", user_ids))
        # The rows as tuples: no records to build for a handful of numbers.
        self.env.cr.execute(
            self.sudo()._search(domain).select("user_id", "kpi", "date_from", "date_to", "target")
        )
        targets = defaultdict(float)
        for uid, kpi, target_from, target_to, target in self.env.cr.fetchall():
            key = (uid, kpi)
            if kpi in KPI_LEVELS:
                if target_from <= date_to <= target_to:
                    targets[key] += target
            else:
                targets[key] += kpi_periods.prorate(
                    target, target_from, target_to, date_from, date_to
                )
        return targets

    # ------------------------------------------------------------------
    # Targets of the next period
    # ------------------------------------------------------------------

    @api.model
    def copy_to_next_period(self, date_from, date_to):
        """Copy the targets of the period [date_from, date_to] (in the
        caller's companies) to the period just after it, of the same type
        (a custom period: the same number of days). Targets already set
        there are kept. Returns the ids created."""
        if not self.env.user.has_group("b2b_sales_delivery.group_b2b_manager"):
            raise AccessError(self.env._("Only a sales manager sets the targets."))
        date_from, date_to = self._kpi_period(date_from, date_to)
        next_from, next_to = kpi_periods.next_period(date_from, date_to)
        sources = self.search(
            [
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
                ("company_id", "in", self.env.companies.ids),
            ]
        )
        if not sources:
            raise UserError(
                self.env._(
                    "There is no target to copy in the period %(date_from)s - %(date_to)s.",
                    date_from=date_from,
                    date_to=date_to,
                )
            )
        taken = {
            (t.user_id.id, t.team_id.id, t.company_id.id, t.kpi)
            for t in self.search(
                [("date_from", "<=", next_to), ("date_to", ">=", next_from)]
            )
        }
        sources = sources.filtered(
            lambda t: (t.user_id.id, t.team_id.id, t.company_id.id, t.kpi) not in taken
        )
        created = self.create(
            [
                {
                    "user_id": t.user_id.id,
                    "team_id": t.team_id.id,
                    "company_id": t.company_id.id,
                    "kpi": t.kpi,
                    "target": t.target,
                    "date_from": next_from,
                    "date_to": next_to,
                }
                for t in sources
            ]
        )
        return created.ids

    # ------------------------------------------------------------------
    # Weekly mail
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_kpi_mail(self):
        """Mail last week's indicators to each salesperson and manager."""
        today = fields.Date.context_today(self)
        week = kpi_periods.previous_period(*kpi_periods.period_bounds(today, "week"))
        return self.send_kpi_mail(*(fields.Date.to_string(day) for day in week))

    @api.model
    def send_kpi_mail(self, date_from, date_to):
        """Mail the indicators of [date_from, date_to] against target: each
        salesperson with a figure or a target gets their own, each sales
        team's leader their team's, each sales manager everyone's. Returns the number of mails queued."""
        if not (self.env.su or self.env.user.has_group("b2b_sales_delivery.group_b2b_manager")):
            raise AccessError(
                self.env._("Only a sales manager (or the scheduled action) mails the indicators.")
            )
        date_from, date_to = self._kpi_period(date_from, date_to)
        values = self.sudo().get_kpi_values(date_from, date_to)
        Users = self.env["res.users"].sudo()
        managers = Users.search(
            [("group_ids", "in", self.env.ref("sales_team.group_sale_manager").ids),
             ("share", "=", False)]
        )
        salespeople = Users.browse({row["user_id"] for row in values})
        leaders = (
            self.env["crm.team.member"].sudo().search([("user_id", "in", salespeople.ids)])
        ).crm_team_id.user_id
        recipients = (salespeople | leaders | managers).filtered(
            lambda user: user.active and user.email and not user.share
        )
        template = self.env.ref("b2b_sales_delivery.mail_template_kpi_weekly")

        def send(user):
            readable = user in managers or self._kpi_team_user_ids(user)
            rows = [
                row for row in values
                if readable is True or row["user_id"] in readable
            ]
            template.with_context(
                kpi_date_from=date_from,
                kpi_date_to=date_to,
                kpi_rows=self.with_context(lang=user.lang)._kpi_mail_rows(rows),
            ).send_mail(user.id)

        failed = run_each(recipients, send, "Weekly key indicators mail")
        return len(recipients - failed)

    @api.model
    def _kpi_mail_rows(self, rows):
        """The mail's rows, with names and labels in the recipient's
        language."""
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        names = {
            user.id: user.name
            for user in self.env["res.users"].sudo().browse({row["user_id"] for row in rows})
        }
        return [
            {
                "user": names[row["user_id"]],
                "kpi": labels[row["kpi"]],
                "actual": row["actual"],
                "target": row["target"],
                "percent": round(100 * row["actual"] / row["target"]) if row["target"] else False,
            }
            for row in rows
        ]
