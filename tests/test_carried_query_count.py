# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project's smart buttons and the contract's figures take a fixed
number of queries, whatever the number of records: reading them for eight
projects (six contracts) costs what it costs for two."""

from .common_delivery import DeliveryCase

ADDON = "b2b_sales_delivery"


class TestCarriedQueryCount(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.projects = env["project.project"].create(
            [{"name": "Dự án %s" % index, "partner_id": cls.customer.id} for index in range(8)]
        )
        for index, project in enumerate(cls.projects):
            env["b2b.resource.line"].create(
                [
                    {"project_id": project.id, "name": "R%s" % number, "is_ready": bool(number % 2)}
                    for number in range(index + 1)
                ]
            )
            env["b2b.question"].create(
                [{"project_id": project.id, "name": "Q%s" % number} for number in range(index + 1)]
            )
        cls.contracts = (
            env["b2b.contract"]
            .with_user(cls.salesman)
            .create([{"partner_id": cls.customer.id} for _index in range(6)])
            .with_env(env)
        )
        for contract in cls.contracts:
            order = cls.create_order(cls.service)
            order.b2b_contract_id = contract
        Project = env["project.project"]
        cls.counters = sorted(
            name
            for name, field in Project._fields.items()
            if field._module == ADDON
            and field.type == "integer"
            and not field.store
            and name.endswith("_count")
        )

    def count_queries(self, records, names):
        records.invalidate_recordset()
        records.read(names)  # warm-up: access rights and rules cached
        records.invalidate_recordset()
        before = self.cr.sql_log_count
        records.read(names)
        return self.cr.sql_log_count - before

    def assert_bounded(self, few, many, names, bound):
        queries = self.count_queries(few, names)
        self.assertLessEqual(queries, bound, names)
        many.invalidate_recordset()
        many.read(names)
        many.invalidate_recordset()
        with self.assertQueryCount(queries):
            many.read(names)

    def test_counters_bounded(self):
        self.assertGreaterEqual(len(self.counters), 6, self.counters)
        projects = self.projects.with_user(self.project_manager)
        # One query per counter at most, plus the project's own read.
        self.assert_bounded(projects[:2], projects, self.counters, len(self.counters) + 1)
        self.assertEqual(
            projects.mapped("resource_line_count"), list(range(1, 9))
        )

    def test_contract_figures_in_bounded_queries(self):
        contracts = self.contracts.with_user(self.salesman)
        names = ["order_count", "amount_untaxed", "project_count"]
        self.assert_bounded(contracts[:2], contracts, names, 4)
        self.assertEqual(contracts.mapped("order_count"), [1] * 6)
