# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Key indicators against targets: hand counts on a fixed data set."""
import xmlrpc.client

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import formatLang, mute_logger

from .common_kpi import EXPECTED, KpiCase

JAN = ("2026-01-01", "2026-01-31")
FEB = ("2026-02-01", "2026-02-28")
NINE = ["contacts_reached", "meetings_new", "meetings_held", "proposals",
        "contracts", "orders", "customers", "revenue", "receivables"]


class TestKpiValues(KpiCase):
    def _values(self, period, user_ids=None, as_user=None):
        Target = self.env["b2b.kpi.target"].sudo(as_user or self.sales_manager)
        return Target.get_kpi_values(period[0], period[1], user_ids)

    def _by_user(self, values):
        result = {}
        for row in values:
            result.setdefault(row["user_id"], {})[row["kpi"]] = row
        return result

    def test_each_indicator_per_salesperson_across_the_month_boundary(self):
        for period, key in ((JAN, "jan"), (FEB, "feb")):
            values = self._by_user(self._values(
                period, [self.salesman.id, self.salesman_other.id]
            ))
            for user, name in ((self.salesman, "salesman"),
                               (self.salesman_other, "salesman_other")):
                expected = EXPECTED[name][key]
                actual = {kpi: values[user.id][kpi]["actual"] for kpi in NINE}
                self.assertEqual(
                    actual, {kpi: expected.get(kpi, 0) for kpi in NINE},
                    "%s in %s" % (name, key),
                )

    def test_one_row_per_salesperson_and_indicator(self):
        values = self._values(FEB)
        self.assertEqual(
            [(row["user_id"], row["kpi"]) for row in values],
            [(uid, kpi) for uid in sorted([self.salesman.id, self.salesman_other.id])
             for kpi in NINE],
        )
        self.assertEqual(
            set(values[0]), {"user_id", "kpi", "actual", "target", "achievement", "detail"}
        )
        # what XML-RPC carries: no None, no Decimal
        self.assertEqual(xmlrpc.client.loads(xmlrpc.client.dumps((values,)))[0][0], values)

    def test_details(self):
        jan = self._by_user(self._values(JAN, [self.salesman.id]))[self.salesman.id]
        feb = self._by_user(self._values(FEB, [self.salesman.id]))[self.salesman.id]
        self.assertEqual(jan["contacts_reached"]["detail"], {"answered": 1, "talked": 1})
        self.assertEqual(feb["contacts_reached"]["detail"], {"answered": 1, "talked": 0})
        self.assertEqual(
            feb["meetings_held"]["detail"],
            {"new": 1, "existing": 2, "customers": 2, "frequency": 1.5},
        )
        self.assertEqual(jan["revenue"]["detail"], {"ordered": 500000.0, "invoiced": 1000000.0})
        self.assertEqual(feb["revenue"]["detail"], {"ordered": 3000000.0, "invoiced": 400000.0})
        self.assertEqual(
            jan["receivables"]["detail"], {"outstanding": 1000000.0, "overdue": 0.0}
        )
        self.assertEqual(
            feb["receivables"]["detail"], {"outstanding": 1000000.0, "overdue": 1000000.0}
        )
        # mid-February: the payment of the 25th is not in yet, INV1 not due
        mid = self._by_user(self._values(("2026-02-01", "2026-02-19"), [self.salesman.id]))
        self.assertEqual(
            mid[self.salesman.id]["receivables"]["detail"],
            {"outstanding": 1400000.0, "overdue": -100000.0},
        )

    def test_two_months_add_up(self):
        both = self._by_user(self._values(("2026-01-01", "2026-02-28"), [self.salesman.id]))
        row = both[self.salesman.id]
        self.assertEqual(row["contacts_reached"]["actual"], 3)
        self.assertEqual(row["orders"]["actual"], 3)
        # the customers are counted once over the two months: cust3, cust1
        self.assertEqual(row["customers"]["actual"], 2)
        self.assertEqual(row["revenue"]["actual"], 3500000.0)

    def test_per_team(self):
        Report = self.env["b2b.kpi.report"].sudo(self.sales_manager)
        measures = ["contacts_reached", "meetings_new", "meetings_held", "proposals",
                    "contracts", "orders", "customers", "revenue", "revenue_invoiced"]
        # the call of salesman_other on a lead of team North counts for North
        expected = {
            JAN: {self.team_north.id: [2, 1, 1, 2, 1, 1, 1, 500000.0, 1000000.0]},
            FEB: {self.team_north.id: [2, 1, 3, 3, 1, 2, 1, 3000000.0, 400000.0],
                  self.team_south.id: [1, 0, 0, 1, 0, 1, 1, 700000.0, 0.0]},
        }
        for period in (JAN, FEB):
            groups = Report.read_group(
                [("date", ">=", period[0]), ("date", "<=", period[1]),
                 ("kpi", "!=", "receivables")],
                ["team_id"] + measures, ["team_id"],
            )
            self.assertEqual(
                {g["team_id"][0]: [g[m] or 0 for m in measures] for g in groups},
                expected[period], period,
            )

    def test_funnel(self):
        Report = self.env["b2b.kpi.report"].sudo(self.sales_manager)
        groups = Report.read_group(
            [("date", ">=", FEB[0]), ("date", "<=", FEB[1]),
             ("user_id", "=", self.salesman.id), ("funnel_step", "!=", False)],
            ["funnel_step"], ["funnel_step"],
        )
        self.assertEqual(
            [(g["funnel_step"], g["funnel_step_count"]) for g in groups],
            [("1_contacts", 1), ("2_meetings", 3), ("3_proposals", 3),
             ("4_contracts", 1), ("5_orders", 2)],
        )

    def test_bad_period(self):
        with self.assertRaisesRegex(UserError, "must end on or after its first day"):
            self._values(("2026-02-28", "2026-02-01"))


