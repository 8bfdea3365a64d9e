# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What each role's walk in the web client needs from the server: the
project manager from the confirmed order to its project, the project user's
customer plan and follow-up opportunity, the accountant's overdue
installments, a phase of a quotation refused acceptance."""
from odoo.exceptions import AccessError, UserError

from .common import accept_by_customer, create_user
from .common_payment import THIRDS, B2BPaymentCase


class TestRolePaths(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_manager = create_user(
            cls.env, "b2b_walk_project_manager", ["project.group_project_manager"]
        )
        cls.order, cls.project, cls.phases = cls.create_order(1000.01, THIRDS)

    def test_project_manager_creates_the_project_of_a_confirmed_order(self):
        quotation = self.env["sale.order"].create({
            "partner_id": self.customer.id, "user_id": self.salesman.id,
        })
        order = quotation.copy()
        order.action_confirm()
        # a quotation is none of the delivery team's business; an order is
        with self.assertRaises(AccessError):
            quotation.sudo(self.project_manager).read(["name"])
        self.assertEqual(
            order.sudo(self.project_manager).read(["name"])[0]["name"], order.name
        )
        wizard = self.env["b2b.project.create.wizard"].sudo(
            self.project_manager
        ).create({"order_id": order.id})
        self.assertEqual(wizard.user_id, self.project_manager)
        action = wizard.action_create()
        project = self.env["project.project"].browse(action["res_id"])
        self.assertEqual(
            (action["res_model"], project.sale_order_id),
            ("project.project", order),
        )
        # managed by the project manager chosen, not by the salesperson
        self.assertEqual(project.user_id, self.project_manager)
        self.assertIn(self.project_manager.partner_id, project.message_partner_ids)
        # a second creation gives the same project
        self.assertEqual(order.sudo(self.project_manager).action_create_project(),
                         project.id)

    def test_project_manager_must_be_a_project_user(self):
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id, "user_id": self.salesman.id,
        })
        order.action_confirm()
        wizard = self.env["b2b.project.create.wizard"].sudo(self.project_manager).create(
            {"order_id": order.id, "user_id": self.salesman.id}
        )
        with self.assertRaisesRegex(UserError, "no access to projects"):
            wizard.action_create()
        self.assertFalse(order.project_ids)

    def test_project_created_over_rpc_is_not_the_salespersons(self):
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id, "user_id": self.salesman.id,
        })
        order.action_confirm()
        project = self.env["project.project"].browse(
            order.sudo(self.project_manager).action_create_project()
        )
        self.assertEqual(project.user_id, self.project_manager)

    def test_project_user_reads_the_order_and_prints_the_customer_plan(self):
        project = self.project.sudo(self.project_user)
        self.assertEqual(project.sale_order_id.name, self.order.name)
        self.assertEqual(
            project.sale_order_id.order_line.mapped("price_unit"), [1000.01]
        )
        report = self.env.ref("b2b_sales_delivery.action_report_delivery_plan")
        html = report.sudo(self.project_user).render_qweb_html(project.ids)[0]
        self.assertIn(self.order.name, html.decode())
        # the orders of projects they do not follow stay hidden
        other_order, other_project, _phases = self.create_order(500.0, (100.0,),
                                                                ["order_confirmed"])
        other_project.message_unsubscribe_users(user_ids=self.project_user.ids)
        with self.assertRaises(AccessError):
            other_order.sudo(self.project_user).read(["name"])
        # and nobody of the delivery team changes an order
        with self.assertRaises(AccessError):
            self.order.sudo(self.project_user).write({"note": "x"})

    def test_project_user_creates_a_follow_up_opportunity(self):
        leads_before = self.env["crm.lead"].search_count([])
        result = self.project.sudo(self.project_user).action_create_upsell()
        # the lead is the salesperson's: the project user stays on the project
        self.assertIs(result, True)
        lead = self.env["crm.lead"].search(
            [("b2b_origin_project_id", "=", self.project.id)]
        )
        self.assertEqual(self.env["crm.lead"].search_count([]), leads_before + 1)
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(self.project.upsell_lead_count, 1)
        # a user who may read the lead is taken to it
        action = self.project.sudo(self.salesman).action_create_upsell()
        self.assertEqual(action["res_model"], "crm.lead")

    def test_overdue_filter_in_any_domain(self):
        self.order.action_confirm()
        Line = self.env["b2b.payment.plan.line"].sudo(self.accountant)
        lines = Line.search([("order_id", "=", self.order.id)])
        overdue = lines.filtered("is_overdue")
        # the search view's filter, next to other leaves and operators
        self.assertEqual(
            Line.search([("order_id", "=", self.order.id), ("is_overdue", "=", True)]),
            overdue,
        )
        self.assertEqual(
            Line.search(["|", ("is_overdue", "=", True), ("state", "=", "paid"),
                         ("order_id", "=", self.order.id)]),
            overdue | lines.filtered(lambda line: line.state == "paid"),
        )
        self.assertEqual(
            Line.search([("order_id", "=", self.order.id), ("is_overdue", "=", False)]),
            lines - overdue,
        )

    def test_phase_of_a_quotation_is_not_accepted(self):
        self.assertEqual(self.order.state, "draft")
        acceptance = self.create_acceptance(self.phases[0])
        with self.assertRaisesRegex(UserError, "is not confirmed"):
            acceptance.sudo(self.project_user).action_send()
        with self.assertRaisesRegex(UserError, "is not confirmed"), \
                self.env.cr.savepoint():
            accept_by_customer(acceptance)
        acceptance.invalidate_cache()
        self.phases[0].invalidate_cache()
        self.assertEqual(
            (acceptance.state, self.phases[0].state), ("draft", "in_progress")
        )
        # confirmed, the acceptance releases the installment's invoice
        self.order.action_confirm()
        acceptance.sudo(self.project_user).action_send()
        accept_by_customer(acceptance)
        line = self.order.payment_plan_line_ids.filtered(
            lambda line: line.phase_id == self.phases[0]
        )
        self.assertEqual(line.state, "invoiced")
        self.assertTrue(line.invoice_id)

    def test_checkpoint_refusal_says_how_to_meet_it(self):
        stage = self.env["crm.stage"].create({"name": "Gọi điện", "sequence": 900})
        role = self.env["b2b.stakeholder.role"].search([("code", "=", "payer")])
        Checkpoint = self.env["b2b.checkpoint"]
        call = Checkpoint.create({
            "name": "Một cuộc gọi", "stage_id": stage.id, "kind": "touchpoint",
            "touchpoint_kind": "call", "call_outcome": "answered",
        })
        payer = Checkpoint.create({
            "name": "Người thanh toán", "stage_id": stage.id, "kind": "stakeholder",
            "role_id": role.id,
        })
        lead = self.env["crm.lead"].create({"name": "Cơ hội thử", "type": "opportunity"})
        message = self.env["crm.lead"].sudo(self.salesman)._format_unmet_message(
            stage, {lead: call | payer}
        )
        self.assertIn("Một cuộc gọi (Gọi điện): log a call with the Log a Call "
                      "button (outcome: Picked up)", message)
        self.assertIn("add a member of the buying committee with the role \"%s\" "
                      "in the Buying Committee tab" % role.name, message)
        self.assertEqual(
            Checkpoint.new({"kind": "manual"})._get_how_to_meet(),
            "tick it in the Manual Checkpoints tab",
        )
