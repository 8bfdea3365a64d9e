# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contracts and indicators over XML-RPC and JSON-2: the same rules as a
click, answers both protocols carry."""

from odoo.tests import HttpCase, tagged

from . import test_rpc
from .common_kpi import KpiCase


@tagged("post_install", "-at_install")
class TestKpiRpc(HttpCase, KpiCase):
    # The integrator's two roads, as in test_rpc (its tests are not re-run).
    call = test_rpc.TestRpc.call
    json2 = test_rpc.TestRpc.json2
    assertFault = test_rpc.TestRpc.assertFault

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Hợp đồng", stage=cls.stage_quotation)
        cls.send_quotation(cls.lead).user_id = cls.salesman
        cls.proposal = cls.send_proposal(cls.lead)

    def test_xmlrpc_contract_steps(self):
        contract_id = self.call(self.salesman, "crm.lead", "create_b2b_contract", [self.lead.id])
        self.assertIsInstance(contract_id, int)
        self.assertFault(
            lambda: self.call(
                self.salesman, "b2b.contract", "write", [contract_id], {"state": "signed"}
            ),
            "change only through its buttons",
        )
        self.assertFault(
            lambda: self.call(
                self.salesman, "crm.lead", "write", [self.lead.id],
                {"stage_id": self.stage_won.id},
            ),
            '- A contract signed (stage "Quotation Sent")',
        )
        self.assertIs(
            self.call(self.salesman, "b2b.contract", "action_sign", [contract_id], "2026-03-10"),
            True,
        )
        self.assertIs(
            self.call(self.salesman, "crm.lead", "action_set_won", [self.lead.id]), True
        )
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.stage_id, self.stage_won)
        (proposal_count,) = self.call(
            self.salesman, "crm.lead", "read", [self.lead.id], ["proposal_count"]
        )
        self.assertEqual(proposal_count["proposal_count"], 1)

    def test_indicators_over_both_apis(self):
        self.sign_contract(self.lead, "2026-03-10")
        rows = self.call(
            self.sales_manager, "b2b.kpi.target", "get_kpi_values", "2026-03-01", "2026-03-31"
        )
        self.assertIn(
            {"user_id": self.salesman.id, "kpi": "contracts", "actual": 1, "target": 0.0},
            rows,
        )
        self.assertFault(
            lambda: self.call(
                self.salesman, "b2b.kpi.target", "get_kpi_values", "2026-03-01",
                "2026-03-31", [self.sales_manager.id],
            ),
            "reads their own indicators only",
        )
        response = self.json2(
            self.salesman, "b2b.kpi.target", "get_kpi_values",
            date_from="2026-03-01", date_to="2026-03-31",
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            {(row["user_id"], row["kpi"]) for row in response.json() if row["actual"]},
            {(self.salesman.id, "contracts")},
        )
        response = self.json2(
            self.sales_manager, "b2b.kpi.target", "get_kpi_values",
            date_from="31/03/2026", date_to="2026-03-31",
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertIn("YYYY-MM-DD", response.json()["message"])

    def test_proposal_steps_over_both_apis(self):
        """The proposal's facts refused over RPC as on the form; its steps
        answer what XML-RPC and JSON-2 carry."""
        proposal_id = self.proposal.id
        self.assertFault(
            lambda: self.call(
                self.salesman, "b2b.proposal", "write", [proposal_id], {"state": "accepted"}
            ),
            "change only through its buttons",
        )
        self.assertFault(
            lambda: self.call(self.salesman, "b2b.proposal", "action_accept", [proposal_id]),
            "only the customer decides it",
        )
        revision_id = self.call(
            self.salesman, "b2b.proposal", "action_revise", [proposal_id], "Đổi giá"
        )
        self.assertIsInstance(revision_id, int)
        response = self.json2(
            self.salesman, "b2b.proposal", "action_send_mail", ids=[proposal_id]
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertIs(response.json(), True)
        self.proposal.invalidate_recordset()
        self.assertEqual((self.proposal.state, self.proposal.revision), ("sent", 1))
