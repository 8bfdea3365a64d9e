# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Smoke tests of the installed addon, as a salesperson and as a manager."""
from odoo.exceptions import AccessError

from .common import B2BCase


class TestInstall(B2BCase):
    # Under Odoo's own runner, after the install (during it the module is
    # still "to install").
    at_install = False
    post_install = True

    def test_module_installed(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "b2b_sales_delivery")]
        )
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, "11.0.2.0.2")

    def test_groups_follow_sales_groups(self):
        self.assertTrue(self.salesman.has_group("b2b_sales_delivery.group_b2b_user"))
        self.assertFalse(
            self.salesman.has_group("b2b_sales_delivery.group_b2b_manager")
        )
        self.assertTrue(
            self.sales_manager.has_group("b2b_sales_delivery.group_b2b_manager")
        )
        self.assertFalse(
            self.project_user.has_group("b2b_sales_delivery.group_b2b_user")
        )

    def test_salesman_works_in_crm(self):
        lead = (
            self.env["crm.lead"]
            .sudo(self.salesman)
            .create({"name": "Phần mềm quản lý kho", "type": "opportunity",
                     "partner_id": self.customer.id})
        )
        self.assertEqual(lead.user_id, self.salesman)
        # Configuration is for managers only.
        with self.assertRaises(AccessError):
            self.env["crm.stage"].sudo(self.salesman).create({"name": "X"})

    def test_config_menu_for_managers(self):
        menu = self.env.ref("b2b_sales_delivery.b2b_config_menu")
        self.assertEqual(menu.parent_id, self.env.ref("sale.menu_sale_config"))
        self.assertEqual(
            menu.groups_id, self.env.ref("b2b_sales_delivery.group_b2b_manager")
        )

    def test_tasks_there_before_get_customer_deadlines_without_rewrite(self):
        project = self.env["project.project"].create(
            {"name": "Before", "plan_date_start": "2026-03-02"})
        task = self.env["project.task"].create(
            {"name": "Old task", "project_id": project.id,
             "date_deadline": "2026-03-20"})
        expected = task.date_deadline_customer
        self.assertTrue(expected)
        self.env.cr.execute(
            "UPDATE project_task SET date_deadline_customer = NULL, "
            "write_date = '2020-01-01 00:00:00' WHERE id = %s", (task.id,))
        task.invalidate_cache()
        self.assertGreaterEqual(self.env["project.task"]._fill_customer_deadlines(), 1)
        self.assertEqual(task.date_deadline_customer, expected)
        self.assertEqual(task.write_date, "2020-01-01 00:00:00")

    def test_orders_there_before_get_a_draft_scope_without_rewrite(self):
        """The install adds the scope state to every order of the company
        without rewriting any: Odoo would update each order to fill it."""
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        cr = self.env.cr
        # as before the install (the addon's SQL views read the column)
        cr.execute("ALTER TABLE sale_order DROP COLUMN scope_state CASCADE")
        cr.execute("SELECT ctid FROM sale_order WHERE id = %s", (order.id,))
        place = cr.fetchone()[0]
        self.env["sale.order"]._auto_init()
        cr.execute("SELECT ctid, scope_state FROM sale_order WHERE id = %s", (order.id,))
        self.assertEqual(cr.fetchone(), (place, "draft"))  # the row was not written
        cr.execute(
            "SELECT column_default, is_nullable FROM information_schema.columns "
            "WHERE table_name = 'sale_order' AND column_name = 'scope_state'")
        self.assertEqual(cr.fetchone(), (None, "NO"))
