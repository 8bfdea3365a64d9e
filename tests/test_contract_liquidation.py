# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The liquidation of a contract: refused, naming each open item, while a
line of its orders is not invoiced (billed on delivered quantities, added by
a change request), an installment or an invoice is not paid, an invoice is
a draft or a phase not accepted; on every road to done (the button, write,
import, copy, a context key the caller sends, XML-RPC). The fully paid
contract liquidates, and its minutes print in Vietnamese."""

import xmlrpc.client

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_payment import PaymentCase

SIGNED_ON = "2026-03-05"
LIQUIDATED_ON = "2026-03-25"


class LiquidationCase(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.analysis = env["product.product"].create(
            {
                "name": "Phân tích dữ liệu",
                "type": "service",
                "invoice_policy": "delivery",
                "list_price": 50000000,
            }
        )
        # The order of the payment plan, with its phase.
        cls.order = cls.create_order(cls.three_thirds())
        cls.phase = env["b2b.phase"].create({"order_id": cls.order.id, "name": "Kịch bản"})
        cls.confirm(cls.order)
        cls.contract = cls.create_contract(cls.order)

    @classmethod
    def create_contract(cls, orders):
        contract = (
            cls.env["b2b.contract"]
            .with_user(cls.salesman)
            .create({"partner_id": cls.customer.id, "title": "Sản xuất video"})
        )
        orders.b2b_contract_id = contract
        contract.action_sign(SIGNED_ON)
        return contract.with_env(cls.env)

    @classmethod
    def plain_order(cls, product, tax=None):
        """A confirmed order without a payment plan: one line of ``product``."""
        order = (
            cls.env["sale.order"]
            .with_user(cls.salesman)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": cls.salesman.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "tax_ids": [Command.set((tax or cls.tax_10).ids)],
                            }
                        )
                    ],
                }
            )
        )
        return cls.confirm(order.with_env(cls.env))

    def settle_plan(self, order=None):
        """Invoice, post and pay every installment of the order."""
        for line in (order or self.order).payment_plan_line_ids:
            self.pay(self.post(self.invoice(line)))

    def invoice_order(self, order):
        """Odoo's regular invoice of what the order has to invoice, posted
        and paid."""
        invoice = order._create_invoices()
        self.pay(self.post(invoice))
        return invoice

    def liquidate(self, contract=None, user=None):
        contract = (contract or self.contract).with_user(user or self.salesman)
        return contract.action_liquidate(LIQUIDATED_ON)

    def assertRefused(self, step, *pieces):
        with self.assertRaises(UserError) as caught:
            step()
        message = str(caught.exception)
        for piece in pieces:
            self.assertIn(piece, message)
        return message


@tagged("post_install", "-at_install")
class TestContractLiquidation(LiquidationCase):
    # ------------------------------------------------------------------
    # Each open item refuses the liquidation
    # ------------------------------------------------------------------

    def test_fully_paid_contract_liquidates(self):
        self.settle_plan()
        self.phase._write_step("accepted")
        self.assertTrue(self.contract.liquidation_ready)
        self.assertFalse(self.contract.liquidation_open_items)
        self.assertIs(self.liquidate(), True)
        self.assertEqual(self.contract.state, "done")
        self.assertEqual(str(self.contract.date_liquidated), LIQUIDATED_ON)
        figures = self.contract._get_liquidation_figures()
        self.assertEqual(figures["total"], self.order.amount_total)
        self.assertEqual(figures["invoiced"], self.order.amount_total)
        self.assertEqual(figures["paid"], self.order.amount_total)
        self.assertEqual(figures["outstanding"], 0)
        # Liquidated once.
        self.assertRefused(self.liquidate, 'from "Done" to "Done"')

    def test_phase_not_accepted_refuses(self):
        self.settle_plan()
        self.assertRefused(
            self.liquidate,
            self.contract.name,
            "The phase Kịch bản is Planned, not accepted.",
        )
        self.assertEqual(self.contract.state, "signed")
        self.assertFalse(self.contract.date_liquidated)

    def test_unpaid_installment_invoice_refuses(self):
        first, second, last = self.order.payment_plan_line_ids
        for line in first | second:
            self.pay(self.post(self.invoice(line)))
        invoice = self.post(self.invoice(last))
        self.phase._write_step("accepted")
        message = self.assertRefused(
            self.liquidate,
            "The installment Quyết toán of %s is Invoiced, not paid." % self.order.name,
            "The invoice %s is not paid" % invoice.name,
        )
        self.assertNotIn("Tạm ứng", message)
        self.assertEqual(self.contract.state, "signed")
        # Paid: nothing remains.
        self.pay(invoice)
        self.liquidate()
        self.assertEqual(self.contract.state, "done")

    def test_installment_not_invoiced_refuses(self):
        first, second, _last = self.order.payment_plan_line_ids
        for line in first | second:
            self.pay(self.post(self.invoice(line)))
        self.phase._write_step("accepted")
        self.assertRefused(
            self.liquidate,
            "The installment Quyết toán of %s is To Invoice, not paid." % self.order.name,
            "is invoiced for 0 of 1 ordered",
        )

    def test_draft_invoice_refuses(self):
        first, second, last = self.order.payment_plan_line_ids
        for line in first | second:
            self.pay(self.post(self.invoice(line)))
        draft = self.invoice(last)
        self.assertEqual(draft.state, "draft")
        self.phase._write_step("accepted")
        self.assertRefused(
            self.liquidate,
            "The invoice %s is a draft: post or delete it." % draft.display_name,
        )

    def test_uninvoiced_line_billed_on_delivered_quantity_refuses(self):
        order = self.plain_order(self.analysis, self.tax_8)
        contract = self.create_contract(order)
        line = order.order_line
        # Nothing delivered: Odoo has nothing to invoice yet, but the line is
        # ordered and not billed.
        self.assertEqual(line.qty_to_invoice, 0)
        self.assertRefused(
            lambda: self.liquidate(contract),
            "The line Phân tích dữ liệu of %s is invoiced for 0 of 1 ordered "
            "(0 delivered)." % order.name,
        )
        line.qty_delivered = 1
        self.invoice_order(order)
        self.liquidate(contract)
        self.assertEqual(contract.state, "done")

    def test_change_request_line_not_invoiced_refuses(self):
        order = self.plain_order(self.video)
        contract = self.create_contract(order)
        self.invoice_order(order)
        self.assertTrue(contract.liquidation_ready)
        # The line an approved change request adds to the order.
        change_line = self.env["sale.order.line"].create(
            {
                "order_id": order.id,
                "product_id": self.env.ref("b2b_sales_delivery.product_change_request").id,
                "product_uom_qty": 1.0,
                "price_unit": 10000000,
                "tax_ids": [Command.set(self.tax_10.ids)],
                "name": "Change request: Thêm cảnh quay",
            }
        )
        self.assertRefused(
            lambda: self.liquidate(contract),
            "The line Change request: Thêm cảnh quay of %s is invoiced for 0 of 1 "
            "ordered" % order.name,
        )
        invoice = self.invoice_order(order)
        self.assertEqual(invoice.invoice_line_ids.sale_line_ids, change_line)
        self.liquidate(contract)
        self.assertEqual(contract.state, "done")

    # ------------------------------------------------------------------
    # Every road to done meets the rule
    # ------------------------------------------------------------------

    def test_every_road_to_done_refused_while_open(self):
        contract = self.contract.with_user(self.salesman)
        open_item = "The phase Kịch bản is Planned, not accepted."
        self.assertRefused(contract.action_done, open_item)
        self.assertRefused(lambda: contract.write({"state": "done"}), open_item)
        self.assertRefused(
            lambda: contract.with_context(b2b_contract_step=True).write({"state": "done"}),
            open_item,
        )
        self.assertRefused(
            lambda: contract.sudo().with_context(b2b_contract_step=True).action_done(),
            open_item,
        )
        self.assertRefused(
            lambda: contract.write({"date_liquidated": LIQUIDATED_ON}),
            "written only by its liquidation",
        )
        with mute_logger("odoo.sql_db"):
            result = contract.load(
                ["id", "state"], [[contract.get_external_id()[contract.id] or "", "done"]]
            )
        self.assertTrue(result["messages"])
        self.assertRefused(
            lambda: contract.copy({"state": "done"}), "change only through its buttons"
        )
        self.assertRefused(
            lambda: contract.copy({"date_liquidated": LIQUIDATED_ON}),
            "written only by its liquidation",
        )
        contract.invalidate_recordset()
        self.assertEqual(contract.state, "signed")
        self.assertFalse(contract.date_liquidated)

    def test_only_who_may_change_the_contract_liquidates(self):
        self.settle_plan()
        self.phase._write_step("accepted")
        reader = new_test_user(
            self.env,
            login="b2b_liquidation_reader",
            groups="b2b_sales_delivery.group_b2b_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertTrue(self.contract.with_user(reader).liquidation_ready)
        with self.assertRaises(AccessError):
            self.liquidate(user=reader)
        with self.assertRaises(AccessError):
            self.liquidate(user=self.accountant)
        self.assertEqual(self.contract.state, "signed")
        self.liquidate()
        self.assertEqual(self.contract.state, "done")

    def test_liquidation_date_checked(self):
        self.settle_plan()
        self.phase._write_step("accepted")
        contract = self.contract.with_user(self.salesman)
        self.assertRefused(
            lambda: contract.action_liquidate("25/03/2026"), "YYYY-MM-DD"
        )
        self.assertRefused(
            lambda: contract.action_liquidate("2999-01-01"), "in the future"
        )
        self.assertEqual(contract.state, "signed")

    # ------------------------------------------------------------------
    # The wizard and the minutes
    # ------------------------------------------------------------------

    def test_close_wizard_shows_what_is_open_then_liquidates(self):
        action = self.contract.with_user(self.salesman).action_open_close_wizard()
        self.assertEqual(action["res_model"], "b2b.contract.close.wizard")
        wizard_form = Form(
            self.env["b2b.contract.close.wizard"]
            .with_user(self.salesman)
            .with_context(action["context"])
        )
        self.assertFalse(wizard_form.liquidation_ready)
        self.assertIn("Kịch bản", wizard_form.open_items)
        wizard = wizard_form.save()
        self.assertRefused(wizard.action_confirm, "Kịch bản")
        self.settle_plan()
        self.phase._write_step("accepted")
        wizard_form = Form(
            self.env["b2b.contract.close.wizard"]
            .with_user(self.salesman)
            .with_context(action["context"])
        )
        self.assertTrue(wizard_form.liquidation_ready)
        wizard_form.date_liquidated = LIQUIDATED_ON
        report = wizard_form.save().action_confirm()
        self.assertEqual(report["type"], "ir.actions.report")
        self.assertEqual(
            report["report_name"], "b2b_sales_delivery.report_b2b_contract_liquidation"
        )
        self.assertEqual(self.contract.state, "done")

    def test_minutes_in_vietnamese_with_amount_in_words(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.customer.lang = "vi_VN"
        self.settle_plan()
        self.phase._write_step("accepted")
        self.liquidate()
        invoices = self.order.payment_plan_line_ids.invoice_id
        html = (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html(
                "b2b_sales_delivery.report_b2b_contract_liquidation", self.contract.ids
            )[0]
            .decode()
        )
        self.assertIn("Biên bản thanh lý hợp đồng", html)
        self.assertIn(self.contract.name, html)
        self.assertIn(self.order.name, html)
        self.assertIn("Kịch bản", html)
        for invoice in invoices:
            self.assertIn(invoice.name, html)
        # Đồng in Vietnamese: dots between thousands; the amount in words.
        self.assertIn("171.802.468", html)
        self.assertIn(
            self.vnd.with_context(lang="vi_VN")._b2b_amount_in_words(171802468), html
        )
        self.assertIn("Triệu", html)
        self.assertIn("Bốn Trăm Sáu Mươi Tám đồng", html)
        self.assertNotIn("Dong", html)
        self.assertNotIn("$", html)


@tagged("post_install", "-at_install")
class TestContractLiquidationRpc(HttpCase, LiquidationCase):
    def call(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(
                self.env.cr.dbname, user.login, user.login, {}
            )
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def test_rpc_roads_to_done_refused_while_open(self):
        for method, args, kwargs in (
            ("action_liquidate", (LIQUIDATED_ON,), {}),
            ("action_done", (), {}),
            ("write", ({"state": "done"},), {}),
            ("write", ({"state": "done"},), {"context": {"b2b_contract_step": True}}),
        ):
            with (
                mute_logger("odoo.http"),
                self.assertRaises(xmlrpc.client.Fault) as fault,
            ):
                self.call(
                    self.salesman, "b2b.contract", method, [self.contract.id], *args, **kwargs
                )
            self.assertIn("The phase Kịch bản is Planned, not accepted.", fault.exception.faultString)
        self.contract.invalidate_recordset()
        self.assertEqual(self.contract.state, "signed")
        self.settle_plan()
        self.phase._write_step("accepted")
        self.assertIs(
            self.call(
                self.salesman, "b2b.contract", "action_liquidate", [self.contract.id], LIQUIDATED_ON
            ),
            True,
        )
        self.contract.invalidate_recordset()
        self.assertEqual(self.contract.state, "done")
