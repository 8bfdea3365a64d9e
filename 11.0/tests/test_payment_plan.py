# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payment plan: exact split, checks, invoices once per installment, paid."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import accept_by_customer, create_user
from .common_payment import THIRDS, B2BPaymentCase


class TestPaymentPlan(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_vnd()

    def test_split_thirds_to_the_cent(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        self.assertEqual(order.amount_total, 1000.01)
        self.assertEqual(
            order.payment_plan_line_ids.mapped("amount"), [333.30, 333.30, 333.41]
        )
        self.assertAlmostEqual(
            sum(order.payment_plan_line_ids.mapped("amount")), 1000.01, places=6
        )

    def test_split_thirds_in_vnd(self):
        order, _project, _phases = self.create_order(
            150000001, THIRDS, pricelist=self.pricelist_vnd
        )
        self.assertEqual(order.currency_id, self.vnd)
        self.assertEqual(
            order.payment_plan_line_ids.mapped("amount"),
            [49995000.0, 49995000.0, 50010001.0],
        )
        self.assertEqual(sum(order.payment_plan_line_ids.mapped("amount")), 150000001)
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_amount_follows_the_order_total(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.order_line.price_unit = 2000.0
        self.assertEqual(
            order.payment_plan_line_ids.mapped("amount"), [666.60, 666.60, 666.80]
        )

    def test_fixed_and_percent_installments(self):
        order, _project, _phases = self.create_order(1000.01, (50.0, 50.0))
        first, second = order.payment_plan_line_ids
        first.sudo(self.salesman).amount = 100.0
        self.assertEqual(first.amount_type, "fixed")
        self.assertEqual(first.amount, 100.0)
        self.assertEqual(second.amount, 500.01)  # 50 %: the plan is short
        with self.assertRaises(ValidationError) as error:
            order.sudo(self.salesman).action_confirm()
        self.assertIn("adds up to $ 600.01", error.exception.name)
        second.percent = 90.0
        self.assertEqual(second.amount, 900.01)  # remainder on the last line
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_bad_plan_refused_on_confirmation(self):
        order, _project, _phases = self.create_order(1000.01, (30.0, 30.0))
        with self.assertRaises(ValidationError) as error:
            order.sudo(self.salesman).action_confirm()
        self.assertEqual(
            error.exception.name,
            "The payment plan of order %s adds up to $ 600.00, not to the order "
            "total $ 1,000.01: correct the installments." % order.name,
        )
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.invoice_ids)

    def test_confirmed_order_refuses_a_bad_plan(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        last = order.payment_plan_line_ids[-1]
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            last.sudo(self.salesman).percent = 20.0
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.sudo(self.salesman).write(
                {"payment_plan_line_ids": [(1, last.id, {"percent": 20.0})]}
            )
        last.invalidate_cache()
        self.assertEqual(last.percent, 33.34)
        # A correct change through the order passes: both lines at once.
        middle = order.payment_plan_line_ids[1]
        order.sudo(self.salesman).write({"payment_plan_line_ids": [
            (1, middle.id, {"percent": 23.33}), (1, last.id, {"percent": 43.34}),
        ]})
        self.assertEqual(last.amount, 433.41)

    def test_typing_percentages_in_the_quotation_form(self):
        """The form's onchange computes the amounts of new installments
        (two new lines at the same sequence used to crash comparing ids)."""
        Order = self.env["sale.order"].sudo(self.salesman)
        line = {"sequence": 10, "amount_type": "percent", "fixed_amount": 0.0,
                "trigger": "order_confirmed", "payment_days": 0}
        values = {
            "partner_id": self.customer.id,
            "pricelist_id": self.env.ref("product.list0").id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_uom_qty": 1, "product_uom": self.product.uom_id.id,
                "price_unit": 1000.01, "tax_id": [(6, 0, [])],
            })],
            "payment_plan_line_ids": [
                (0, 0, dict(line, name="Tạm ứng", percent=30.0)),
                (0, 0, dict(line, name="Còn lại", percent=70.0)),
            ],
        }
        result = Order.onchange(values, "payment_plan_line_ids", Order._onchange_spec())
        commands = result["value"]["payment_plan_line_ids"]
        self.assertEqual(
            [cmd[2]["amount"] for cmd in commands if cmd[0] in (0, 1)],
            [300.0, 700.01],
        )
        # The same on a saved quotation: a saved installment and a new one.
        order, _project, _phases = self.create_order(1000.01, (30.0,))
        saved = order.payment_plan_line_ids
        values["payment_plan_line_ids"] = [
            (4, saved.id), (0, 0, dict(line, name="Còn lại", percent=70.0)),
        ]
        result = order.sudo(self.salesman).onchange(
            values, "payment_plan_line_ids", Order._onchange_spec()
        )
        commands = result["value"]["payment_plan_line_ids"]
        self.assertEqual(
            [cmd[2]["amount"] for cmd in commands if cmd[0] in (0, 1)],
            [300.0, 700.01],
        )

    def test_trigger_needs_its_phase_or_date(self):
        order, _project, _phases = self.create_order(1000.0, (100.0,))
        line = order.payment_plan_line_ids
        with self.assertRaises(ValidationError) as error:
            line.sudo(self.salesman).trigger = "phase_accepted"
        self.assertIn("choose the phase", error.exception.name)
        with self.assertRaises(ValidationError) as error:
            line.sudo(self.salesman).trigger = "date"
        self.assertIn("set the date", error.exception.name)

    def test_confirmation_invoices_the_first_installment(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        first, second, third = order.payment_plan_line_ids
        self.assertEqual(first.state, "invoiced")
        self.assertEqual((second.state, third.state), ("planned", "planned"))
        invoice = first.invoice_id
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.amount_total, 333.30)
        self.assertEqual(invoice.b2b_installment_id, first)
        self.assertEqual(invoice.name, "%s - Đợt 1" % order.name)
        self.assertFalse(invoice.b2b_phase_id)
        self.assertEqual(order.invoice_ids, invoice)
        self.assertTrue(first.sale_line_ids.is_downpayment)
        # Triggering and invoicing by hand is the accountant's step.
        for action in ("action_invoice", "action_trigger", "action_invoice_due"):
            with self.assertRaises(AccessError):
                getattr(first.sudo(self.salesman), action)()
        # Clicks and retries: the same invoice again.
        self.assertEqual(first.sudo(self.accountant).action_invoice(), invoice.ids)
        self.assertEqual(first.sudo(self.accountant).action_trigger(), invoice.ids)
        self.assertEqual(len(order.invoice_ids), 1)

    def test_validation_activity_done_before_the_invoice_number(self):
        """The accountant's activity is done before the invoice takes its
        number: the journal's gapless sequence stays locked from the number
        to the end of the transaction, for every other validation."""
        order, _project, _phases = self.create_order(1000.0, (100.0,))
        order.sudo(self.salesman).action_confirm()
        invoice = order.payment_plan_line_ids.invoice_id
        self.assertTrue(invoice.activity_ids)
        invoice.sudo(self.accountant).action_invoice_open()
        self.assertFalse(invoice.activity_ids)
        messages = invoice.sudo().message_ids
        done = messages.filtered("mail_activity_type_id")
        numbered = messages.filtered(lambda message: any(
            value.field == "state" and value.new_value_char == "Open"
            for value in message.tracking_value_ids))
        self.assertEqual((len(done), len(numbered)), (1, 1))
        self.assertLess(done.id, numbered.id)

    def test_accepting_a_phase_invoices_its_installment_once(self):
        order, _project, phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        acceptance = self.create_acceptance(phases[0])
        accept_by_customer(acceptance)
        second = order.payment_plan_line_ids[1]
        self.assertEqual(phases[0].state, "accepted")
        self.assertEqual(second.state, "invoiced")
        self.assertEqual(second.invoice_id.amount_total, 333.30)
        self.assertEqual(second.invoice_id.b2b_phase_id, phases[0])
        with self.assertRaises(UserError):
            accept_by_customer(acceptance)
        with self.assertRaises(UserError):
            self.create_acceptance(phases[0])
        phases[0]._b2b_release_installments()
        self.assertEqual(len(order.invoice_ids), 2)
        self.assertEqual(order.payment_plan_line_ids[2].state, "planned")

    def test_kanban_shows_every_state(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        groups = self.env["b2b.payment.plan.line"].sudo(self.accountant).read_group(
            [("order_id", "=", order.id)], ["state"], ["state"]
        )
        self.assertEqual(
            [(g["state"], g["state_count"]) for g in groups],
            [("planned", 2), ("to_invoice", 0), ("invoiced", 1), ("paid", 0)],
        )

    def test_payment_marks_the_line_paid_and_back(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        first = order.payment_plan_line_ids[0]
        invoice = self.pay(first.invoice_id)
        self.assertEqual(invoice.state, "paid")
        self.assertEqual(first.state, "paid")
        invoice.payment_move_line_ids.sudo().remove_move_reconcile()
        self.assertEqual(invoice.state, "open")
        self.assertEqual(first.state, "invoiced")

    def test_final_invoice_leaves_nothing_invoiced_twice(self):
        order, _project, phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        for phase in phases:
            accept_by_customer(self.create_acceptance(phase))
        lines = order.payment_plan_line_ids
        self.assertEqual(lines.mapped("state"), ["invoiced"] * 3)
        final = lines[-1].invoice_id
        self.assertEqual(final.amount_total, 333.41)
        # The final invoice bills the order line and deducts both installments.
        self.assertEqual(
            sorted(final.invoice_line_ids.mapped("price_subtotal")),
            [-333.30, -333.30, 1000.01],
        )
        invoices = order.invoice_ids
        self.assertEqual(len(invoices), 3)
        self.assertAlmostEqual(sum(invoices.mapped("amount_total")), 1000.01, places=6)
        product_line = order.order_line.filtered(lambda line: not line.is_downpayment)
        self.assertEqual(product_line.qty_invoiced, 1.0)
        self.assertEqual(product_line.qty_to_invoice, 0.0)
        self.assertEqual(
            order.order_line.filtered("is_downpayment").mapped("qty_to_invoice"),
            [0.0, 0.0],
        )

    def test_installment_refused_when_the_order_is_invoiced(self):
        order, _project, phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        # Someone invoices the rest of the order by hand (deducting the first).
        order.sudo().action_invoice_create(final=True)
        acceptance = self.create_acceptance(phases[0])
        # The customer's acceptance stands; the accountant gets the failure.
        accept_by_customer(acceptance)
        self.assertEqual(acceptance.state, "accepted")
        self.assertEqual(phases[0].state, "accepted")
        self.assertFalse(order.payment_plan_line_ids[1].invoice_id)
        activity = order.activity_ids.filtered(
            lambda a: phases[0].name in a.summary)
        self.assertEqual(activity.user_id, self.accountant)
        self.assertIn("would invoice it twice", activity.note)

    def test_failure_goes_to_the_company_accountant(self):
        """The accountant the company named gets the installment that could
        not be invoiced, as they get the invoices to validate."""
        named = create_user(self.env, "b2b_accountant_named",
                            ["account.group_account_invoice"])
        self.company.b2b_accountant_id = named
        order, _project, phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        order.sudo().action_invoice_create(final=True)
        accept_by_customer(self.create_acceptance(phases[0]))
        activity = order.activity_ids.filtered(
            lambda a: phases[0].name in a.summary)
        self.assertEqual(activity.user_id, named)

    def test_validated_invoices_when_the_company_chooses_so(self):
        self.company.b2b_validate_installment_invoice = True
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        invoice = order.payment_plan_line_ids[0].invoice_id
        self.assertEqual(invoice.state, "open")
        self.assertEqual(invoice.date_due, order.payment_plan_line_ids[0].date_due)

    def test_due_date_from_trigger_and_payment_days(self):
        order, project, phases = self.create_order(1000.01, THIRDS)
        project.sudo().plan_date_start = "2026-03-01"
        phases[0].sudo().date_deadline = "2026-04-01"
        # the customer is promised the phase on its customer-facing date:
        # 1 April + the larger of 14 days and 20% of 31 days = 15 April
        self.assertEqual(phases[0].date_deadline_customer, "2026-04-15")
        second = order.payment_plan_line_ids[1]
        self.assertEqual(second.date_due, "2026-04-25")  # estimate before
        order.sudo(self.salesman).action_confirm()
        acceptance = self.create_acceptance(phases[0])
        accept_by_customer(acceptance)
        accepted = acceptance.date_accepted[:10]
        self.assertEqual(second.date_triggered, accepted)
        self.assertEqual(second.invoice_id.date_invoice, accepted)
        self.assertEqual(second.date_due, fields.Date.to_string(
            fields.Date.from_string(accepted) + timedelta(days=10)))

    def test_cron_invoices_installments_by_date_once(self):
        order, _project, _phases = self.create_order(
            1000.0, (50.0, 50.0), triggers=["order_confirmed", "date"]
        )
        line = order.payment_plan_line_ids[1]
        line.date_planned = "2999-06-01"
        order.sudo(self.salesman).action_confirm()
        Line = self.env["b2b.payment.plan.line"]
        Line._cron_invoice_due(today="2999-05-31")
        self.assertEqual(line.state, "planned")
        for _run in range(3):
            Line._cron_invoice_due(today="2999-06-02")
        self.assertEqual(line.state, "invoiced")
        self.assertEqual(line.invoice_id.date_invoice, "2999-06-01")
        self.assertEqual(len(order.invoice_ids), 2)

    def test_generate_plan_from_phases(self):
        order, project, phases = self.create_order(1000.0, (100.0,))
        for name in ("Phân tích", "Thiết kế", "Triển khai"):
            self.env["b2b.phase"].create({"project_id": project.id, "name": name})
        order.sudo(self.salesman).action_generate_payment_plan()
        lines = order.payment_plan_line_ids
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines.mapped("trigger"), ["phase_accepted"] * 3)
        self.assertEqual(lines.mapped("percent"), [33.3333, 33.3333, 33.3334])
        self.assertEqual(lines.mapped("amount"), [333.33, 333.33, 333.34])
        self.assertEqual(lines.mapped("phase_id.name"),
                         ["Phân tích", "Thiết kế", "Triển khai"])
        order.sudo(self.salesman).action_confirm()
        self.assertFalse(order.invoice_ids)

    def test_duplicated_order_has_no_plan(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        copy = order.sudo(self.salesman).copy()
        self.assertFalse(copy.payment_plan_line_ids)
        self.assertEqual(len(order.payment_plan_line_ids), 3)

    def test_generate_plan_needs_phases(self):
        order = self.env["sale.order"].sudo(self.salesman).create(
            {"partner_id": self.customer.id}
        )
        with self.assertRaises(UserError) as error:
            order.action_generate_payment_plan()
        self.assertIn("has no phases", error.exception.name)

    def test_nobody_sets_state_or_invoice_by_hand(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        line = order.payment_plan_line_ids[0]
        for user in (self.salesman, self.accountant):
            with self.assertRaises(UserError):
                line.sudo(user).write({"state": "paid"})
        with self.assertRaises(UserError):
            line.sudo(self.accountant).write({"invoice_id": False})
        with self.assertRaises(UserError):
            line.sudo(self.salesman).unlink()
        self.assertEqual(line.state, "invoiced")

    def test_salesman_sees_own_plans_and_cannot_pay(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        order.sudo(self.salesman).action_confirm()
        Line = self.env["b2b.payment.plan.line"]
        self.assertEqual(
            Line.sudo(self.salesman).search([("order_id", "=", order.id)]),
            order.payment_plan_line_ids,
        )
        self.assertFalse(
            Line.sudo(self.salesman_other).search([("order_id", "=", order.id)])
        )
        with self.assertRaises(AccessError):
            order.payment_plan_line_ids[0].sudo(self.salesman_other).read(["amount"])
        invoice = order.payment_plan_line_ids[0].invoice_id
        invoice.sudo(self.accountant).action_invoice_open()
        with self.assertRaises(AccessError):
            invoice.sudo(self.salesman).pay_and_reconcile(
                self.bank_journal, invoice.residual, "2026-05-20"
            )
        # The accountant sees and edits every plan.
        self.assertEqual(
            Line.sudo(self.accountant).search_count([("order_id", "=", order.id)]), 3
        )
        order.payment_plan_line_ids[1].sudo(self.accountant).payment_days = 20

    def test_portal_customer_sees_own_plan_only(self):
        order, _project, _phases = self.create_order(1000.01, THIRDS)
        other = self.env["res.partner"].create({"name": "Công ty CP Hòa Bình"})
        other_order = self.env["sale.order"].create({"partner_id": other.id})
        self.env["b2b.payment.plan.line"].create({
            "order_id": other_order.id, "name": "Khác", "percent": 100.0,
        })
        Line = self.env["b2b.payment.plan.line"].sudo(self.portal_user)
        self.assertEqual(Line.search([]), order.payment_plan_line_ids)
        with self.assertRaises(AccessError):
            order.payment_plan_line_ids[0].sudo(self.portal_user).write(
                {"payment_days": 1}
            )
