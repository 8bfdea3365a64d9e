# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The 11.0 tests of the money side carried to Odoo 19: the payment plan
PDF adding up as printed, an order whose installments were billed kept
from cancelling, the plan on the customer's page of their order and a
portal customer reading their own plan only, the order's change requests
and what the approved ones add."""

import re
from datetime import date

from freezegun import freeze_time
from lxml import html

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common_payment import INVOICE_DATE, PaymentCase
from .common_scope import SENT_ON, ScopeCase

PLAN_REPORT = "b2b_sales_delivery.b2b_payment_plan_report"


def printed_amount(text):
    """The amount a cell prints (its digits; the đồng has no decimals)."""
    return int(re.sub(r"\D", "", text))


class TestCarriedMoney(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))
        cls.advance = cls.order.payment_plan_line_ids.sorted("sequence")[0]

    def test_payment_plan_pdf_total_is_the_sum_of_its_lines(self):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html(PLAN_REPORT, self.order.ids)
        )
        table = html.fromstring(content).xpath("//table[contains(@class, 'o_main_table')]")[0]
        rows = table.xpath("./tbody/tr")
        self.assertEqual(
            [row.xpath("./td")[0].text_content().strip() for row in rows],
            ["Tạm ứng", "Đợt 2", "Quyết toán"],
        )
        printed = [printed_amount(row.xpath("./td")[4].text_content()) for row in rows]
        # 30 %, 30 % and 40 % of 171,802,468 đồng, the last taking the rounding.
        self.assertEqual(printed, [51540740, 51540740, 68720988])
        total = printed_amount(table.xpath("./tfoot/tr/td")[1].text_content())
        self.assertEqual(total, sum(printed))
        self.assertEqual(total, self.order.amount_total)

    def test_confirmed_order_billed_is_not_cancelled(self):
        invoice = self.post(self.invoice(self.advance))
        order = self.order.with_user(self.salesman)
        with self.assertRaises(UserError) as caught:
            order.action_cancel()
        self.assertIn("Tạm ứng", str(caught.exception))
        self.assertIn(invoice.name, str(caught.exception))
        # The superuser's write meets the rule too.
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            self.order.sudo().write({"state": "cancel"})
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(invoice.state, "posted")
        # Credited, the installment is billed no more: the order may go.
        self.post(self.credit_note(invoice))
        order.action_cancel()
        self.assertEqual(self.order.state, "cancel")
        order.action_draft()
        self.assertEqual(self.order.state, "draft")

    def test_draft_installment_invoice_is_cancelled_with_the_order(self):
        # A draft reserves, it bills nothing yet: Odoo cancels it with the
        # order (as a user allowed both, here the superuser).
        draft = self.invoice(self.advance)
        self.order.sudo().action_cancel()
        self.assertEqual(self.order.state, "cancel")
        self.assertEqual(draft.state, "cancel")

    def test_validated_invoices_when_the_company_chooses_so(self):
        self.company.b2b_post_installment_invoices = True
        order = self.confirm(
            self.create_order(
                [
                    {"name": "Tạm ứng", "percent": 30, "date_due": date(2026, 3, 31)},
                    {"name": "Quyết toán", "percent": 70},
                ]
            )
        )
        advance, final = order.payment_plan_line_ids.sorted("sequence")
        with freeze_time(INVOICE_DATE):
            invoice = self.invoice(advance, user=self.salesman)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.invoice_date, INVOICE_DATE)
        self.assertEqual(invoice.invoice_date_due, date(2026, 3, 31))
        self.assertEqual(invoice.amount_total, advance.amount)
        self.assertEqual(advance.state, "invoiced")
        # The company's choice, not the user's: a draft once it chooses so.
        self.company.b2b_post_installment_invoices = False
        self.assertEqual(self.invoice(final).state, "draft")


class TestCarriedChangeRequests(ScopeCase):
    """The order's change requests: each listed, the approved ones added to
    the order once, in money and in working days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)

    def change(self, name, amount, days, decision=None):
        change = (
            self.env["b2b.change.request"]
            .with_user(self.salesman)
            .create(
                {
                    "order_id": self.order.id,
                    "name": name,
                    "extra_amount": amount,
                    "extra_days": days,
                }
            )
        )
        if decision:
            with freeze_time(SENT_ON):
                change.action_send()
            self.customer_mail(change)
            getattr(change, "action_%s" % decision)()
        return change.with_env(self.env)

    def test_order_shows_each_change_and_totals(self):
        changes = (
            self.change("A", 10000000, 1, "approve")
            | self.change("B", 4000000, 2, "approve")
            | self.change("C", 999, 9, "reject")
            | self.change("D", 7, 9)
        )
        action = self.order.with_user(self.salesman).action_view_change_requests()
        listed = self.env["b2b.change.request"].with_user(self.salesman).search(action["domain"])
        self.assertEqual(listed, changes)
        self.assertEqual(set(listed.mapped("state")), {"approved", "rejected", "draft"})
        totals = dict(
            (state, (amount, days))
            for state, amount, days in self.env["b2b.change.request"]._read_group(
                action["domain"], ["state"], ["extra_amount:sum", "extra_days:sum"]
            )
        )
        self.assertEqual(totals["approved"], (14000000, 3))
        # The approved ones only, each its own line, taxed as the order.
        lines = self.order.order_line.filtered("product_id.name").sorted("sequence")[1:]
        self.assertEqual(lines.mapped("price_unit"), [10000000, 4000000])
        self.assertEqual(lines, changes[:2].sale_line_id)
        self.assertEqual(self.order.amount_untaxed, 114000000)
        self.assertEqual(self.order.amount_tax, 9120000)
        # Three working days in all: Friday 13 March -> Wednesday 18 March.
        self.assertEqual(self.phase_script.date_deadline, date(2026, 3, 18))