class TestKpiTargets(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Target = cls.env["b2b.kpi.target"].sudo(cls.sales_manager)
        cls.Target = Target

        def target(kpi, value, period=FEB, user=cls.salesman, team=None):
            return Target.create({
                "user_id": user and user.id, "team_id": team and team.id,
                "kpi": kpi, "target": value,
                "date_from": period[0], "date_to": period[1],
            })
        cls.t_contacts = target("contacts_reached", 4)
        cls.t_revenue = target("revenue", 6000000)
        cls.t_receivables = target("receivables", 800000)
        cls.t_orders_jan = target("orders", 2, period=JAN)
        cls.t_team = target("revenue", 5000000, user=None, team=cls.team_north)
        # only the users of these tests ask for the weekly mail
        cls.env["res.users"].search([("b2b_kpi_mail", "=", True)]).write(
            {"b2b_kpi_mail": False}
        )

    def _row(self, period, kpi):
        for row in self.Target.get_kpi_values(period[0], period[1], [self.salesman.id]):
            if row["kpi"] == kpi:
                return row

    def test_period_type(self):
        self.assertEqual(self.t_contacts.period_type, "month")
        week = self.Target.create({
            "user_id": self.salesman_other.id, "kpi": "orders", "target": 1,
            "date_from": "2026-02-09", "date_to": "2026-02-15",
        })
        self.assertEqual(week.period_type, "week")

    def test_achievement(self):
        self.assertEqual(
            {k: v for k, v in self._row(FEB, "contacts_reached").items() if k != "detail"},
            {"user_id": self.salesman.id, "kpi": "contacts_reached", "actual": 1,
             "target": 4.0, "achievement": 25.0},
        )
        self.assertEqual(self._row(FEB, "revenue")["achievement"], 50.0)
        self.assertEqual(self._row(FEB, "receivables")["achievement"], 125.0)
        self.assertEqual(self._row(JAN, "orders")["achievement"], 50.0)
        self.assertIs(self._row(FEB, "orders")["achievement"], False)

    def test_targets_prorated_over_the_period_asked(self):
        week = ("2026-02-02", "2026-02-08")
        self.assertEqual(self._row(week, "revenue")["target"], 1500000.0)
        self.assertEqual(self._row(("2026-01-01", "2026-02-28"), "orders")["target"], 2.0)
        # a level: the target of the period holding the last day
        self.assertEqual(self._row(week, "receivables")["target"], 800000.0)
        self.assertEqual(self._row(JAN, "receivables")["target"], 0.0)

    def test_achievement_view(self):
        Achievement = self.env["b2b.kpi.achievement"].sudo(self.sales_manager)
        rows = Achievement.search_read(
            [("id", "in", (self.t_contacts | self.t_revenue | self.t_receivables
                           | self.t_orders_jan | self.t_team).ids)],
            ["kpi", "user_id", "actual", "target", "achievement", "progress"],
        )
        got = {(r["kpi"], r["user_id"] and r["user_id"][0]): (
            r["actual"], r["target"], r["achievement"], r["progress"]) for r in rows}
        self.assertEqual(got, {
            ("contacts_reached", self.salesman.id): (1.0, 4.0, 25.0, 25),
            ("revenue", self.salesman.id): (3000000.0, 6000000.0, 50.0, 50),
            ("receivables", self.salesman.id): (1000000.0, 800000.0, 125.0, 100),
            ("orders", self.salesman.id): (1.0, 2.0, 50.0, 50),
            ("revenue", False): (3000000.0, 5000000.0, 60.0, 60),
        })
        # the dashboard groups by owner: the salesperson, or the team
        self.assertEqual(
            Achievement.browse([self.t_team.id, self.t_revenue.id]).mapped("owner"),
            ["Miền Bắc", self.salesman.name],
        )

    def test_achievement_counts_apart_from_amounts(self):
        Achievement = self.env["b2b.kpi.achievement"].sudo(self.sales_manager)
        ids = (self.t_contacts | self.t_revenue | self.t_receivables
               | self.t_orders_jan).ids
        rows = {r["kpi"]: r for r in Achievement.search_read(
            [("id", "in", ids)],
            ["kpi", "is_amount", "currency_id", "actual_count", "target_count",
             "actual_amount", "target_amount"],
        )}
        contacts, revenue = rows["contacts_reached"], rows["revenue"]
        self.assertEqual(
            (contacts["is_amount"], contacts["actual_count"],
             contacts["target_count"], contacts["actual_amount"]),
            (False, 1, 4, 0.0),
        )
        self.assertEqual(
            (revenue["is_amount"], revenue["actual_count"],
             revenue["actual_amount"], revenue["target_amount"]),
            (True, 0, 3000000.0, 6000000.0),
        )
        self.assertEqual(revenue["currency_id"][0], self.company.currency_id.id)
        # A total over several indicators adds counts to counts and money to
        # money, never one to the other.
        total = Achievement.read_group(
            [("id", "in", ids)],
            ["actual_count", "target_count", "actual_amount", "target_amount",
             "user_id"],
            ["user_id"],
        )[0]
        self.assertEqual(
            (total["actual_count"], total["target_count"],
             total["actual_amount"], total["target_amount"]),
            (2, 6, 4000000.0, 6800000.0),
        )
        view = Achievement.fields_view_get(view_type="tree")["arch"]
        self.assertNotIn('name="actual"', view)
        report_tree = self.env["b2b.kpi.report"].fields_view_get(
            view_type="tree")["arch"]
        self.assertNotIn("sum=", report_tree)

    def test_target_grid_counts_and_amounts(self):
        orders = self.Target.create({
            "user_id": self.salesman_other.id, "kpi": "orders",
            "date_from": FEB[0], "date_to": FEB[1], "target_count": 3,
        })
        revenue = self.Target.create({
            "user_id": self.salesman_other.id, "kpi": "revenue",
            "date_from": FEB[0], "date_to": FEB[1], "target_amount": 2500000.5,
        })
        self.assertEqual((orders.target, orders.is_amount, orders.target_amount),
                         (3.0, False, 0.0))
        self.assertEqual((revenue.target, revenue.is_amount, revenue.target_count),
                         (2500000.5, True, 0))
        self.assertEqual(revenue.currency_id, self.company.currency_id)
        # A count typed on an amount, or an amount on a count, is refused.
        with self.assertRaisesRegex(UserError, "Revenue is an amount"):
            revenue.write({"target_count": 9})
        with self.assertRaisesRegex(UserError, "Orders confirmed is a count"):
            orders.write({"target_amount": 9.5})
        self.assertEqual((orders.target, revenue.target), (3.0, 2500000.5))
        self.assertEqual((orders.target_amount, revenue.target_count), (0.0, 0))
        # The public field still works, and the grid follows it.
        orders.write({"target": 5})
        self.assertEqual(orders.target_count, 5)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            orders.write({"target_count": -1})
        # Readable names: indicator, owner, period.
        self.assertEqual(
            revenue.display_name,
            "Revenue - %s - 2026-02-01 - 2026-02-28" % self.salesman_other.name,
        )
        self.assertEqual(self.t_team.display_name,
                         "Revenue - Miền Bắc - 2026-02-01 - 2026-02-28")
        # Totals never add counts to money.
        total = self.Target.read_group(
            [("id", "in", (orders | revenue).ids)],
            ["target_count", "target_amount", "user_id"], ["user_id"],
        )[0]
        self.assertEqual((total["target_count"], total["target_amount"]),
                         (5, 2500000.5))
        tree = self.Target.fields_view_get(view_type="tree")["arch"]
        self.assertNotIn("sum=", tree)
        self.assertIn('editable="bottom"', tree)

    def test_copy_from_last_period(self):
        created = self.Target.browse(
            self.Target.copy_from_previous_period("2026-03-01", "2026-03-31")
        )
        self.assertEqual(
            sorted((t.user_id.id, t.team_id.id, t.kpi, t.target, t.date_from, t.date_to)
                   for t in created),
            sorted([
                (self.salesman.id, self.team_north.id, "contacts_reached", 4.0,
                 "2026-03-01", "2026-03-31"),
                (self.salesman.id, self.team_north.id, "revenue", 6000000.0,
                 "2026-03-01", "2026-03-31"),
                (self.salesman.id, self.team_north.id, "receivables", 800000.0,
                 "2026-03-01", "2026-03-31"),
                (False, self.team_north.id, "revenue", 5000000.0,
                 "2026-03-01", "2026-03-31"),
            ]),
        )
        # a second copy keeps what is there
        self.assertEqual(
            self.Target.copy_from_previous_period("2026-03-01", "2026-03-31"), []
        )

    def test_copy_wizard(self):
        wizard = self.env["b2b.kpi.target.copy"].sudo(self.sales_manager).create(
            {"period_type": "month", "date": "2026-03-15"}
        )
        self.assertEqual((wizard.date_from, wizard.date_to), ("2026-03-01", "2026-03-31"))
        action = wizard.action_copy()
        self.assertEqual(self.Target.search_count(action["domain"]), 4)

    def test_copy_without_previous_targets(self):
        with self.assertRaisesRegex(UserError, "no target to copy"):
            self.Target.copy_from_previous_period("2025-06-01", "2025-06-30")

    def test_overlapping_target_refused(self):
        with self.assertRaisesRegex(ValidationError, "already a target"):
            self.Target.create({
                "user_id": self.salesman.id, "team_id": self.team_north.id,
                "kpi": "revenue", "target": 1,
                "date_from": "2026-02-15", "date_to": "2026-03-15",
            })

    @mute_logger("odoo.sql_db")
    def test_target_needs_an_owner(self):
        with self.assertRaises(IntegrityError):
            self.Target.create({"kpi": "orders", "target": 1,
                                "date_from": "2026-04-01", "date_to": "2026-04-30"})

    def test_copy_into_a_reversed_period_refused(self):
        with self.assertRaisesRegex(UserError, "must end on or after its first day"):
            self.Target.copy_from_previous_period("2026-03-31", "2026-03-01")

    @mute_logger("odoo.sql_db")
    def test_reversed_target_period_refused(self):
        with self.assertRaises(IntegrityError):
            self.Target.create({"user_id": self.salesman_other.id, "kpi": "orders",
                                "target": 1, "date_from": "2026-04-30",
                                "date_to": "2026-04-01"})

    @mute_logger("odoo.sql_db")
    def test_negative_target_refused(self):
        with self.assertRaises(IntegrityError):
            self.Target.create({"user_id": self.salesman_other.id, "kpi": "orders",
                                "target": -1, "date_from": "2026-04-01",
                                "date_to": "2026-04-30"})

    def test_weekly_mail(self):
        self.salesman.b2b_kpi_mail = True
        self.sales_manager.b2b_kpi_mail = True
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        sent = self.env["b2b.kpi.target"].send_kpi_mail("2026-02-01", "2026-02-28")
        self.assertEqual(sent, 2)
        mails = Mail.search([]) - before
        by_recipient = {m.email_to: m for m in mails}
        self.assertEqual(set(by_recipient), {self.salesman.email, self.sales_manager.email})
        own = by_recipient[self.salesman.email].body_html
        self.assertIn("Contacts reached", own)
        self.assertIn("25%", own)
        # Counts as whole numbers, amounts with the company's currency.
        currency = self.company.currency_id
        self.assertIn(formatLang(self.env, 3000000.0, currency_obj=currency), own)
        self.assertIn(currency.symbol, own)
        self.assertNotIn("1.00<", own)
        self.assertNotIn(self.salesman_other.name, own)
        self.assertIn(self.salesman_other.name, by_recipient[self.sales_manager.email].body_html)

    def test_weekly_mail_team_leader(self):
        self.leader.b2b_kpi_mail = True
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.env["b2b.kpi.target"].send_kpi_mail("2026-02-01", "2026-02-28")
        mail = Mail.search([]) - before
        self.assertEqual(mail.email_to, self.leader.email)
        self.assertIn(self.salesman.name, mail.body_html)
        self.assertNotIn(self.salesman_other.name, mail.body_html)

    def test_weekly_mail_nobody_opted_in(self):
        self.assertEqual(
            self.env["b2b.kpi.target"].send_kpi_mail("2026-02-01", "2026-02-28"), 0
        )

    def test_cron_sends_last_week(self):
        self.leader.b2b_kpi_mail = True
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.env["b2b.kpi.target"]._cron_send_kpi_mail()
        self.assertEqual(len(Mail.search([]) - before), 1)
