# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import formatLang

from ..utils import kpi_periods
from ..utils.arguments import check_date_argument
from .b2b_job import run_each

# The nine key indicators of the B2B process, in its order.
KPI_CODES = [
    ("contacts_reached", "Contacts reached"),
    ("meetings_new", "Meetings booked (new partners)"),
    ("meetings_held", "Meetings held"),
    ("proposals", "Cooperation proposals"),
    ("contracts", "Contracts signed"),
    ("orders", "Orders confirmed"),
    ("customers", "Customers with an order"),
    ("revenue", "Revenue"),
    ("receivables", "Receivables"),
]
KPI_KEYS = [code for code, _label in KPI_CODES]
# Indicators that are a level at the end of the period, not a flow in it.
KPI_LEVELS = ("receivables",)
# Indicators that are amounts of money, in the company's currency; the
# others are counts.
KPI_AMOUNTS = ("revenue", "receivables")


class B2bKpiTarget(models.Model):
    """A target of one key indicator, for a salesperson or a team, per period."""

    _name = "b2b.kpi.target"
    _description = "Key Indicator Target"
    _order = "date_from desc, user_id, team_id, kpi_sequence, id"
    _rec_name = "kpi"

    user_id = fields.Many2one(
        "res.users", string="Salesperson", index=True, ondelete="cascade"
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", index=True, ondelete="cascade",
        help="Set the team alone for a target of the whole team.",
    )
    date_from = fields.Date(string="From", required=True, index=True)
    date_to = fields.Date(string="To", required=True, index=True)
    period_type = fields.Selection(
        kpi_periods.PERIOD_TYPES, string="Period", compute="_compute_period_type",
        store=True, readonly=True,
    )
    kpi = fields.Selection(KPI_CODES, string="Indicator", required=True, index=True)
    kpi_sequence = fields.Integer(
        compute="_compute_kpi_sequence", store=True, readonly=True
    )
    target = fields.Float(required=True, default=0.0)
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, index=True,
        default=lambda self: self.env.user.company_id,
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id", string="Currency", readonly=True
    )
    is_amount = fields.Boolean(
        string="Amount", compute="_compute_target_split", store=True,
        help="The indicator is an amount of money; the others are counts.",
    )
    target_count = fields.Integer(
        string="Target (count)", compute="_compute_target_split", store=True,
        inverse="_inverse_target_count",
        help="The target of an indicator that counts (contacts, meetings, "
        "proposals, contracts, orders, customers).",
    )
    target_amount = fields.Monetary(
        string="Target (amount)", compute="_compute_target_split", store=True,
        inverse="_inverse_target_amount",
        help="The target of an amount (revenue, receivables), in the "
        "company's currency.",
    )

    _sql_constraints = [
        ("target_positive", "CHECK(target >= 0)", "A target cannot be negative."),
        (
            "owner_required",
            "CHECK(user_id IS NOT NULL OR team_id IS NOT NULL)",
            "A target belongs to a salesperson or to a sales team.",
        ),
        ("dates_ordered", "CHECK(date_from <= date_to)",
         "A target period must end on or after its first day."),
    ]

    @api.depends("date_from", "date_to")
    def _compute_period_type(self):
        for target in self:
            if target.date_from and target.date_to:
                target.period_type = kpi_periods.period_type_of(
                    target.date_from, target.date_to
                )

    @api.depends("kpi")
    def _compute_kpi_sequence(self):
        for target in self:
            target.kpi_sequence = (
                KPI_KEYS.index(target.kpi) if target.kpi in KPI_KEYS else 0
            )

    @api.depends("kpi", "target")
    def _compute_target_split(self):
        for target in self:
            target.is_amount = target.kpi in KPI_AMOUNTS
            target.target_count = 0 if target.is_amount else round(target.target)
            target.target_amount = target.target if target.is_amount else 0.0

    def _inverse_target_count(self):
        self._set_target_from("target_count", amount=False)

    def _inverse_target_amount(self):
        self._set_target_from("target_amount", amount=True)

    def _set_target_from(self, field, amount):
        """Write ``target`` from the grid's column ``field`` (its kind was
        checked by ``_check_target_column`` before anything was written)."""
        for target in self:
            if (target.kpi in KPI_AMOUNTS) == amount:
                target.target = target[field]

    @api.model
    def _check_target_column(self, vals, kpi):
        """Refuse a value typed in the grid's column of the other kind (a
        count for an amount), before anything is written."""
        for field, amount in (("target_count", False), ("target_amount", True)):
            if vals.get(field) and (kpi in KPI_AMOUNTS) != amount:
                message = (
                    _("%s is a count: set its target in Target (count).")
                    if amount else
                    _("%s is an amount: set its target in Target (amount).")
                )
                raise UserError(
                    message % self._fields["kpi"].convert_to_export(kpi, self)
                )

    @api.constrains("user_id", "team_id", "kpi", "date_from", "date_to")
    def _check_unique_per_period(self):
        for target in self:
            duplicate = self.search_count([
                ("id", "!=", target.id),
                ("user_id", "=", target.user_id.id),
                ("team_id", "=", target.team_id.id),
                ("kpi", "=", target.kpi),
                ("date_from", "<=", target.date_to),
                ("date_to", ">=", target.date_from),
            ])
            if duplicate:
                raise ValidationError(_(
                    "There is already a target of \"%(kpi)s\" for %(owner)s in "
                    "a period overlapping %(date_from)s - %(date_to)s."
                ) % {
                    "kpi": self._fields["kpi"].convert_to_export(target.kpi, target),
                    "owner": target.user_id.name or target.team_id.name,
                    "date_from": target.date_from,
                    "date_to": target.date_to,
                })

    @api.multi
    def name_get(self):
        """"Revenue - Nguyễn Văn An - 2026-03-01 - 2026-03-31": the
        indicator, whose target it is, and its period."""
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        return [(target.id, "%s - %s - %s - %s" % (
            labels.get(target.kpi, ""),
            target.user_id.name or target.team_id.name or "",
            target.date_from or "", target.date_to or "",
        )) for target in self]

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id and not self.team_id:
            self.team_id = self.user_id.sale_team_id

    @api.model
    def create(self, vals):
        if vals.get("user_id") and not vals.get("team_id"):
            user = self.env["res.users"].browse(vals["user_id"])
            vals = dict(vals, team_id=user.sale_team_id.id)
        self._check_target_column(vals, vals.get("kpi"))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        for target in self:
            self._check_target_column(vals, vals.get("kpi", target.kpi))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Copy from the last period
    # ------------------------------------------------------------------
    @api.model
    def copy_from_previous_period(self, date_from, date_to):
        """Copy the targets of the period before [date_from, date_to] into it.

        The previous period has the same type (week, month, quarter, year;
        a custom period: the same number of days just before). Targets that
        already exist in the period are kept. Returns the ids created.
        """
        date_from = self._kpi_date(date_from, _("The first day of the period"))
        date_to = self._kpi_date(date_to, _("The last day of the period"))
        if date_from > date_to:
            raise UserError(_("The period must end on or after its first day."))
        prev_from, prev_to = kpi_periods.previous_period(date_from, date_to)
        previous = self.search([
            ("date_from", "=", fields.Date.to_string(prev_from)),
            ("date_to", "=", fields.Date.to_string(prev_to)),
        ])
        if not previous:
            raise UserError(_(
                "There is no target to copy in the previous period "
                "(%(date_from)s - %(date_to)s)."
            ) % {"date_from": prev_from, "date_to": prev_to})
        existing = self.search([
            ("date_from", "=", fields.Date.to_string(date_from)),
            ("date_to", "=", fields.Date.to_string(date_to)),
        ])
        taken = {(t.user_id.id, t.team_id.id, t.kpi) for t in existing}
        created = self.browse()
        for target in previous:
            if (target.user_id.id, target.team_id.id, target.kpi) in taken:
                continue
            created |= target.copy({
                "date_from": fields.Date.to_string(date_from),
                "date_to": fields.Date.to_string(date_to),
            })
        return created.ids

    # ------------------------------------------------------------------
    # Indicators against targets
    # ------------------------------------------------------------------
    def _kpi_visible_user_ids(self):
        """Salespeople whose indicators the current user may read: None for all.

        The same rule as the record rules of the indicators (a salesperson
        their own, a team leader their team members', a sales manager all),
        for the salespeople's whole figures; ``get_kpi_values`` and the weekly
        mail both ask here.
        """
        user = self.env.user
        if user.has_group("sales_team.group_sale_manager") or user._is_superuser():
            return None
        led_teams = self.env["crm.team"].sudo().search([("user_id", "=", user.id)])
        return set(led_teams.mapped("member_ids").ids) | {user.id}

    def _check_kpi_access(self, user_ids):
        visible = self._kpi_visible_user_ids()
        if visible is not None and set(user_ids) - visible:
            raise AccessError(_(
                "You may only read your own indicators and those of the team "
                "you lead."
            ))

    @api.model
    def get_kpi_values(self, date_from, date_to, user_ids=None):
        """The nine indicators of each salesperson against their targets.

        Returns a list of dicts ``{'user_id', 'kpi', 'actual', 'target',
        'achievement', 'detail'}``, one per salesperson and indicator, for the
        period [date_from, date_to] (``YYYY-MM-DD``, both included). Without
        ``user_ids``: every salesperson with an indicator or a target in the
        period that the caller may see. ``achievement`` is the percentage of
        the target reached (False without a target). What each indicator
        counts: the README, section Sales manager.
        """
        date_from = self._kpi_date(date_from, _("The first day of the period"))
        date_to = self._kpi_date(date_to, _("The last day of the period"))
        if date_from > date_to:
            raise UserError(_("The period must end on or after its first day."))
        if user_ids:
            if not isinstance(user_ids, (list, tuple)) or not all(
                isinstance(uid, int) and not isinstance(uid, bool)
                and 0 < uid < 2 ** 31 for uid in user_ids
            ):
                raise UserError(_("The salespeople must be given as a list of "
                                  "user ids."))
            user_ids = list(user_ids)
            self._check_kpi_access(user_ids)
        actuals = self.env["b2b.kpi.report"]._kpi_actuals(date_from, date_to, user_ids)
        targets = self._kpi_targets(date_from, date_to, user_ids)
        if not user_ids:
            user_ids = sorted(set(actuals) | {uid for uid, _kpi in targets})
        values = []
        for uid in user_ids:
            user_actuals = actuals.get(uid, {})
            for kpi in KPI_KEYS:
                actual, detail = user_actuals.get(kpi, (0.0, {}))
                target = targets.get((uid, kpi), 0.0)
                values.append({
                    "user_id": uid,
                    "kpi": kpi,
                    "actual": actual,
                    "target": target,
                    "achievement": round(100.0 * actual / target, 2) if target else False,
                    "detail": detail,
                })
        return values

    @api.model
    def _kpi_date(self, value, label):
        """``value`` as a date, or a UserError naming ``label``."""
        return fields.Date.from_string(check_date_argument(self, value, label))

    def _kpi_targets(self, date_from, date_to, user_ids=None):
        """{(user id, kpi): target} of salespeople for [date_from, date_to].

        A flow indicator counts each target in proportion to the days its
        period shares with the one asked (a monthly target counts fully in
        its month, a third in a ten-day span of a thirty-day month, and the
        twelve months add up in a year). Receivables, a level, take the
        target whose period holds the last day asked.
        """
        domain = [
            ("user_id", "!=", False),
            ("date_from", "<=", fields.Date.to_string(date_to)),
            ("date_to", ">=", fields.Date.to_string(date_from)),
        ]
        if user_ids:
            domain.append(("user_id", "in", list(user_ids)))
        rows = self.search_read(
            domain, ["user_id", "kpi", "date_from", "date_to", "target"]
        )
        targets = defaultdict(float)
        for row in rows:
            key = (row["user_id"][0], row["kpi"])
            if row["kpi"] in KPI_LEVELS:
                if row["date_from"] <= fields.Date.to_string(date_to) <= row["date_to"]:
                    targets[key] += row["target"]
                continue
            days = kpi_periods.overlap_days(
                date_from, date_to, row["date_from"], row["date_to"]
            )
            length = kpi_periods.overlap_days(
                row["date_from"], row["date_to"], row["date_from"], row["date_to"]
            )
            targets[key] += row["target"] * days / length
        return {key: round(value, 2) for key, value in targets.items()}

    # ------------------------------------------------------------------
    # Weekly mail
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_kpi_mail(self):
        """Mail last week's indicators to every user who asked for them."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        date_from, date_to = kpi_periods.previous_period(
            *kpi_periods.period_bounds(today, "week")
        )
        return self.send_kpi_mail(
            fields.Date.to_string(date_from), fields.Date.to_string(date_to)
        )

    @api.model
    def send_kpi_mail(self, date_from, date_to):
        """Mail the indicators of [date_from, date_to] against target to each
        user with ``b2b_kpi_mail``: a salesperson gets their own, a team
        leader their team's, a sales manager everyone's. Returns the number
        of mails queued."""
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(
            "b2b_sales_delivery.group_b2b_manager"
        ):
            raise AccessError(
                _("Only a sales manager (or the scheduled action) mails the "
                  "indicators.")
            )
        recipients = self.env["res.users"].sudo().search([
            ("b2b_kpi_mail", "=", True), ("email", "!=", False),
            ("share", "=", False),
        ])
        if not recipients:
            return 0
        values = self.sudo().get_kpi_values(date_from, date_to)
        template = self.env.ref("b2b_sales_delivery.kpi_mail_template")

        def send(recipient):
            visible = self.sudo(recipient)._kpi_visible_user_ids()
            rows = [row for row in values if visible is None or row["user_id"] in visible]
            template.with_context(
                kpi_date_from=date_from, kpi_date_to=date_to,
                kpi_rows=self.with_context(lang=recipient.lang)._kpi_mail_rows(rows),
            ).send_mail(recipient.id)

        # One recipient's failure does not stop the others: it is logged and
        # left as an activity on the recipient.
        sent = run_each(
            recipients, send, _("Weekly indicators mail"),
            lambda recipient: recipient, lambda recipient: recipient.partner_id,
        )
        return len(sent)

    @api.model
    def _kpi_mail_rows(self, rows):
        """The rows of the mail: names and labels in the recipient's language."""
        kpi = self._fields["kpi"]
        users = self.env["res.users"].sudo().browse({row["user_id"] for row in rows})
        names = {user.id: user.name for user in users}
        currency = self.env.user.company_id.currency_id

        def number(code, value):
            """A count as a whole number, an amount with its currency."""
            if code in KPI_AMOUNTS:
                return formatLang(self.env, value, currency_obj=currency)
            return formatLang(self.env, value, digits=0)

        return [{
            "user": names[row["user_id"]],
            "kpi": kpi.convert_to_export(row["kpi"], self),
            "actual": number(row["kpi"], row["actual"]),
            "target": number(row["kpi"], row["target"]) if row["target"] else "-",
            "achievement": "%.0f%%" % row["achievement"]
            if row["achievement"] is not False else "-",
        } for row in rows]
