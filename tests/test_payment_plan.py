# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The payment plan agreed on the quotation: it adds up to the order total
to the đồng before the order is confirmed, on every road, and stays whole
once it is; its installments are released by their triggers."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from .common_payment import PaymentCase

TOTAL = 171802468  # 135,802,468 (10 % VAT) + 36,000,000 (8 % VAT)


class TestPaymentPlan(PaymentCase):
    def test_percent_plan_adds_up_to_the_dong(self):
        order = self.create_order(self.three_thirds())
        self.assertEqual(order.amount_total, TOTAL)
        self.assertEqual(
            order.payment_plan_line_ids.mapped("amount"), [51540740, 51540740, 68720988]
        )
        self.assertEqual(order.payment_plan_difference, 0)
        self.assertEqual(set(order.payment_plan_line_ids.mapped("state")), {"planned"})

    def test_amounts_and_percent(self):
        order = self.create_order(
            [
                {"name": "Tạm ứng", "amount": 51540741, "trigger": "order_confirmed"},
                {"name": "Còn lại", "percent": 70, "trigger": "order_confirmed"},
            ]
        )
        # 70 % of the total is 120,261,728 (rounded): 1 đồng over, the
        # percent line takes the rest, the agreed amount stays.
        self.assertEqual(order.payment_plan_line_ids[0].amount, 51540741)
        self.assertEqual(order.payment_plan_line_ids[1].amount, 120261727)
        self.confirm(order)
        self.assertEqual(order.state, "sale")

    def test_plan_follows_the_quotation_total(self):
        order = self.create_order(self.three_thirds())
        order.order_line[1].with_user(self.salesman).product_uom_qty = 2
        # 8 % of 66,666,666 is 5,333,333.28: the order total is 207,802,467.
        self.assertEqual(order.amount_total, TOTAL + 35999999)
        self.assertEqual(sum(order.payment_plan_line_ids.mapped("amount")), order.amount_total)

    def test_confirmation_refused_when_short_form(self):
        order = self.create_order(
            [
                {"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"},
                {"name": "Đợt 2", "amount": 100000000, "trigger": "order_confirmed"},
            ]
        )
        with Form(order.with_user(self.salesman)) as form:
            with form.payment_plan_line_ids.new() as line:
                line.name = "Thiếu"
                line.amount = 1000
        with self.assertRaisesRegex(UserError, "adds up to"):
            self.confirm(order)
        self.assertEqual(order.state, "draft")

    def test_confirmation_refused_on_every_road(self):
        order = self.create_order(
            [{"name": "Tạm ứng", "percent": 50, "trigger": "order_confirmed"}]
        )
        with self.assertRaisesRegex(UserError, "adds up to"):
            order.with_user(self.salesman).write({"state": "sale"})
        with self.assertRaisesRegex(UserError, "adds up to"):
            order.sudo().action_confirm()
        with self.assertRaisesRegex(UserError, "stays whole"):
            self.env["sale.order"].create(
                {
                    "partner_id": self.customer.id,
                    "state": "sale",
                    "order_line": [Command.create({"product_id": self.video.id})],
                    "payment_plan_line_ids": [
                        Command.create({"name": "Nửa", "percent": 50})
                    ],
                }
            )
        self.assertEqual(order.state, "draft")

    def test_order_without_plan_is_plain_odoo(self):
        order = self.create_order()
        self.confirm(order)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.payment_plan_line_ids)

    def test_confirmed_plan_stays_whole(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        other = self.create_order(self.three_thirds())
        first, second, last = order.payment_plan_line_ids
        # Amounts moved between installments in one save of the order's
        # form keep the plan whole.
        order.with_user(self.salesman).write(
            {
                "payment_plan_line_ids": [
                    Command.update(first.id, {"percent": 0, "amount": 41540740}),
                    Command.update(second.id, {"percent": 0, "amount": 61540740}),
                ]
            }
        )
        self.assertEqual(
            order.payment_plan_line_ids.mapped("amount"), [41540740, 61540740, 68720988]
        )
        self.assertEqual(sum(order.payment_plan_line_ids.mapped("amount")), TOTAL)
        as_salesman = order.payment_plan_line_ids.with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "stays whole"):
            as_salesman[0].unlink()
        with self.assertRaisesRegex(UserError, "stays whole"):
            as_salesman[1].write({"amount": 1000})
        with self.assertRaisesRegex(UserError, "stays whole"):
            as_salesman[1].write({"order_id": other.id})
        with self.assertRaisesRegex(UserError, "stays whole"):
            self.env["b2b.payment.plan.line"].with_user(self.salesman).create(
                {"order_id": order.id, "name": "Thêm", "amount": 1000}
            )
        with self.assertRaisesRegex(UserError, "stays whole"):
            order.with_user(self.salesman).write(
                {"payment_plan_line_ids": [Command.unlink(first.id)]}
            )

    def test_invoiced_installment_is_locked(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        first = order.payment_plan_line_ids[0]
        self.invoice(first)
        as_salesman = first.with_user(self.salesman)
        for values in (
            {"trigger": "date", "date_due": date(2026, 4, 1)},
            {"percent": 20},
            {"order_id": self.create_order().id},
        ):
            with self.assertRaisesRegex(UserError, "is invoiced"):
                as_salesman.write(values)
        as_salesman.name = "Tạm ứng 30%"
        with self.assertRaisesRegex(UserError, "is invoiced"):
            first.sudo().unlink()

    def test_trigger_needs_its_phase_or_date(self):
        order = self.create_order()
        other = self.create_order()
        phase = self.env["b2b.phase"].create({"order_id": other.id, "name": "Kịch bản"})
        Line = self.env["b2b.payment.plan.line"].with_user(self.salesman)
        with self.assertRaisesRegex(ValidationError, "choose the phase"):
            Line.create({"order_id": order.id, "name": "A", "percent": 10, "trigger": "phase_accepted"})
        with self.assertRaisesRegex(ValidationError, "not a phase of order"):
            Line.create(
                {
                    "order_id": order.id,
                    "name": "A",
                    "percent": 10,
                    "trigger": "phase_accepted",
                    "phase_id": phase.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "set its due date"):
            Line.create({"order_id": order.id, "name": "A", "percent": 10, "trigger": "date"})
        with self.assertRaisesRegex(ValidationError, "positive amount"):
            Line.create({"order_id": order.id, "name": "A"})

    def test_release_only_by_its_step(self):
        order = self.create_order(
            [{"name": "Ký hợp đồng", "percent": 100, "trigger": "contract_signed"}]
        )
        line = order.payment_plan_line_ids
        with self.assertRaisesRegex(UserError, "released only by its trigger"):
            line.with_user(self.salesman).write({"date_released": date(2026, 3, 1)})
        with self.assertRaisesRegex(UserError, "released only by its trigger"):
            line.with_user(self.salesman).with_context(
                b2b_payment_release_step=True
            ).write({"date_released": date(2026, 3, 1)})
        self.confirm(order)
        self.assertEqual(line.state, "planned")
        self.env["b2b.payment.plan.line"]._release_contract_signed(order, date(2026, 3, 3))
        self.assertEqual(line.date_released, date(2026, 3, 3))
        self.assertEqual(line.state, "to_invoice")

    def test_order_confirmed_releases(self):
        order = self.create_order(self.three_thirds())
        self.assertEqual(set(order.payment_plan_line_ids.mapped("state")), {"planned"})
        with self.assertRaisesRegex(UserError, "not due yet"):
            self.invoice(order.payment_plan_line_ids[0])
        self.confirm(order)
        self.assertEqual(set(order.payment_plan_line_ids.mapped("state")), {"to_invoice"})
        self.assertEqual(order.payment_plan_to_invoice_count, 3)

    def test_phase_accepted_invoices_its_installment_once(self):
        order = self.create_order()
        phase = self.env["b2b.phase"].create({"order_id": order.id, "name": "Kịch bản"})
        order.with_user(self.salesman).payment_plan_line_ids = [
            Command.create({"name": "Tạm ứng", "percent": 40, "trigger": "order_confirmed"}),
            Command.create(
                {
                    "name": "Nghiệm thu kịch bản",
                    "percent": 30,
                    "trigger": "phase_accepted",
                    "phase_id": phase.id,
                }
            ),
            Command.create(
                {"name": "Quyết toán", "percent": 30, "trigger": "date", "date_due": date(2026, 6, 30)}
            ),
        ]
        self.confirm(order)
        advance, on_phase, last = order.payment_plan_line_ids
        self.assertEqual(on_phase.state, "planned")
        phase._write_step("accepted")
        self.assertEqual(on_phase.state, "invoiced")
        invoice = on_phase.invoice_id
        self.assertEqual(invoice.amount_total, on_phase.amount)
        phase._write_step("accepted")
        self.assertEqual(on_phase.invoice_id, invoice)
        self.assertEqual(self.invoice(on_phase), invoice)
        self.assertEqual(len(order.invoice_ids), 1)

    def test_cron_invoices_due_dates_and_skips_a_bad_one(self):
        due = {"trigger": "date", "date_due": date(2026, 4, 1)}
        good = self.confirm(
            self.create_order(
                [
                    dict(due, name="Đợt 1", percent=50),
                    {"name": "Đợt 2", "percent": 50, "trigger": "date", "date_due": date(2026, 9, 1)},
                ]
            )
        )
        # The last installment falls due before the first one is invoiced:
        # its invoicing fails, the good order is still invoiced.
        bad = self.confirm(
            self.create_order(
                [
                    {"name": "Đợt 1", "percent": 50, "trigger": "contract_signed"},
                    dict(due, name="Đợt 2", percent=50),
                ]
            )
        )
        Line = self.env["b2b.payment.plan.line"]
        Line._cron_invoice_due(today=date(2026, 3, 31))
        self.assertEqual(good.payment_plan_line_ids.mapped("state"), ["planned", "planned"])
        Line._cron_invoice_due(today=date(2026, 4, 1))
        self.assertEqual(good.payment_plan_line_ids.mapped("state"), ["invoiced", "planned"])
        self.assertEqual(bad.payment_plan_line_ids.mapped("state"), ["planned", "to_invoice"])
        self.assertFalse(bad.invoice_ids)
        # Run again: still one invoice.
        Line._cron_invoice_due(today=date(2026, 4, 2))
        self.assertEqual(len(good.invoice_ids), 1)

    def test_salesperson_sees_the_plans_of_own_orders(self):
        order = self.create_order(self.three_thirds())
        other_salesman = new_test_user(
            self.env,
            login="b2b_pay_salesman_other",
            groups="sales_team.group_sale_salesman",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        Line = self.env["b2b.payment.plan.line"]
        self.assertEqual(
            Line.with_user(self.salesman).search([("order_id", "=", order.id)]),
            order.payment_plan_line_ids,
        )
        self.assertFalse(
            Line.with_user(other_salesman).search([("order_id", "=", order.id)])
        )
        with self.assertRaises(AccessError):
            order.payment_plan_line_ids[0].with_user(other_salesman).name  # noqa: B018
        self.assertEqual(
            len(Line.with_user(self.accountant).search([("order_id", "=", order.id)])), 3
        )

    def test_payment_plan_pdf_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.customer.lang = "vi_VN"
        order = self.create_order(self.three_thirds())
        html = self.env["ir.actions.report"]._render_qweb_html(
            "b2b_sales_delivery.report_payment_plan", order.ids
        )[0].decode()
        # Đồng in Vietnamese: dots between thousands.
        self.assertIn("51.540.740", html)
        self.assertIn("68.720.988", html)
        self.assertIn("171.802.468", html)
        self.assertIn("Tạm ứng", html)

    def test_payment_request_pdf(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        line = order.payment_plan_line_ids[0]
        invoice = self.env["account.move"].browse(
            line.with_user(self.accountant).action_invoice()
        )
        html = self.env["ir.actions.report"]._render_qweb_html(
            "b2b_sales_delivery.report_payment_request", line.ids
        )[0].decode()
        self.assertIn("51,540,740", html)
        self.assertIn(order.name, html)
        self.assertIn(invoice.name or "", html)

    def test_acceptance_never_lost_to_a_failed_invoicing(self):
        order = self.create_order()
        phase = self.env["b2b.phase"].create({"order_id": order.id, "name": "Quay phim"})
        order.with_user(self.salesman).payment_plan_line_ids = [
            Command.create({"name": "Ký hợp đồng", "percent": 50, "trigger": "contract_signed"}),
            Command.create(
                {
                    "name": "Nghiệm thu",
                    "percent": 50,
                    "trigger": "phase_accepted",
                    "phase_id": phase.id,
                }
            ),
        ]
        self.confirm(order)
        on_signing, on_phase = order.payment_plan_line_ids
        # The last installment waits for the first one: its invoicing fails,
        # the acceptance stands.
        phase._write_step("accepted")
        self.assertEqual(phase.state, "accepted")
        self.assertEqual(on_phase.state, "to_invoice")
        self.assertFalse(order.invoice_ids)
        Line = self.env["b2b.payment.plan.line"]
        Line._release_contract_signed(order, date(2026, 3, 3))
        self.invoice(on_signing)
        Line._cron_invoice_due(today=date(2026, 3, 4))
        self.assertEqual(on_phase.state, "invoiced")
        self.assertEqual(
            sum(order.invoice_ids.mapped("amount_total")), order.amount_total
        )

    def test_copy_and_import_meet_the_same_rules(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        line = order.payment_plan_line_ids[0]
        with self.assertRaisesRegex(UserError, "stays whole"):
            line.with_user(self.salesman).copy()
        quotation = self.create_order()
        Line = self.env["b2b.payment.plan.line"].with_user(self.salesman)
        result = Line.load(
            ["order_id/.id", "name", "percent", "date_released"],
            [[str(quotation.id), "Tạm ứng", "100", "2026-03-01"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("released only by its trigger", result["messages"][0]["message"])
        result = Line.load(
            ["order_id/.id", "name", "percent"],
            [[str(order.id), "Thêm", "10"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("stays whole", result["messages"][0]["message"])
        # The order's copy starts without a plan: it is agreed again.
        self.assertFalse(order.with_user(self.salesman).copy().payment_plan_line_ids)

    def test_order_button_opens_the_invoices(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        action = order.with_user(self.salesman).action_invoice_payment_plan_open()
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(len(order.invoice_ids), 3)

    def test_each_company_sees_its_own_plans(self):
        main_company = self.env.ref("base.main_company")
        order = (
            self.env["sale.order"]
            .with_company(main_company)
            .create(
                {
                    "partner_id": self.customer.id,
                    "company_id": main_company.id,
                    "order_line": [Command.create({"product_id": self.video.id})],
                    "payment_plan_line_ids": [
                        Command.create({"name": "Trọn gói", "percent": 100})
                    ],
                }
            )
        )
        line = order.payment_plan_line_ids
        self.assertEqual(line.company_id, main_company)
        Line = self.env["b2b.payment.plan.line"]
        self.assertFalse(
            Line.with_user(self.accountant).search([("id", "=", line.id)])
        )
        with self.assertRaises(AccessError):
            line.with_user(self.accountant).action_invoice()
