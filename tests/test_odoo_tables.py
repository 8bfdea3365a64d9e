# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The addon's columns on Odoo's own tables never refuse a row that Odoo's
own code writes without them: Odoo runs a module's code with the modules
loaded so far (an upgrade of ``sale`` or ``project``, their at-install
tests), where the addon's defaults are not known, so such a column must
accept NULL."""

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

ADDON = "b2b_sales_delivery"


@tagged("post_install", "-at_install")
class TestOdooTables(TransactionCase):
    def test_columns_on_odoo_tables_accept_null(self):
        checked, refusing = [], []
        for model in self.env.registry.values():
            # Odoo's models only: the addon's own tables are its own.
            if model._original_module == ADDON or model._abstract or not model._auto:
                continue
            for name, field in model._fields.items():
                if field._module != ADDON or not field.store or not field.column_type:
                    continue
                self.env.cr.execute(
                    "SELECT is_nullable FROM information_schema.columns "
                    "WHERE table_name = %s AND column_name = %s",
                    (model._table, name),
                )
                row = self.env.cr.fetchone()
                checked.append(f"{model._name}.{name}")
                if row and row[0] == "NO":
                    refusing.append(f"{model._name}.{name}")
        self.assertIn("sale.order.scope_state", checked)
        self.assertIn("project.project.buffer_mode", checked)
        self.assertEqual(refusing, [], "NOT NULL columns of the addon on Odoo's tables")

    def test_rows_without_the_addon_values_read_as_the_defaults(self):
        project = self.env["project.project"].create(
            {"name": "Tòa nhà A", "plan_date_start": "2026-03-02"}
        )
        task = self.env["project.task"].create(
            {"name": "Móng", "project_id": project.id, "date_deadline": "2026-04-01"}
        )
        customer_date = task.date_deadline_customer
        self.assertTrue(customer_date)
        # A project Odoo's own code inserted without the addon's columns.
        self.env.cr.execute(
            "UPDATE project_project SET buffer_mode = NULL, review_cadence = NULL "
            "WHERE id = %s",
            (project.id,),
        )
        self.env.invalidate_all()
        task.date_deadline = "2026-04-02"
        task.date_deadline = "2026-04-01"
        self.assertEqual(task.date_deadline_customer, customer_date)
        with self.assertRaisesRegex(UserError, "no review cadence"):
            project.action_b2b_schedule_reviews()
