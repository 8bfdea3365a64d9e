# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An opportunity won outside the B2B pipeline does not enter it without a
signed contract: moving it to another team and back wins nothing."""
from odoo.exceptions import UserError

from .common_crm import B2BCrmCase


class TestCrmTeamWin(B2BCrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Team = cls.env["crm.team"]
        cls.team_b2b = Team.create({"name": "B2B", "b2b_use_pipeline": True})
        cls.team_other = Team.create({"name": "Retail", "b2b_use_pipeline": False})
        cls.crm_won = cls.env.ref("crm.stage_lead4")

    def won_elsewhere(self):
        """A B2B opportunity moved to the other team and won there."""
        lead = self.create_lead("Minh Phát - ERP", team_id=self.team_b2b.id)
        lead.sudo(self.salesman).write({"team_id": self.team_other.id})
        lead.sudo(self.salesman).write({"stage_id": self.crm_won.id})
        self.assertEqual(lead.probability, 100)
        return lead

    def test_back_to_the_b2b_team_needs_a_signed_contract(self):
        lead = self.won_elsewhere()
        for user in (self.salesman, self.sales_manager, self.env.user):  # sudo too
            with self.assertRaises(UserError) as error:
                lead.sudo(user).write({"team_id": self.team_b2b.id})
            self.assertIn("won without a signed contract", error.exception.name)
        with self.assertRaises(UserError):
            lead.sudo(self.salesman).write(
                {"team_id": self.team_b2b.id, "probability": 100})
        self.assertEqual(lead.team_id, self.team_other)

    def test_import_back_to_the_b2b_team_is_refused(self):
        lead = self.won_elsewhere()
        result = self.env["crm.lead"].sudo(self.salesman).load(
            [".id", "team_id/.id"], [[str(lead.id), str(self.team_b2b.id)]])
        self.assertFalse(result["ids"])
        self.assertIn("won without a signed contract",
                      " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(lead.team_id, self.team_other)

    def test_reopened_or_signed_it_may_come_back(self):
        lead = self.won_elsewhere()
        # Into the B2B pipeline at its first stage: no longer won.
        lead.sudo(self.salesman).write(
            {"team_id": self.team_b2b.id, "stage_id": self.stage_contact.id})
        self.assertEqual(lead.team_id, self.team_b2b)
        self.assertLess(lead.probability, 100)
        other = self.won_elsewhere()
        self.env["b2b.contract"].create({
            "partner_id": self.customer.id, "lead_id": other.id,
            "mark_lead_won": False,
        }).action_sign()
        other.sudo(self.salesman).write({"team_id": self.team_b2b.id})
        self.assertEqual(other.team_id, self.team_b2b)
