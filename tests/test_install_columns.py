# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installing on a company's full tables rewrites none of their rows: the
addon's columns with a default are added by the catalog (existing rows read
the default, none updated), the tasks' customer deadline is computed only
for the tasks that have one (models/install_columns.py, utils/install.py).
Each test drops a column inside its transaction, runs the model's schema
step as Odoo's install does, and checks the rows where they lie (``ctid``:
an update moves a row)."""

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestInstallColumns(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.partner = env["res.partner"].create({"name": "Công ty TNHH Đại Phát"})
        cls.leads = env["crm.lead"].create(
            [{"name": "Cơ hội %d" % i, "type": "opportunity"} for i in range(3)]
        )
        cls.orders = env["sale.order"].create(
            [{"partner_id": cls.partner.id} for _i in range(2)]
        )
        cls.project = env["project.project"].create(
            {"name": "Triển khai ERP", "buffer_mode": "days", "buffer_days": 3}
        )
        cls.task_due = env["project.task"].create(
            {"name": "Khảo sát", "project_id": cls.project.id, "date_deadline": "2026-03-02"}
        )
        cls.task_open = env["project.task"].create(
            {"name": "Đào tạo", "project_id": cls.project.id}
        )
        cls.task_private = env["project.task"].create(
            {"name": "Ghi chú riêng", "date_deadline": "2026-03-02"}
        )

    def _before_the_addon(self, records, column):
        """Drop ``column`` as the table was before the addon; the rows'
        places."""
        self.env.flush_all()
        self.env.cr.execute(SQL(
            "ALTER TABLE %s DROP COLUMN %s",
            SQL.identifier(records._table), SQL.identifier(column),
        ))
        self.env.invalidate_all()
        return self._places(records)

    def _schema_step(self, records):
        """What installing the addon does to the model's table."""
        self.registry.init_models(
            self.env.cr, [records._name], {"module": "b2b_sales_delivery"}, install=False
        )

    def _places(self, records):
        self.env.cr.execute(SQL(
            "SELECT id, ctid::text FROM %s WHERE id IN %s ORDER BY id",
            SQL.identifier(records._table), tuple(records.ids),
        ))
        return self.env.cr.fetchall()

    def test_default_columns_read_the_default_without_an_update(self):
        for records, column, default in (
            (self.leads, "b2b_budget_status", "unknown"),
            (self.orders, "scope_state", "draft"),
            (self.project, "buffer_mode", "max"),
            (self.project, "review_cadence", "weekly"),
        ):
            with self.subTest(column=column):
                places = self._before_the_addon(records, column)
                self._schema_step(records)
                self.assertEqual(self._places(records), places, "rows updated")
                self.assertEqual(set(records.mapped(column)), {default})
                # a new row gets its value from the ORM, as before
                self.env.cr.execute(SQL(
                    "SELECT column_default FROM information_schema.columns"
                    " WHERE table_name = %s AND column_name = %s",
                    records._table, column,
                ))
                self.assertEqual(self.env.cr.fetchone(), (None,))

    def test_customer_deadline_computed_for_the_tasks_with_a_deadline(self):
        tasks = self.task_due | self.task_open | self.task_private
        expected = self.task_due.date_deadline_customer
        self.assertTrue(expected)
        due, open_task, private = self._before_the_addon(tasks, "date_deadline_customer")
        self._schema_step(tasks)
        after = self._places(tasks)
        self.assertNotEqual(after[0], due, "the task with a deadline is computed")
        self.assertEqual(after[1:], [open_task, private], "the others are left alone")
        self.env.invalidate_all()
        self.assertEqual(self.task_due.date_deadline_customer, expected)
        self.assertFalse(self.task_open.date_deadline_customer)
        self.assertFalse(self.task_private.date_deadline_customer)
