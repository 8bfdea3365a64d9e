# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shared public models the features build on."""
import glob
import os
import re

from .common import B2BCase, accept_by_customer


class TestSkeleton(B2BCase):
    def test_contract_number_from_sequence(self):
        contract = self.env["b2b.contract"].create({"partner_id": self.customer.id})
        self.assertTrue(contract.name.startswith("HD/"), contract.name)

    def test_create_project_once(self):
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        project_id = order.action_create_project()
        self.assertEqual(order.project_ids.ids, [project_id])
        self.assertEqual(order.action_create_project(), project_id)
        self.assertEqual(order.project_ids.sale_order_id, order)

    def test_extend_plan_moves_open_dates(self):
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        order.action_confirm()
        project = self.env["project.project"].browse(order.action_create_project())
        phase = self.env["b2b.phase"].create(
            {"project_id": project.id, "name": "P1", "date_deadline": "2026-03-02"}
        )
        accepted = self.env["b2b.phase"].create(
            {"project_id": project.id, "name": "P0", "date_deadline": "2026-02-02"}
        )
        accept_by_customer(self.env["b2b.acceptance"].create({
            "phase_id": accepted.id, "item_ids": [(0, 0, {"name": "P0"})]}))
        self.assertEqual(accepted.state, "accepted")
        project.extend_plan(5)
        self.assertEqual(phase.date_deadline, "2026-03-07")
        self.assertEqual(accepted.date_deadline, "2026-02-02")

    def test_every_test_module_runs_under_odoo(self):
        """Odoo's runner runs the test modules that tests/__init__.py imports
        (pytest finds them by name): none is left out."""
        folder = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(folder, "__init__.py"), encoding="utf-8") as init:
            imported = set(re.findall(r"^from \. import (\w+)$", init.read(), re.M))
        for path in glob.glob(os.path.join(folder, "test_*.py")):
            name = os.path.basename(path)[:-3]
            self.assertIn(name, imported, "tests/__init__.py does not import it")
