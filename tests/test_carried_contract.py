# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_contract): contracts follow the orders' rules: a
salesperson works on their own (or unassigned) contracts, "all leads" and
managers on every one."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import B2bPipelineCase


class TestCarriedContract(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_leads = new_test_user(
            cls.env,
            login="b2b_carried_all_leads",
            groups="sales_team.group_sale_salesman_all_leads",
            name="Phan Thị Lan",
        )
        cls.contract = (
            cls.env["b2b.contract"].with_user(cls.salesman).create({"partner_id": cls.customer.id})
        ).with_env(cls.env)
        cls.unassigned = cls.env["b2b.contract"].create({"partner_id": cls.customer.id, "user_id": False})

    def found(self, user):
        return self.env["b2b.contract"].with_user(user).search([("id", "in", (self.contract | self.unassigned).ids)])

    def test_salesman_sees_own_contracts_only(self):
        self.assertEqual(self.contract.user_id, self.salesman)
        self.assertEqual(self.found(self.salesman), self.contract | self.unassigned)
        self.assertEqual(self.found(self.salesman_other), self.unassigned)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.contract.with_user(self.salesman_other).read(["name"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.contract.with_user(self.salesman_other).write({"note": "Không phải của tôi"})
        for user in (self.all_leads, self.sales_manager):
            self.assertEqual(self.found(user), self.contract | self.unassigned)
