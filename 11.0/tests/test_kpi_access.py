# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who reads which indicators and targets; bounded queries."""
from odoo.exceptions import AccessError

from .common_kpi import KpiCase

FEB = ("2026-02-01", "2026-02-28")
FEB_DOMAIN = [("date_from", ">=", FEB[0]), ("date_to", "<=", FEB[1])]


class TestKpiAccess(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Target = cls.env["b2b.kpi.target"]
        cls.t_own = Target.create({
            "user_id": cls.salesman.id, "kpi": "orders", "target": 3,
            "date_from": FEB[0], "date_to": FEB[1],
        })
        cls.t_other = Target.create({
            "user_id": cls.salesman_other.id, "kpi": "orders", "target": 2,
            "date_from": FEB[0], "date_to": FEB[1],
        })

    def test_salesperson_cannot_read_another_salespersons_indicators(self):
        Target = self.env["b2b.kpi.target"].sudo(self.salesman_other)
        with self.assertRaisesRegex(AccessError, "only read your own indicators"):
            Target.get_kpi_values(FEB[0], FEB[1], [self.salesman.id])

    def test_salesperson_sees_only_their_own_by_default(self):
        values = self.env["b2b.kpi.target"].sudo(self.salesman_other).get_kpi_values(*FEB)
        self.assertEqual({row["user_id"] for row in values}, {self.salesman_other.id})
        orders = [row for row in values if row["kpi"] == "orders"][0]
        self.assertEqual((orders["actual"], orders["target"]), (1, 2.0))

    def test_salesperson_cannot_read_another_salespersons_targets_or_events(self):
        Target = self.env["b2b.kpi.target"].sudo(self.salesman_other)
        self.assertEqual(Target.search(FEB_DOMAIN), self.t_other)
        with self.assertRaises(AccessError):
            Target.browse(self.t_own.id).read(["target"])
        Report = self.env["b2b.kpi.report"].sudo(self.salesman_other)
        self.assertEqual(Report.search_count([("user_id", "=", self.salesman.id)]), 0)
        self.assertEqual(
            set(Report.search([]).mapped("user_id").ids), {self.salesman_other.id}
        )
        Achievement = self.env["b2b.kpi.achievement"].sudo(self.salesman_other)
        self.assertEqual(Achievement.search(FEB_DOMAIN).ids, self.t_other.ids)

    def test_salesperson_cannot_write_targets(self):
        with self.assertRaises(AccessError):
            self.t_own.sudo(self.salesman).write({"target": 30})

    def test_team_leader_reads_their_team(self):
        Target = self.env["b2b.kpi.target"].sudo(self.leader)
        values = Target.get_kpi_values(FEB[0], FEB[1], [self.salesman.id])
        orders = [row for row in values if row["kpi"] == "orders"][0]
        self.assertEqual((orders["actual"], orders["target"]), (2, 3.0))
        self.assertEqual(Target.search(FEB_DOMAIN), self.t_own)
        with self.assertRaises(AccessError):
            Target.get_kpi_values(FEB[0], FEB[1], [self.salesman_other.id])

    def test_manager_reads_all(self):
        Target = self.env["b2b.kpi.target"].sudo(self.sales_manager)
        values = Target.get_kpi_values(*FEB)
        self.assertEqual(
            {row["user_id"] for row in values},
            {self.salesman.id, self.salesman_other.id},
        )
        self.assertEqual(Target.search(FEB_DOMAIN), self.t_own | self.t_other)


class TestKpiQueryCount(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["b2b.kpi.target"].create({
            "user_id": cls.salesman.id, "kpi": "orders", "target": 3,
            "date_from": FEB[0], "date_to": FEB[1],
        })

    def _count_queries(self, Target):
        Target.get_kpi_values(*FEB)  # warm-up: caches, rules, fields
        Target.invalidate_cache()
        before = self.cr.sql_log_count
        Target.get_kpi_values(*FEB)
        return self.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_data(self):
        users = (self.sales_manager, self.salesman)
        first = {
            user: self._count_queries(self.env["b2b.kpi.target"].sudo(user))
            for user in users
        }
        # ten times more events and targets, for more salespeople and customers
        for number in range(10):
            self._order(self.salesman, self.team_north, self.cust2, 1000 + number,
                        "2026-02-%02d 08:00:00" % (number + 10),
                        "2026-02-%02d 09:00:00" % (number + 10))
            self._order(self.salesman_other, self.team_south, self.cust3, 1000,
                        "2026-02-15 08:00:00", "2026-02-16 08:00:00")
            self._touchpoint(self.leader, self.lead_north, self.cust1,
                             "2026-02-%02d 10:00:00" % (number + 1), "call",
                             call_outcome="answered")
            self.env["b2b.kpi.target"].create({
                "user_id": (self.leader, self.salesman)[number % 2].id,
                "kpi": "revenue", "target": 1000,
                "date_from": "2026-02-%02d" % (2 * number + 1),
                "date_to": "2026-02-%02d" % (2 * number + 2),
            })
        for user in users:
            Target = self.env["b2b.kpi.target"].sudo(user)
            self.assertEqual(self._count_queries(Target), first[user], user.login)
        self.assertEqual(first[self.sales_manager], 12)
        self.assertLessEqual(first[self.salesman], 30)
