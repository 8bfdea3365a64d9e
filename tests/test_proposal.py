# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cooperation proposal: prepared from the opportunity's committee,
sent through the composer (or RPC), revised (each version sent kept, with
what changed), accepted or declined on the customer's mail, the quotation
made from the accepted one; its facts written by its steps only, on every
road; the indicator and the count on the opportunity count proposals, not
revisions nor quotations; the checkpoint "accepted proposal"; the PDF in
the customer's language; who reads what. Fixed dates."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common_kpi import KpiCase
from .common_scope import ScopeCase

MARCH = ("2026-03-01", "2026-03-31")
SENT_ON = "2026-03-05 03:00:00"
ANSWERED_ON = "Fri, 06 Mar 2026 09:00:00 +0700"
RESENT_ON = "2026-03-09 03:00:00"
STEP_REFUSAL = "change only through its buttons"


@tagged("post_install", "-at_install")
class TestProposal(KpiCase):
    customer_mail = ScopeCase.__dict__["customer_mail"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "minhphat@example.com"
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý kho")
        cls.add_stakeholder(
            cls.lead,
            cls.contact_an,
            cls.role_decision_maker,
            goal_company="Giảm tồn kho 20%",
            benefit_cost=True,
        )
        cls.Proposal = cls.env["b2b.proposal"].with_user(cls.salesman)

    def new_proposal(self, lead=None, **values):
        return self.Proposal.create(
            dict(
                {
                    "lead_id": (lead or self.lead).id,
                    "needs": "<p>Quản lý kho ba chi nhánh</p>",
                    "offer": "<p>Phần mềm quản lý kho, triển khai 3 tháng</p>",
                    "amount": 250000000,
                },
                **values,
            )
        )

    def send(self, proposal, moment=SENT_ON):
        with freeze_time(moment):
            proposal.action_send_mail()
        return proposal

    # ------------------------------------------------------------------
    # The steps
    # ------------------------------------------------------------------

    def test_prepared_from_the_opportunity(self):
        proposal = self.new_proposal()
        self.assertEqual(proposal.name, self.lead.name)
        self.assertEqual(proposal.partner_id, self.customer)
        self.assertEqual(proposal.user_id, self.salesman)
        self.assertEqual(proposal.company_id, self.lead.company_id)
        self.assertIn("Giảm tồn kho 20%", proposal.goals)
        self.assertIn(self.contact_an.name, proposal.goals)
        self.assertIn("Cost Reduction", proposal.benefits)
        self.assertEqual((proposal.state, proposal.revision), ("draft", 0))

    def test_send_revise_accept_quotation(self):
        proposal = self.send(self.new_proposal())
        self.assertEqual(proposal.state, "sent")
        self.assertEqual(str(proposal.date_first_sent), SENT_ON)
        sent = proposal.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertEqual(len(sent.attachment_ids), 1)
        self.assertEqual(sent.partner_ids, self.customer)
        self.assertEqual(self.lead.proposal_count, 1)
        # A sent proposal is changed only by revising it.
        with self.assertRaisesRegex(UserError, "revise it"):
            proposal.offer = "<p>Khác</p>"
        revision_id = proposal.action_revise("Khách muốn thêm chi nhánh Đà Nẵng")
        revision = self.env["b2b.proposal.revision"].browse(revision_id)
        self.assertEqual((revision.revision, revision.state), (0, "sent"))
        self.assertEqual(revision.changes, "Khách muốn thêm chi nhánh Đà Nẵng")
        self.assertEqual(str(revision.date_sent), SENT_ON)
        self.assertIn("triển khai 3 tháng", revision.offer)
        self.assertEqual((proposal.state, proposal.revision), ("draft", 1))
        self.assertFalse(proposal.date_sent)
        proposal.write({"amount": 300000000, "offer": "<p>Bốn chi nhánh</p>"})
        self.send(proposal, RESENT_ON)
        self.assertEqual(str(proposal.date_first_sent), SENT_ON)
        # Revised without a note: what changed is computed from the diff.
        proposal.action_revise()
        second = proposal.revision_ids.filtered(lambda r: r.revision == 1)
        self.assertEqual(second.changes, "Changed: Offer, Amount (untaxed).")
        self.send(proposal, "2026-03-11 03:00:00")
        with freeze_time("2026-03-12 03:00:00"):
            self.assertRaisesRegex(
                UserError, "only the customer decides", proposal.action_accept
            )
            message = self.customer_mail(proposal, "Đồng ý.", "Thu, 12 Mar 2026 09:00:00 +0700")
            proposal.action_accept()
        self.assertEqual(proposal.state, "accepted")
        self.assertEqual(proposal.decision_message_id, message)
        self.assertEqual(self.lead.proposal_count, 1)
        order = self.env["sale.order"].browse(proposal.action_create_quotation())
        self.assertEqual(order.opportunity_id, self.lead)
        self.assertEqual(order.b2b_proposal_id, proposal)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(proposal.quotation_count, 1)
        # The quotation sent is no second proposal.
        order.with_user(self.salesman).action_quotation_sent()
        self.lead.invalidate_recordset(["proposal_count"])
        self.assertEqual(self.lead.proposal_count, 1)
        self.assertEqual(
            self.env["b2b.proposal"].search(self.lead.action_view_proposals()["domain"]), proposal
        )

    def test_send_through_the_composer(self):
        proposal = self.new_proposal()
        action = proposal.action_send()
        composer = Form(
            self.env["mail.compose.message"].with_user(self.salesman).with_context(action["context"])
        ).save()
        with freeze_time(SENT_ON):
            composer.action_send_mail()
        self.assertEqual(proposal.state, "sent")
        self.assertEqual(str(proposal.date_sent), SENT_ON)

    def test_decline_needs_the_reason_and_the_mail(self):
        proposal = self.send(self.new_proposal())
        self.customer_mail(proposal, "Chưa phù hợp ngân sách.", ANSWERED_ON)
        self.assertRaisesRegex(UserError, "Say why", proposal.action_decline)
        proposal.action_decline("Vượt ngân sách năm nay")
        self.assertEqual(proposal.state, "declined")
        self.assertEqual(proposal.decision_reason, "Vượt ngân sách năm nay")
        self.assertRaisesRegex(
            UserError, "not accepted by the customer", proposal.action_create_quotation
        )
        proposal.action_revise("Giảm phạm vi")
        self.assertEqual((proposal.state, proposal.revision), ("draft", 1))
        self.assertFalse(proposal.decision_reason)
        self.assertEqual(proposal.revision_ids.state, "declined")

    def test_refusals(self):
        draft = self.new_proposal(offer=False)
        self.assertRaisesRegex(UserError, "Write the offer", draft.action_send_mail)
        self.assertRaisesRegex(UserError, "revised once sent or declined", draft.action_revise, "x")
        self.assertRaisesRegex(
            UserError, "not accepted by the customer", draft.action_create_quotation
        )
        self.customer.email = False
        draft.offer = "<p>Ưu đãi</p>"
        self.assertRaisesRegex(UserError, "no email address", draft.action_send_mail)
        self.customer.email = "minhphat@example.com"
        # A mail of the salesperson is not the customer's word.
        proposal = self.send(draft)
        proposal.message_post(body="Khách đồng ý qua điện thoại", message_type="comment")
        self.assertRaisesRegex(UserError, "only the customer decides", proposal.action_accept)
        # Sent twice: refused; nothing changed since the last revision: refused.
        self.assertRaisesRegex(UserError, "already sent", proposal.action_send_mail)
        proposal.action_revise("Lần đầu")
        self.send(proposal, RESENT_ON)
        self.assertRaisesRegex(UserError, "Nothing changed", proposal.action_revise)
        self.assertRaisesRegex(UserError, "was sent to the customer", proposal.unlink)
        self.assertTrue(self.new_proposal().unlink())

    def test_step_facts_on_every_road(self):
        proposal = self.new_proposal()
        for vals in (
            {"state": "accepted"},
            {"revision": 3},
            {"date_first_sent": "2026-03-01 10:00:00"},
            {"date_decided": "2026-03-01 10:00:00"},
        ):
            with self.subTest(vals=vals):
                self.assertRaisesRegex(UserError, STEP_REFUSAL, proposal.write, vals)
                self.assertRaisesRegex(
                    UserError, STEP_REFUSAL, proposal.sudo().with_context(
                        b2b_proposal_document_step=True
                    ).write, vals
                )
                self.assertRaisesRegex(UserError, STEP_REFUSAL, self.new_proposal, **vals)
        # An import saving every field with the values it has passes.
        proposal.write({"state": "draft"})
        result = self.Proposal.load(
            ["lead_id/.id", "name", "state"], [[str(self.lead.id), "Nhập", "sent"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(STEP_REFUSAL, result["messages"][0]["message"])
        self.send(proposal)
        copy = proposal.copy()
        self.assertEqual((copy.state, copy.revision, copy.date_first_sent), ("draft", 0, False))
        # A quotation is tied to a proposal by the proposal's step only.
        order = self.send_quotation(self.lead, state="draft")
        self.assertRaisesRegex(
            UserError, "Create Quotation button", order.write, {"b2b_proposal_id": proposal.id}
        )

    def test_rpc_and_access(self):
        proposal = self.send(self.new_proposal())
        # The salesperson of another team does not read it.
        with self.assertRaises(AccessError):
            proposal.with_user(self.salesman_other).read(["name"])
        self.assertFalse(
            self.env["b2b.proposal"].with_user(self.salesman_other).search([("id", "=", proposal.id)])
        )
        # A user of another company does not read it, even as a manager.
        company_b = self.env["res.company"].create({"name": "Công ty B"})
        manager_b = new_test_user(
            self.env, "b2b_proposal_manager_b", groups="sales_team.group_sale_manager",
            company_id=company_b.id, company_ids=[(6, 0, company_b.ids)],
        )
        with self.assertRaises(AccessError):
            proposal.with_user(manager_b).read(["name"])
        self.assertEqual(proposal.with_user(self.sales_manager).name, proposal.name)
        # The revisions are written by the revise step only.
        Revision = self.env["b2b.proposal.revision"].with_user(self.salesman)
        with self.assertRaises(AccessError):
            Revision.create({"proposal_id": proposal.id, "revision": 5, "changes": "x"})
        # Over RPC: returns an XML-RPC value, with the same rules.
        with self.assertRaisesRegex(UserError, "a text"):
            proposal.action_revise(12)
        self.assertIsInstance(proposal.action_revise("Đổi giá"), int)
        with self.assertRaisesRegex(UserError, "by its id"):
            proposal.action_accept("1")

    # ------------------------------------------------------------------
    # The indicator, the checkpoint, the PDF
    # ------------------------------------------------------------------

    def test_indicator_counts_proposals_not_revisions(self):
        proposal = self.send(self.new_proposal())
        proposal.action_revise("Đổi giá")
        self.send(proposal, RESENT_ON)
        self.send(self.new_proposal(), "2026-04-02 03:00:00")
        self.new_proposal()  # a draft never sent
        march = self.kpis(*MARCH)
        self.assertEqual(march[(self.salesman.id, "proposals")][0], 1)
        self.assertEqual(self.kpis("2026-04-01", "2026-04-30")[(self.salesman.id, "proposals")][0], 1)
        events = self.env["b2b.kpi.event"].search(
            [("kpi", "=", "proposals"), ("user_id", "=", self.salesman.id)]
        )
        self.assertEqual(len(events), 2)
        self.assertEqual(self.lead.proposal_count, 2)

    def test_checkpoint_accepted_proposal(self):
        checkpoint = self.env["b2b.checkpoint"].create(
            {"name": "Đề xuất được chấp nhận", "stage_id": self.stage_closing.id,
             "kind": "proposal"}
        )
        self.assertIn("New Proposal button", checkpoint._get_how_to_meet())

        def met():
            return self.lead.id in checkpoint._get_met_lead_ids(self.lead)[checkpoint.id]

        proposal = self.send(self.new_proposal())
        self.assertFalse(met())
        self.customer_mail(proposal, "Đồng ý.", ANSWERED_ON)
        proposal.action_accept()
        self.assertTrue(met())

    def test_pdf_in_the_customers_language(self):
        proposal = self.new_proposal(name="Phần mềm quản lý kho")
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html("b2b_sales_delivery.report_b2b_proposal", proposal.ids)[0]
        self.assertIn("Cooperation Proposal", html.decode())
        self.customer.lang = "vi_VN"
        html = Report._render_qweb_html(
            "b2b_sales_delivery.report_b2b_proposal", proposal.ids
        )[0].decode()
        self.assertIn("Đề xuất hợp tác", html)
        self.assertIn("Phần mềm quản lý kho", html)
        self.assertNotIn("Cooperation Proposal", html)

    def test_buying_decision_carried_into_the_proposal(self):
        """The opportunity's decision (criteria, budget, date, approval
        steps) is prepared into the proposal, kept by its revisions and
        printed; what is unknown is left out."""
        self.lead.write(
            {
                "b2b_decision_criteria": "Giá và thời gian triển khai",
                "b2b_budget_status": "approved",
                "b2b_budget_amount": 300000000,
                "b2b_decision_date": "2026-04-15",
                "b2b_approval_step_ids": [
                    (0, 0, {"name": "Phòng IT duyệt", "partner_id": self.contact_an.id}),
                    (0, 0, {"name": "Giám đốc ký"}),
                ],
            }
        )
        proposal = self.new_proposal()
        for text in (
            "Giá và thời gian triển khai",
            "Approved",
            "Phòng IT duyệt (%s) → Giám đốc ký" % self.contact_an.name,
            "04/15/2026",
        ):
            self.assertIn(text, proposal.decision)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("b2b_sales_delivery.report_b2b_proposal", proposal.ids)[0]
            .decode()
        )
        self.assertIn("Your Decision Process", html)
        self.assertIn("Giám đốc ký", html)
        self.send(proposal)
        proposal.action_revise("Ngân sách")
        self.assertIn("Giám đốc ký", proposal.revision_ids.decision)
        # Nothing known of the decision: nothing printed of it.
        other = self.new_proposal(lead=self.create_lead("Minh Phát - Kho 2"))
        self.assertFalse(other.decision)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("b2b_sales_delivery.report_b2b_proposal", other.ids)[0]
            .decode()
        )
        self.assertNotIn("Your Decision Process", html)
