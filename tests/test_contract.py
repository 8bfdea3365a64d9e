# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contracts: numbered, signed, done and cancelled through their steps only;
their orders of the same customer and company; the opportunity won only
with a signed contract, on every road; proposals counted once; the PDF."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import B2bPipelineCase

HOW_CONTRACT = (
    "create the contract with the New Contract button of the opportunity, then "
    "sign it"
)


@tagged("post_install", "-at_install")
class TestContract(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contract = cls.env["b2b.contract"].with_user(cls.salesman)
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Công ty CP Thương mại Hòa Bình", "is_company": True}
        )
        cls.lead = cls.create_lead("Minh Phát - Hợp đồng", stage=cls.stage_quotation)

    def order(self, partner=None, lead=None, state="draft", **values):
        return self.env["sale.order"].create(
            dict(
                values,
                partner_id=(partner or self.customer).id,
                user_id=self.salesman.id,
                opportunity_id=lead.id if lead else False,
                state=state,
            )
        )

    def contract(self, **values):
        return self.Contract.create(dict({"partner_id": self.customer.id}, **values))

    def assertRefused(self, step, *pieces, error=UserError):
        with self.assertRaises(error) as caught:
            step()
        for piece in pieces:
            self.assertIn(piece, str(caught.exception))
        return str(caught.exception)

    # ------------------------------------------------------------------
    # The contract and its steps
    # ------------------------------------------------------------------

    def test_numbered_by_the_sequence(self):
        first, second = self.contract(), self.contract()
        self.assertRegex(first.name, r"^HĐ/\d{4}/\d{4}$")
        self.assertNotEqual(first.name, second.name)
        self.assertEqual((first.state, first.date_signed), ("draft", False))
        copy = first.copy()
        self.assertNotEqual(copy.name, first.name)

    def test_sign_done_cancel_draft(self):
        contract = self.contract()
        self.assertIs(contract.action_sign("2026-03-10"), True)
        self.assertEqual(contract.state, "signed")
        self.assertEqual(str(contract.date_signed), "2026-03-10")
        self.assertRefused(
            lambda: contract.action_sign("2026-03-11"),
            'cannot go from "Signed" to "Signed"',
        )
        contract.action_done()
        self.assertEqual(contract.state, "done")
        self.assertRefused(contract.action_cancel, 'from "Done" to "Cancelled"')
        other = self.contract()
        other.action_sign("2026-03-10")
        other.action_cancel()
        self.assertEqual((other.state, other.date_signed), ("cancel", False))
        other.action_draft()
        self.assertEqual(other.state, "draft")

    def test_sign_date_checked(self):
        contract = self.contract()
        self.assertRefused(
            lambda: contract.action_sign("2999-01-01"), "cannot be signed in the future"
        )
        self.assertRefused(
            lambda: contract.action_sign("10/03/2026"), "YYYY-MM-DD", "'10/03/2026'"
        )
        self.assertEqual(contract.state, "draft")

    def test_state_and_date_only_through_the_steps(self):
        contract = self.contract()
        message = "change only through its buttons"
        for vals in ({"state": "signed"}, {"date_signed": "2026-03-10"}):
            self.assertRefused(lambda vals=vals: contract.write(vals), message)
            self.assertRefused(lambda vals=vals: contract.sudo().write(vals), message)
            self.assertRefused(
                lambda vals=vals: self.contract(**vals), message
            )
            # A context key a caller sends is a value, never the step's pass.
            self.assertRefused(
                lambda vals=vals: contract.with_context(
                    b2b_contract_step=True
                ).write(vals),
                message,
            )
        result = self.Contract.load(
            ["partner_id/.id", "state"], [[str(self.customer.id), "signed"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(message, result["messages"][0]["message"])
        self.assertFalse(self.Contract.search([("state", "=", "signed")]))
        contract.action_sign("2026-03-10")
        self.assertEqual(contract.copy().state, "draft")
        self.assertFalse(contract.copy().date_signed)

    def test_signed_contract_is_not_deleted(self):
        contract = self.contract()
        contract.action_sign("2026-03-10")
        manager_contract = contract.with_user(self.sales_manager)
        self.assertRefused(manager_contract.unlink, "cancel it instead")
        manager_contract.action_cancel()
        manager_contract.unlink()
        self.assertFalse(contract.exists())
        # A salesperson does not delete contracts.
        with self.assertRaises(AccessError):
            self.contract().unlink()

    def test_signed_domain_is_the_one_definition(self):
        draft, signed, done, cancelled = (self.contract() for _i in range(4))
        (signed | done | cancelled).action_sign("2026-03-10")
        done.action_done()
        cancelled.action_cancel()
        Contract = self.env["b2b.contract"]
        found = Contract.search(
            Contract._signed_domain() + [("id", "in", (draft | signed | done | cancelled).ids)]
        )
        self.assertEqual(found, signed | done)

    # ------------------------------------------------------------------
    # Orders of the contract
    # ------------------------------------------------------------------

    def test_orders_of_the_same_customer_and_company(self):
        contract = self.contract()
        contact_order = self.order(partner=self.contact_an)
        contract.sale_order_ids = [Command.link(contact_order.id)]
        self.assertEqual(contact_order.b2b_contract_id, contract)
        self.assertEqual(contract.order_count, 1)
        stranger = self.order(partner=self.other_customer)
        self.assertRefused(
            lambda: stranger.write({"b2b_contract_id": contract.id}),
            "is with another customer than the order",
            error=ValidationError,
        )
        self.assertRefused(
            lambda: contract.write({"sale_order_ids": [Command.link(stranger.id)]}),
            "is with another customer",
            error=ValidationError,
        )
        self.assertRefused(
            lambda: self.order(partner=self.other_customer, b2b_contract_id=contract.id),
            "is with another customer",
            error=ValidationError,
        )
        # The customer of the order or of the contract changed afterwards.
        self.assertRefused(
            lambda: contact_order.write({"partner_id": self.other_customer.id}),
            "is with another customer",
            error=ValidationError,
        )
        self.assertRefused(
            lambda: contract.write({"partner_id": self.other_customer.id}),
            "is with another customer",
            error=ValidationError,
        )
        other_company = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        order_elsewhere = self.order(company_id=other_company.id)
        self.assertRefused(
            lambda: order_elsewhere.write({"b2b_contract_id": contract.id}),
            "belongs to another company",
            error=ValidationError,
        )
        # A copied order is not under the contract.
        self.assertFalse(contact_order.copy().b2b_contract_id)

    def test_opportunity_of_another_customer_refused(self):
        lead = self.create_lead("Hòa Bình", partner_id=self.other_customer.id)
        self.assertRefused(
            lambda: self.contract(lead_id=lead.id),
            "is with another customer",
            error=ValidationError,
        )

    def test_contract_from_the_opportunity(self):
        sent = self.order(lead=self.lead, state="sent")
        draft = self.order(lead=self.lead)
        action = self.lead.with_user(self.salesman).action_create_b2b_contract()
        contract = self.env["b2b.contract"].browse(action["res_id"])
        self.assertEqual(
            (contract.partner_id, contract.lead_id, contract.user_id, contract.team_id),
            (self.customer, self.lead, self.salesman, self.team_b2b),
        )
        self.assertEqual(contract.sale_order_ids, sent)
        self.assertFalse(draft.b2b_contract_id)
        self.assertEqual(self.lead.b2b_contract_count, 1)
        self.assertEqual(
            self.lead.action_view_b2b_contracts()["domain"], [("lead_id", "=", self.lead.id)]
        )
        self.assertEqual(contract.action_view_orders()["domain"], [("b2b_contract_id", "=", contract.id)])
        no_customer = self.create_lead("Chưa có khách", partner_id=False)
        self.assertRefused(
            no_customer.with_user(self.salesman).create_b2b_contract,
            "Set the customer of the opportunity",
        )

    def test_form_links_an_order(self):
        contract = self.contract()
        order = self.order(lead=self.lead, state="sent")
        with Form(order.with_user(self.salesman)) as form:
            form.b2b_contract_id = contract
        self.assertEqual(contract.sale_order_ids, order)

    def test_projects_shown_from_the_orders(self):
        contract = self.contract()
        project = self.env["project.project"].create({"name": "Triển khai Minh Phát"})
        order = self.order(b2b_contract_id=contract.id, project_id=project.id)
        self.assertEqual(order.b2b_contract_id, contract)
        self.assertEqual(contract.project_count, 1)
        self.assertEqual(
            contract.action_view_projects()["domain"], [("id", "in", project.ids)]
        )

    def test_other_company_does_not_see_the_contract(self):
        other_company = self.env["res.company"].create({"name": "Chi nhánh Huế"})
        contract = self.contract()
        contract.sudo().company_id = other_company
        self.assertFalse(self.Contract.search([("id", "=", contract.id)]))

    # ------------------------------------------------------------------
    # Won only with a signed contract, on every road
    # ------------------------------------------------------------------

    def line(self):
        return '- A contract signed (stage "Quotation Sent"): ' + HOW_CONTRACT

    def test_won_needs_a_signed_contract(self):
        self.send_quotation(self.lead)
        set_won = self.lead.with_user(self.salesman).action_set_won
        self.assertRefused(set_won, '"Minh Phát - Hợp đồng", to the stage "Contract":', self.line())
        contract = self.env["b2b.contract"].browse(
            self.lead.with_user(self.salesman).create_b2b_contract()
        )
        self.assertRefused(set_won, self.line())
        contract.action_sign("2026-03-10")
        contract.action_cancel()
        self.assertRefused(set_won, self.line())
        contract.action_draft()
        contract.action_sign("2026-03-10")
        set_won()
        self.assertEqual(self.lead.stage_id, self.stage_won)
        # A done contract stays signed.
        contract.action_done()
        self.assertIn(
            self.lead.id,
            self.cp_contract._get_met_lead_ids(self.lead)[self.cp_contract.id],
        )

    def test_write_create_copy_import_refused_without_contract(self):
        self.send_quotation(self.lead)
        self.assertRefused(
            lambda: self.lead.with_user(self.salesman).write(
                {"stage_id": self.stage_won.id}
            ),
            self.line(),
        )
        self.assertRefused(
            lambda: self.lead.sudo().write({"stage_id": self.stage_won.id}), self.line()
        )
        self.assertRefused(
            lambda: self.lead.with_user(self.salesman)
            .with_context(b2b_force_stage=True, b2b_contract_step=True)
            .write({"stage_id": self.stage_won.id}),
            self.line(),
        )
        self.assertRefused(
            lambda: self.lead.with_user(self.salesman).copy(
                {"stage_id": self.stage_won.id}
            ),
            self.line(),
        )
        self.assertRefused(
            lambda: self.env["crm.lead"].with_user(self.salesman).create(
                {
                    "name": "Thẳng vào hợp đồng",
                    "type": "opportunity",
                    "team_id": self.team_b2b.id,
                    "stage_id": self.stage_won.id,
                }
            ),
            self.line(),
        )
        result = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .load([".id", "stage_id/.id"], [[str(self.lead.id), str(self.stage_won.id)]])
        )
        self.assertFalse(result["ids"])
        self.assertIn(self.line(), result["messages"][0]["message"])
        self.assertEqual(self.lead.stage_id, self.stage_quotation)
        # Another opportunity's signed contract does not count.
        other = self.create_lead("Khác", stage=self.stage_quotation)
        self.sign_contract(other)
        self.assertRefused(
            lambda: self.lead.with_user(self.salesman).write(
                {"stage_id": self.stage_won.id}
            ),
            self.line(),
        )

    def test_stage_cleared_and_team_switched_and_back(self):
        self.send_quotation(self.lead)
        self.lead.with_user(self.salesman).write({"stage_id": False})
        self.assertRefused(
            lambda: self.lead.with_user(self.salesman).write(
                {"stage_id": self.stage_won.id}
            ),
            self.line(),
        )
        lead = self.create_lead("Đi rồi về", stage=self.stage_quotation)
        self.send_quotation(lead)
        lead.with_user(self.sales_manager).team_id = self.team_other
        self.assertFalse(lead.stage_id.b2b_pipeline)
        back = {"team_id": self.team_b2b.id, "stage_id": self.stage_won.id}
        self.assertRefused(
            lambda: lead.with_user(self.sales_manager).write(back), self.line()
        )
        self.meet_stages(lead, *self.required)
        lead.with_user(self.sales_manager).write(back)
        self.assertEqual(lead.stage_id, self.stage_won)

    def test_how_to_meet(self):
        self.assertEqual(self.cp_contract.kind, "contract")
        self.assertEqual(self.cp_contract.stage_id, self.stage_quotation)
        self.assertFalse(self.cp_contract.is_optional)
        self.assertEqual(self.cp_contract._get_how_to_meet(), HOW_CONTRACT)

    # ------------------------------------------------------------------
    # Proposals
    # ------------------------------------------------------------------

    def test_quotation_sent_dated_not_a_proposal(self):
        """A quotation sent is dated once; it is not a cooperation proposal
        (those are b2b.proposal documents: tests/test_proposal.py)."""
        lead = self.create_lead("Đề xuất")
        draft = self.order(lead=lead)
        self.assertFalse(draft.b2b_date_proposal)
        draft.with_user(self.salesman).action_quotation_sent()
        self.assertTrue(draft.b2b_date_proposal)
        first_date = draft.b2b_date_proposal
        draft.with_user(self.salesman).action_confirm()
        self.assertEqual(draft.b2b_date_proposal, first_date)
        self.order(lead=lead, state="sent")
        lead.invalidate_recordset(["proposal_count"])
        self.assertEqual(lead.proposal_count, 0)

    def test_proposal_date_set_by_the_server_only(self):
        order = self.order(lead=self.lead)
        message = "recorded when the quotation is sent"
        self.assertRefused(
            lambda: order.write({"b2b_date_proposal": "2026-03-01 10:00:00"}), message
        )
        self.assertRefused(
            lambda: order.sudo().with_context(b2b_proposal_step=True).write(
                {"b2b_date_proposal": "2026-03-01 10:00:00"}
            ),
            message,
        )
        self.assertRefused(
            lambda: self.order(lead=self.lead, b2b_date_proposal="2026-03-01 10:00:00"),
            message,
        )
        order.state = "sent"
        self.assertFalse(order.copy().b2b_date_proposal)

    # ------------------------------------------------------------------
    # The PDF
    # ------------------------------------------------------------------

    def test_contract_report_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"], overwrite=True
        )
        self.customer.lang = "vi_VN"
        contract = self.contract(title="Phần mềm quản lý kho")
        self.order(b2b_contract_id=contract.id)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "b2b_sales_delivery.report_b2b_contract", contract.ids
        )
        html = html.decode()
        self.assertIn(contract.name, html)
        self.assertIn("Phần mềm quản lý kho", html)
        for term in ("Hợp đồng", "Các đơn hàng thuộc hợp đồng này", "Đại diện bên khách hàng"):
            self.assertIn(term, html)
        self.assertNotIn("Orders under this contract", html)
