# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every line of the order is billed by its plan, or the plan says why; a
change request is taxed like the order's lines; nothing of the order is
written off at liquidation; the payment plan PDF's total is the sum of its
lines.

The order: an implementation billed on the order (10 % VAT) and an analysis
billed on delivered quantities (8 % VAT), nothing delivered."""
from odoo.exceptions import AccessError, UserError

from .common_payment import B2BPaymentCase

IMPLEMENTATION, ANALYSIS = 400000000, 50000000  # VND untaxed
TOTAL = 494000000  # 400 000 000 + 10 % and 50 000 000 + 8 %


class TestPlanCoverage(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.use_vnd()
        cls.vat10, cls.vat8 = (env["account.tax"].create({
            "name": "VAT %s%%" % rate, "amount": rate, "amount_type": "percent",
            "type_tax_use": "sale", "company_id": cls.company.id,
        }) for rate in (10.0, 8.0))
        cls.analysis = env["product.product"].create({
            "name": "Dịch vụ phân tích", "type": "service",
            "invoice_policy": "delivery", "taxes_id": [(5, 0, 0)],
        })
        cls.contract = env["b2b.contract"].sudo(cls.salesman).create({
            "partner_id": cls.customer.id, "title": "Triển khai phần mềm",
            "currency_id": cls.vnd.id, "amount": TOTAL,
        })
        cls.contract.action_sign()
        order = env["sale.order"].sudo(cls.salesman).create({
            "partner_id": cls.customer.id,
            "pricelist_id": cls.pricelist_vnd.id,
            "b2b_contract_id": cls.contract.id,
            "order_line": [(0, 0, {
                "product_id": product.id, "name": product.name,
                "product_uom_qty": 1, "product_uom": product.uom_id.id,
                "price_unit": price, "tax_id": [(6, 0, tax.ids)],
            }) for product, price, tax in (
                (cls.product, IMPLEMENTATION, cls.vat10),
                (cls.analysis, ANALYSIS, cls.vat8),
            )],
        })
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 50.0,
                    "trigger": "order_confirmed"}),
            (0, 0, {"sequence": 2, "name": "Quyết toán", "percent": 50.0,
                    "trigger": "date", "date_planned": "2026-06-01"}),
        ]})
        cls.order = order
        cls.advance, cls.final = order.payment_plan_line_ids
        cls.analysis_line = order.order_line.filtered(
            lambda line: line.product_id == cls.analysis
        )

    def deliver(self):
        self.analysis_line.sudo(self.salesman).qty_delivered = 1

    def test_quotation_plan_names_the_lines_billed_on_delivery(self):
        self.assertIn("Dịch vụ phân tích", self.order.b2b_plan_waiting)
        self.assertIn("delivered quantities", self.order.b2b_plan_waiting)

    def test_final_installment_waits_for_every_line(self):
        self.order.action_confirm()
        self.assertEqual(self.advance.state, "invoiced")
        self.assertIn("Dịch vụ phân tích", self.order.b2b_plan_waiting)
        final = self.final.sudo(self.accountant)
        # The accountant's button and the invoicing run: refused, nothing made.
        with self.assertRaises(UserError) as error:
            final.action_trigger()
        self.assertIn("Dịch vụ phân tích", error.exception.name)
        self.assertIn("Quyết toán", error.exception.name)
        # The run leaves it waiting, triggered: no failure, no invoice.
        self.env["b2b.payment.plan.line"]._cron_invoice_due(today="2026-06-02")
        self.assertEqual(self.final.state, "to_invoice")
        self.assertFalse(self.final.invoice_id)
        self.assertFalse(self.order.activity_ids)
        self.assertEqual(len(self.order.invoice_ids), 1)
        # Delivered: the final invoice bills the rest of every line.
        self.deliver()
        self.assertFalse(self.order.b2b_plan_waiting)
        final.action_trigger()
        invoice = self.final.invoice_id
        self.assertEqual(invoice.amount_total, self.final.amount)
        self.assertTrue(all(tax.base >= 0 for tax in invoice.tax_line_ids))
        self.assertEqual(
            sum(self.order.payment_plan_line_ids.mapped("amount")), TOTAL)
        self.assertEqual(
            sum(self.order.invoice_ids.mapped("amount_total")), TOTAL)
        by_tax = {}
        for invoice in self.order.invoice_ids:
            for tax_line in invoice.tax_line_ids:
                by_tax[tax_line.tax_id] = by_tax.get(tax_line.tax_id, 0) + tax_line.amount
        self.assertEqual(by_tax, {self.vat10: 40000000, self.vat8: 4000000})

    def test_liquidation_refused_while_a_line_is_not_invoiced(self):
        self.order.action_confirm()
        self.pay(self.advance.invoice_id)
        contract = self.contract
        contract.invalidate_cache()
        self.assertFalse(contract.liquidation_ready)
        self.assertIn("is not invoiced for", contract.liquidation_open_items)
        self.assertIn("Dịch vụ phân tích", contract.liquidation_open_items)
        with self.assertRaises(AccessError) as error:
            contract.action_close()
        self.assertIn("Dịch vụ phân tích", error.exception.name)
        self.deliver()
        self.final.sudo(self.accountant).action_trigger()
        self.pay(self.final.invoice_id)
        contract.invalidate_cache()
        self.assertEqual(contract.liquidation_open_items, "")
        contract.action_close()
        figures = contract._get_liquidation_figures()
        self.assertEqual(
            (figures["invoiced"], figures["paid"], figures["outstanding"]),
            (TOTAL, TOTAL, 0),
        )

    def test_payment_plan_pdf_total_is_the_sum_of_its_lines(self):
        self.order.action_confirm()
        report = self.env.ref("b2b_sales_delivery.action_report_b2b_payment_plan")
        html = report.sudo(self.salesman).render_qweb_html(self.order.ids)[0].decode()
        self.assertIn("Total of the plan", html)
        self.assertIn("494,000,000", html)
        self.assertIn("247,000,000", html)
        self.assertNotIn("Not covered by the plan", html)
        self.assertIn("Dịch vụ phân tích", html)

    def test_change_request_taxed_like_the_order(self):
        self.order.action_confirm()
        change = self.env["b2b.change.request"].sudo(self.salesman).create({
            "order_id": self.order.id, "name": "Thêm báo cáo tồn kho",
            "extra_amount": 10000000,
        })
        change.action_send()
        change.action_approve(approved_by="Lê Văn Hùng", via="email")
        line = change.sale_line_id
        self.assertEqual(line.tax_id, self.vat10)
        self.assertEqual(self.order.amount_total, TOTAL + 11000000)
