# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""VAT on every installment: a mixed 10% / 8% / 5% / 0% order in VND.

Each installment invoice carries the order's taxes in proportion, one down
payment line per set of taxes; the final invoice deducts them with their
taxes; the invoices add up to the order to the last đồng.
"""
from .common import accept_by_customer
from .common_payment import B2BPaymentCase

# (price, VAT %) of the order's lines; the figures of the README's table.
MIXED_LINES = (
    (123456789, 10.0),
    (45678901, 8.0),
    (9876543, 5.0),
    (1234567, 0.0),
)


class TestPaymentVat(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.use_vnd()
        cls.taxes = {}
        for _price, rate in MIXED_LINES:
            cls.taxes[rate] = env["account.tax"].create({
                "name": "VAT %g%%" % rate, "amount": rate,
                "amount_type": "percent", "type_tax_use": "sale",
                "company_id": cls.company.id,
            })
        order = env["sale.order"].sudo(cls.salesman).create({
            "partner_id": cls.customer.id,
            "pricelist_id": cls.pricelist_vnd.id,
            "order_line": [(0, 0, {
                "product_id": cls.product.id, "name": "Hạng mục %g%%" % rate,
                "product_uom_qty": 1, "product_uom": cls.product.uom_id.id,
                "price_unit": price, "tax_id": [(6, 0, cls.taxes[rate].ids)],
            }) for price, rate in MIXED_LINES],
            "phase_ids": [(0, 0, {"name": "Giai đoạn 1", "sequence": 1})],
        })
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 30.0,
                    "trigger": "order_confirmed"}),
            (0, 0, {"sequence": 2, "name": "Giai đoạn 1", "percent": 40.0,
                    "trigger": "phase_accepted", "phase_id": order.phase_ids.id}),
            (0, 0, {"sequence": 3, "name": "Quyết toán", "percent": 30.0,
                    "trigger": "date", "date_planned": "2999-01-01"}),
        ]})
        cls.order = order

    def by_rate(self, invoice):
        """{VAT %: (untaxed, tax)} of an invoice."""
        result = {}
        for line in invoice.invoice_line_ids:
            rate = line.invoice_line_tax_ids.amount
            untaxed, tax = result.get(rate, (0.0, 0.0))
            result[rate] = (untaxed + line.price_subtotal, tax)
        for tax_line in invoice.tax_line_ids:
            rate = tax_line.tax_id.amount
            untaxed, tax = result.get(rate, (0.0, 0.0))
            result[rate] = (untaxed, tax + tax_line.amount)
        return result

    def order_by_rate(self):
        result = {}
        for line in self.order.order_line.filtered(lambda so_line: not so_line.is_downpayment):
            rate = line.tax_id.amount
            untaxed, tax = result.get(rate, (0.0, 0.0))
            result[rate] = (untaxed + line.price_subtotal, tax + line.price_tax)
        return result

    def test_mixed_taxes_to_the_dong(self):
        order = self.order
        self.assertEqual(
            (order.amount_untaxed, order.amount_tax, order.amount_total),
            (180246800.0, 16493818.0, 196740618.0),
        )
        self.assertEqual(
            order.payment_plan_line_ids.mapped("amount"),
            [59022185.0, 78696247.0, 59022186.0],
        )
        order.sudo(self.salesman).action_confirm()
        advance, phase_line, final_line = order.payment_plan_line_ids
        # The advance: one down payment line per VAT rate, in proportion.
        self.assertEqual(len(advance.sale_line_ids), 4)
        first = advance.invoice_id
        self.assertEqual(self.by_rate(first), {
            10.0: (37037036.0, 3703704.0),
            8.0: (13703670.0, 1096294.0),
            5.0: (2962963.0, 148148.0),
            0.0: (370370.0, 0.0),
        })
        self.assertEqual(first.amount_total, 59022185.0)
        self.assertEqual(advance.amount, 59022185.0)
        project = self.env["project.project"].browse(order.sudo().action_create_project())
        project.message_subscribe_users(user_ids=[self.project_user.id])
        self.assertEqual(project.phase_ids, order.phase_ids)
        # Phase 1 accepted: its installment.
        accept_by_customer(self.create_acceptance(order.phase_ids))
        second = phase_line.invoice_id
        self.assertEqual(self.by_rate(second), {
            10.0: (49382715.0, 4938272.0),
            8.0: (18271560.0, 1461725.0),
            5.0: (3950617.0, 197531.0),
            0.0: (493827.0, 0.0),
        })
        self.assertEqual(second.amount_total, 78696247.0)
        self.assertEqual(phase_line.amount, 78696247.0)
        # The date has come: the final invoice deducts both with their taxes.
        self.env["b2b.payment.plan.line"]._cron_invoice_due(today="2999-01-02")
        final = final_line.invoice_id
        self.assertEqual(len(final.invoice_line_ids), 4 + 8)
        self.assertEqual(self.by_rate(final), {
            10.0: (37037038.0, 3703703.0),
            8.0: (13703671.0, 1096293.0),
            5.0: (2962963.0, 148148.0),
            0.0: (370370.0, 0.0),
        })
        self.assertEqual(final.amount_total, 59022186.0)
        self.assertEqual(final_line.amount, 59022186.0)
        invoices = first | second | final
        self.assertEqual(order.invoice_ids, invoices)
        totals = {}
        for invoice in invoices:
            for rate, (untaxed, tax) in self.by_rate(invoice).items():
                total = totals.get(rate, (0.0, 0.0))
                totals[rate] = (total[0] + untaxed, total[1] + tax)
        self.assertEqual(totals, self.order_by_rate())
        self.assertEqual(sum(invoices.mapped("amount_untaxed")), order.amount_untaxed)
        self.assertEqual(sum(invoices.mapped("amount_tax")), order.amount_tax)
        self.assertEqual(sum(invoices.mapped("amount_total")), order.amount_total)
        self.assertEqual(
            sum(order.payment_plan_line_ids.mapped("amount")), order.amount_total
        )
        self.assertEqual(order.invoice_status, "invoiced")
