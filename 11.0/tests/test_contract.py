# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contracts: numbered, signed (winning the opportunity), linked both ways
to opportunity, orders and projects; proposals counted on the opportunity."""
import odoo
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import B2BCase
from .common_scope import SCAN, create_opportunity, create_scope_order

# Queries to compute the figure for any number of contracts, as salesperson.
ORDER_COUNT_QUERIES = 6
PROJECT_COUNT_QUERIES = 6
PROPOSAL_COUNT_QUERIES = 3


class TestContract(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = create_opportunity(
            cls.env, cls.customer, cls.salesman,
            team_id=cls.env.ref("sales_team.team_sales_department").id,
        )
        cls.Contract = cls.env["b2b.contract"].sudo(cls.salesman)

    def _contract(self, **values):
        vals = {"partner_id": self.customer.id, "lead_id": self.lead.id,
                "amount": 480000000.0}
        vals.update(values)
        return self.Contract.create(vals)

    def test_numbered_by_sequence_and_owned_by_salesman(self):
        first, second = self._contract(), self._contract()
        self.assertRegex(first.name, r"^HD/\d{4}/\d{4}$")
        self.assertNotEqual(first.name, second.name)
        self.assertEqual(first.user_id, self.salesman)
        self.assertEqual(first.state, "draft")

    def test_sign_dates_it_and_wins_the_opportunity(self):
        contract = self._contract()
        contract.action_negotiate()
        self.assertEqual(contract.state, "negotiation")
        self.assertIs(contract.action_sign(), True)
        self.assertEqual(contract.state, "signed")
        self.assertTrue(contract.date_signed)
        self.assertEqual(self.lead.probability, 100.0)
        self.assertEqual(self.lead.stage_id, self.env.ref("b2b_sales_delivery.crm_stage_contract"))

    def test_sign_keeps_a_given_date_and_may_leave_the_lead(self):
        contract = self._contract(mark_lead_won=False)
        contract.action_sign("2026-02-16")
        self.assertEqual(contract.date_signed, "2026-02-16")
        self.assertLess(self.lead.probability, 100.0)

    def test_sign_date_given_over_rpc(self):
        """XML-RPC passes the date as a positional argument after the ids."""
        contract = self._contract(mark_lead_won=False)
        result = odoo.api.call_kw(
            self.Contract, "action_sign", [contract.ids, "2026-02-17"], {}
        )
        self.assertIs(result, True)
        self.assertEqual(contract.date_signed, "2026-02-17")

    def test_state_flow_is_guarded(self):
        contract = self._contract()
        with self.assertRaisesRegex(UserError, "cannot go from Draft to In Progress"):
            contract.action_start()
        contract.action_sign()
        contract.action_start()
        # nothing ordered yet: only a sales manager closes it, with a reason
        contract.sudo(self.sales_manager).action_close(reason="Dự án tạm dừng")
        self.assertEqual(contract.state, "done")
        with self.assertRaisesRegex(UserError, "cannot go from Done to Cancelled"):
            contract.action_cancel()

    def test_dates_and_customer_checked(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._contract(date_start="2026-03-01", date_end="2026-02-01")
        other = self.env["res.partner"].create({"name": "Công ty Bình Minh"})
        with self.assertRaisesRegex(ValidationError, "belongs to another customer"):
            self._contract(partner_id=other.id)
        contract = self._contract()
        order = create_scope_order(self.env, other, self.salesman)
        with self.assertRaisesRegex(ValidationError, "with another customer"):
            order.sudo(self.salesman).write({"b2b_contract_id": contract.id})

    def test_orders_projects_and_smart_buttons(self):
        contract = self._contract()
        orders = create_scope_order(
            self.env, self.customer, self.salesman, price=300.0,
            b2b_contract_id=contract.id,
        ) | create_scope_order(
            self.env, self.customer, self.salesman, price=200.0,
            b2b_contract_id=contract.id,
        )
        for order in orders:  # sale 11 confirms one order at a time
            order.sudo(self.salesman).action_confirm_scope(
                via="email", signed_copy=SCAN)
            order.sudo().action_confirm()
        orders[0].sudo().action_create_project()
        orders[1].sudo().action_create_project()
        contract = contract.sudo(self.salesman)
        self.assertEqual(contract.sale_order_ids, orders)
        self.assertEqual(contract.order_count, 2)
        self.assertEqual(contract.amount_orders, 500.0)
        self.assertEqual(contract.project_count, 2)
        self.assertEqual(orders[0].project_count, 1)
        action = contract.action_view_orders()
        self.assertEqual(self.env["sale.order"].search(action["domain"]), orders)
        action = contract.action_view_projects()
        self.assertEqual(
            self.env["project.project"].search(action["domain"]), orders.mapped("project_ids")
        )
        self.assertEqual(contract.action_view_lead()["res_id"], self.lead.id)
        self.assertEqual(orders[0].action_view_b2b_contract()["res_id"], contract.id)
        self.assertEqual(orders[0].action_view_projects()["res_id"],
                         orders[0].project_ids.id)
        lead = self.lead.sudo(self.salesman)
        self.assertEqual(lead.b2b_contract_count, 1)
        action = lead.action_view_b2b_contracts()
        self.assertEqual(self.env["b2b.contract"].search(action["domain"]), contract)

    def _count_queries(self, records, field):
        records.invalidate_cache()
        records.mapped(field)  # warm-up
        records.invalidate_cache()
        before = self.cr.sql_log_count
        records.mapped(field)
        return self.cr.sql_log_count - before

    def test_contract_figures_in_bounded_queries(self):
        contracts = self.Contract
        counts = []
        for _round in range(2):
            for _index in range(3):
                contract = self._contract()
                create_scope_order(self.env, self.customer, self.salesman,
                                   b2b_contract_id=contract.id)
                contracts |= contract
            counts.append((self._count_queries(contracts, "order_count"),
                           self._count_queries(contracts, "project_count")))
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(counts[0], (ORDER_COUNT_QUERIES, PROJECT_COUNT_QUERIES))
        self.assertEqual(contracts.mapped("order_count"), [1] * 6)

    def test_salesman_sees_own_contracts_only(self):
        contract = self._contract()
        Other = self.env["b2b.contract"].sudo(self.salesman_other)
        self.assertFalse(Other.search([("id", "=", contract.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            contract.sudo(self.salesman_other).read(["name"])
        self.assertEqual(
            self.env["b2b.contract"].sudo(self.sales_manager).search(
                [("id", "=", contract.id)]), contract
        )

    def test_project_opens_its_order_and_contract(self):
        contract = self._contract()
        order = create_scope_order(self.env, self.customer, self.salesman,
                                   b2b_contract_id=contract.id)
        order.sudo(self.salesman).action_confirm_scope(via="email", signed_copy=SCAN)
        project = self.env["project.project"].browse(order.sudo().action_create_project())
        for xml_id, model, record in (
            ("project_project_action_open_sale_order", "sale.order", order),
            ("project_project_action_open_contract", "b2b.contract", contract),
        ):
            action = self.env.ref("b2b_sales_delivery.%s" % xml_id).sudo(
                self.salesman
            ).with_context(active_model="project.project", active_id=project.id,
                           active_ids=project.ids).run()
            self.assertEqual(action["res_model"], model)
            found = action.get("res_id") or self.env[model].search(action["domain"]).id
            self.assertEqual(found, record.id)


class TestProposal(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = create_opportunity(cls.env, cls.customer, cls.salesman)

    def _quotation(self, **values):
        return create_scope_order(
            self.env, self.customer, self.salesman, opportunity_id=self.lead.id,
            **values
        ).sudo(self.salesman)

    def test_sent_through_the_composer_counts_once(self):
        order = self._quotation()
        self.assertFalse(order.b2b_date_proposal)
        action = order.action_quotation_send()
        composer = self.env["mail.compose.message"].sudo(self.salesman).with_context(
            action["context"]
        ).create({})
        composer.onchange_template_id_wrapper()
        composer.send_mail()
        self.assertEqual(order.state, "sent")
        first = order.b2b_date_proposal
        self.assertTrue(first)
        order.force_quotation_send()
        self.assertEqual(order.b2b_date_proposal, first)
        self.assertEqual(self.lead.sudo(self.salesman).b2b_proposal_count, 1)

    def test_force_send_counts(self):
        order = self._quotation()
        order.force_quotation_send()
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.b2b_date_proposal)

    def test_quotation_without_opportunity_is_no_proposal(self):
        order = create_scope_order(self.env, self.customer, self.salesman)
        order.sudo(self.salesman).force_quotation_send()
        self.assertEqual(order.state, "sent")
        self.assertFalse(order.b2b_date_proposal)

    def test_draft_quotations_do_not_count(self):
        self._quotation()
        self._quotation().force_quotation_send()
        self._quotation().force_quotation_send()
        lead = self.lead.sudo(self.salesman)
        self.assertEqual(lead.b2b_proposal_count, 2)
        action = lead.action_view_b2b_proposals()
        self.assertEqual(len(self.env["sale.order"].search(action["domain"])), 2)

    def test_proposal_count_in_bounded_queries(self):
        leads = self.lead.sudo(self.salesman)
        measured = []
        for _round in range(2):
            for index in range(3):
                lead = create_opportunity(
                    self.env, self.customer, self.salesman, name="Lead %s" % index
                )
                create_scope_order(self.env, self.customer, self.salesman,
                                   opportunity_id=lead.id).force_quotation_send()
                leads |= lead.sudo(self.salesman)
            leads.invalidate_cache()
            leads.mapped("b2b_proposal_count")  # warm-up
            leads.invalidate_cache()
            before = self.cr.sql_log_count
            counts = leads.mapped("b2b_proposal_count")
            measured.append(self.cr.sql_log_count - before)
        self.assertEqual(measured, [PROPOSAL_COUNT_QUERIES] * 2)
        self.assertEqual(counts, [0] + [1] * 6)
