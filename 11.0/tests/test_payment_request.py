# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A payment request asks what is due: the installment's amount while its
invoice is a draft (no balance yet), then the invoice's balance; its PDF and
the reminders say the same."""
import re

from .common_payment import B2BPaymentCase


class TestPaymentRequest(B2BPaymentCase):
    def render_payment_request(self, line):
        report = self.env.ref("b2b_sales_delivery.action_report_b2b_payment_request")
        return report.render_qweb_html(line.ids)[0].decode()

    def amount_cells(self, html):
        """The amount and the amount due of the payment request's row."""
        row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", html, re.S).group(1)
        cells = re.findall(r'<td class="text-right">(.*?)</td>', row, re.S)
        self.assertEqual(len(cells), 2, row)
        return [re.search(r'oe_currency_value">([^<]*)<', cell).group(1)
                for cell in cells]

    def test_payment_request_of_a_draft_invoice_asks_the_installment(self):
        order, _project, _phases = self.create_order(1000.0, (40.0, 60.0))
        order.action_confirm()
        line = order.payment_plan_line_ids[0]
        self.assertEqual(line.invoice_id.state, "draft")
        self.assertEqual(line.invoice_id.residual, 0.0)
        self.assertEqual(line.amount_due, 400.0)
        html = self.render_payment_request(line)
        self.assertEqual(self.amount_cells(html), ["400.00", "400.00"])
        words = line.currency_id.b2b_amount_to_words(400.0)
        self.assertIn(words, html)
        # The reminder says the same.
        template = self.env.ref(
            "b2b_sales_delivery.mail_template_b2b_payment_reminder_before")
        body = template.render_template(
            template.body_html, line._name, [line.id])[line.id]
        self.assertIn("400.00", body)
        # Once validated and partly paid: the balance of the invoice.
        self.pay(line.invoice_id, amount=150.0)
        self.assertEqual(line.invoice_id.state, "open")
        self.assertEqual(line.amount_due, 250.0)
        html = self.render_payment_request(line)
        self.assertEqual(self.amount_cells(html), ["400.00", "250.00"])
        self.assertIn(line.currency_id.b2b_amount_to_words(250.0), html)
        body = template.render_template(
            template.body_html, line._name, [line.id])[line.id]
        self.assertIn("250.00", body)
        # Paid: nothing is due.
        self.pay(line.invoice_id)
        self.assertEqual(line.state, "paid")
        self.assertEqual(line.amount_due, 0.0)
        self.assertEqual(self.amount_cells(self.render_payment_request(line)),
                         ["400.00", "0.00"])
