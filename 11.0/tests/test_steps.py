# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""States and the evidence of the steps change only through the steps:
create, write, copy, import and the kanban drop, for every user."""
from odoo.exceptions import UserError

from .common_delivery import DeliveryCase


class TestSteps(DeliveryCase):
    def assertRefused(self, step, *texts):
        with self.assertRaises(UserError) as error:
            step()
        for text in texts:
            self.assertIn(text, error.exception.name)
        return error.exception.name

    # -- contract ------------------------------------------------------
    def test_contract_state_and_date_only_through_the_steps(self):
        Contract = self.env["b2b.contract"].sudo(self.salesman)
        base = {"partner_id": self.customer.id}
        for model in (Contract, Contract.sudo()):
            self.assertRefused(lambda: model.create(dict(base, state="signed")),
                               "State", "Sign")
            self.assertRefused(
                lambda: model.create(dict(base, date_signed="2026-01-05")))
        self.assertRefused(
            lambda: Contract.with_context(default_state="done").create(dict(base)))
        contract = Contract.create(dict(base))
        self.assertRefused(lambda: contract.write({"date_signed": "2026-01-05"}),
                           "Sign")
        self.assertRefused(lambda: contract.write({"state": "signed",
                                                   "amount": 5.0}))
        result = Contract.load(
            ["partner_id/.id", "state"], [[str(self.customer.id), "signed"]])
        self.assertFalse(result["ids"])
        self.assertEqual(contract.state, "draft")

    def test_contract_kanban_drop_runs_the_step(self):
        contract = self.env["b2b.contract"].sudo(self.salesman).create(
            {"partner_id": self.customer.id, "mark_lead_won": False})
        self.assertRefused(lambda: contract.write({"state": "done"}),
                           "Close step")
        contract.write({"state": "signed"})
        self.assertEqual(contract.state, "signed")
        self.assertTrue(contract.date_signed)
        copy = contract.copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.date_signed)

    def test_contract_signing_date(self):
        contract = self.env["b2b.contract"].sudo(self.salesman).create(
            {"partner_id": self.customer.id, "mark_lead_won": False})
        self.assertRefused(lambda: contract.action_sign("2999-01-01"), "future")
        self.assertRefused(lambda: contract.action_sign("khong-phai-ngay"),
                           "must be a date")
        contract.action_sign("2026-02-16")
        self.assertEqual(contract.date_signed, "2026-02-16")

    # -- phase ---------------------------------------------------------
    def test_phase_state_only_through_the_steps(self):
        Phase = self.env["b2b.phase"].sudo(self.project_manager)
        base = {"project_id": self.project.id, "name": "GĐ"}
        for model in (Phase, Phase.sudo()):
            self.assertRefused(lambda: model.create(dict(base, state="accepted")))
        self.assertRefused(
            lambda: Phase.with_context(default_state="to_accept").create(dict(base)))
        phase = self.phase.sudo(self.project_user)
        for state in ("accepted", "planned"):
            self.assertRefused(lambda: phase.write({"state": state}),
                               "accepted acceptance minutes")
        # Dropped in "In Progress": the start, with its rules.
        self.env["b2b.resource.line"].create({
            "project_id": self.project.id, "category": "people",
            "name": "Quay phim"})
        self.assertRefused(lambda: phase.write({"state": "in_progress"}),
                           "not ready")
        # A context key sent over RPC does not start it anyway.
        self.assertRefused(
            lambda: phase.with_context(b2b_start_unready=True).action_start(),
            "not ready")
        phase.action_start_anyway()
        self.assertEqual(phase.state, "in_progress")
        phase.write({"state": "to_accept"})
        self.assertEqual(phase.state, "to_accept")

    # -- weekly goal ---------------------------------------------------
    def test_weekly_goal_state_only_through_the_steps(self):
        Goal = self.env["b2b.weekly.goal"].sudo(self.project_user)
        base = {"project_id": self.project.id, "name": "Chốt kịch bản",
                "week_start": "2026-03-02"}
        self.assertRefused(lambda: Goal.create(dict(base, state="done")))
        self.assertRefused(lambda: Goal.sudo().create(dict(base, state="missed")))
        goal = Goal.create(base)
        self.assertRefused(lambda: goal.write({"state": "done"}),
                           "Write the result")
        self.assertRefused(lambda: goal.write({"state": "done", "result": "OK"}))
        goal.result = "Khách đã duyệt"
        goal.write({"state": "done"})
        self.assertEqual(goal.state, "done")
        self.assertEqual(goal.copy().state, "todo")

    # -- change request, scope, derived facts --------------------------
    def test_change_request_created_in_its_first_state(self):
        Change = self.env["b2b.change.request"].sudo(self.salesman)
        base = {"order_id": self.order.id, "name": "Thêm 1 video"}
        for values in ({"state": "approved"}, {"decided_by": "Khách"},
                       {"date_decided": "2026-01-01 00:00:00"}):
            for model in (Change, Change.sudo()):
                self.assertRefused(lambda: model.create(dict(base, **values)))
        change = Change.create(base)
        self.assertRefused(lambda: change.write({"state": "approved"}),
                           "only through its actions")

    def test_scope_created_unconfirmed(self):
        Order = self.env["sale.order"].sudo(self.salesman)
        base = {"partner_id": self.customer.id}
        for values in ({"scope_state": "confirmed"},
                       {"scope_confirmed_by": "Khách"},
                       {"scope_date_confirmed": "2026-01-01 00:00:00"}):
            for model in (Order, Order.sudo()):
                self.assertRefused(lambda: model.create(dict(base, **values)),
                                   "scope status")
        self.assertRefused(
            lambda: Order.with_context(default_scope_state="confirmed").create(
                dict(base)))

    def test_proposal_date_is_a_fact(self):
        Order = self.env["sale.order"].sudo(self.salesman)
        base = {"partner_id": self.customer.id}
        self.assertRefused(lambda: Order.create(
            dict(base, b2b_date_proposal="2026-01-01 00:00:00")), "proposal")
        order = Order.create(base)
        self.assertRefused(lambda: order.sudo().write(
            {"b2b_date_proposal": "2026-01-01 00:00:00"}), "proposal")

    def test_new_partner_flag_is_worked_out(self):
        lead = self.env["crm.lead"].create(
            {"name": "Gặp mặt", "type": "opportunity",
             "partner_id": self.customer.id, "user_id": self.salesman.id})
        Touchpoint = self.env["b2b.touchpoint"].sudo(self.salesman)
        base = {"lead_id": lead.id, "kind": "meeting",
                "date": "2026-03-02 09:00:00"}
        self.assertRefused(lambda: Touchpoint.create(
            dict(base, kind="call", is_new_partner=True)), "new partner")
        first = Touchpoint.create(base)
        self.assertTrue(first.is_new_partner)
        self.assertRefused(lambda: first.write({"is_new_partner": False}),
                           "new partner")
        self.assertRefused(lambda: first.sudo().write({"is_new_partner": False}))
