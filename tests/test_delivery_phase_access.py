# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A quotation's phases are changed only by who may change the quotation."""

from datetime import date

from odoo.exceptions import AccessError

from .common_delivery import DeliveryCase


class TestPhaseQuotationAccess(DeliveryCase):
    def test_another_salesperson_cannot_change_the_phases(self):
        phase = self.phase_script.with_user(self.salesman_other)
        with self.assertRaises(AccessError):
            phase.write({"name": "Kịch bản mới"})
        with self.assertRaises(AccessError):
            phase.write({"date_deadline": date(2026, 4, 1)})
        with self.assertRaises(AccessError):
            phase.unlink()
        with self.assertRaises(AccessError):
            self.env["b2b.phase"].with_user(self.salesman_other).create(
                {"order_id": self.order.id, "name": "Dựng phim", "sequence": 3}
            )
        self.assertEqual(self.phase_script.name, "Kịch bản")
        self.assertEqual(len(self.order.phase_ids), 2)

    def test_a_phase_is_not_moved_onto_another_salesperson_quotation(self):
        other_order = self.create_order(self.service, user=self.salesman_other)
        other_phase = self.create_phases(other_order, user=self.salesman_other)[0]
        with self.assertRaises(AccessError):
            other_phase.with_user(self.salesman_other).write({"order_id": self.order.id})
        self.assertEqual(other_phase.order_id, other_order)

    def test_the_quotation_salesperson_changes_the_phases(self):
        self.phase_script.with_user(self.salesman).write({"name": "Kịch bản chi tiết"})
        self.assertEqual(self.phase_script.name, "Kịch bản chi tiết")
        self.phase_shooting.with_user(self.salesman).unlink()
        self.assertEqual(self.order.phase_ids, self.phase_script)

    def test_the_project_governs_the_phases_of_a_confirmed_order(self):
        self.confirm(self.order)
        self.phase_script.with_user(self.project_manager).write(
            {"date_deadline": date(2026, 3, 20)}
        )
        self.assertEqual(self.phase_script.date_deadline, date(2026, 3, 20))