@tagged("post_install", "-at_install")
class TestCarriedMoneyPortal(HttpCase, PaymentCase):
    """The payment plan on the customer's page of their order; a portal
    customer reads their own installments and changes none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env,
            login="b2b_pay_portal",
            groups="base.group_portal",
            partner_id=cls.customer.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))
        cls.order._portal_ensure_token()
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Công ty CP Hòa Bình", "is_company": True}
        )
        cls.other_order = cls.create_order(cls.three_thirds())
        cls.other_order.partner_id = cls.other_customer

    def test_payment_plan_page(self):
        for login in (None, self.portal_user.login):
            if login:
                self.authenticate(login, login)
            query = "" if login else "?access_token=%s" % self.order.access_token
            page = self.url_open("/my/orders/%s%s" % (self.order.id, query))
            self.assertEqual(page.status_code, 200)
            section = html.fromstring(page.text).xpath("//section[@id='b2b_payment_plan']")
            self.assertEqual(len(section), 1, login)
            text = section[0].text_content()
            for name in ("Tạm ứng", "Đợt 2", "Quyết toán"):
                self.assertIn(name, text)
            printed = [
                printed_amount(cell.text_content())
                for cell in section[0].xpath("./table/tbody/tr/td[4]")
            ]
            self.assertEqual(sum(printed), self.order.amount_total)

    def test_portal_customer_sees_own_plan_only(self):
        Line = self.env["b2b.payment.plan.line"].with_user(self.portal_user)
        self.assertEqual(Line.search([]), self.order.payment_plan_line_ids)
        with self.assertRaises(AccessError):
            self.other_order.payment_plan_line_ids[:1].with_user(self.portal_user).read(["amount"])
        own = self.order.payment_plan_line_ids[:1].with_user(self.portal_user)
        self.assertEqual(own.read(["name"])[0]["name"], "Tạm ứng")
        with self.assertRaises(AccessError):
            own.write({"date_due": "2026-04-01"})
        with self.assertRaises(AccessError):
            Line.create({"order_id": self.order.id, "name": "Thêm", "amount": 1})
        with self.assertRaises(AccessError):
            own.unlink()
