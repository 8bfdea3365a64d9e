# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every customer-facing PDF renders for a record, carries its header and
footer inside the page body, shows customer dates only, amounts with their
currency and, for a Vietnamese customer, Vietnamese texts."""
import glob
import os
import re

from odoo import fields
from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tools.translate import xml_translate

from .common import SIGNATURE
from .common_payment import THIRDS, B2BPaymentCase
from .common_scope import SCAN

# (report action, what it is printed for)
REPORTS = [
    ("action_report_scope", "order"),
    ("action_report_change_request", "change"),
    ("action_report_delivery_plan", "project"),
    ("action_report_delivery_report", "delivery_report"),
    ("action_report_b2b_acceptance", "acceptance"),
    ("action_report_b2b_payment_request", "plan_line"),
    ("action_report_b2b_payment_plan", "order"),
]


def read_po(text):
    """{msgid: msgstr} of the translated entries of a .po file's text."""
    entries = re.finditer(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', text, re.M)

    def unquote(lines):
        return "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"').replace(
            "\\n", "\n")

    return {
        unquote(entry.group(1)): unquote(entry.group(2))
        for entry in entries if unquote(entry.group(2))
    }


class TestReports(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company.write({
            "website": "https://sao-viet.example.com",
            "phone": "+84 24 3999 8888",
            "email": "hello@sao-viet.example.com",
            "city": "Hà Nội",
        })
        cls.customer.city = "Đà Nẵng"
        cls.order, cls.project, cls.phases = cls.create_order(1000.01, THIRDS)
        cls.project.write({
            "plan_date_start": "2026-03-02", "buffer_mode": "days", "buffer_days": 14,
        })
        cls.phase = cls.phases[0]
        cls.phase.date_deadline = "2026-04-08"
        cls.task = env["project.task"].create({
            "name": "Thiết kế giao diện", "project_id": cls.project.id,
            "phase_id": cls.phase.id, "date_deadline": "2026-04-01",
        })
        env["b2b.scope.item"].create({
            "order_id": cls.order.id, "category": "ui", "name": "Giao diện web",
        })
        cls.change = env["b2b.change.request"].create({
            "order_id": cls.order.id, "name": "Thêm báo cáo tồn kho",
            "extra_amount": 250.5, "extra_days": 3,
        })
        cls.order.action_confirm_scope(via="email", signed_copy=SCAN)
        cls.order.action_confirm()
        cls.acceptance = cls.create_acceptance(cls.phase)
        cls.plan_line = cls.order.payment_plan_line_ids.sorted("sequence")[1]
        cls.delivery_report = env["b2b.delivery.report"].create({
            "project_id": cls.project.id,
            "period_start": "2026-03-02", "period_end": "2026-03-08",
        })
        cls.currency = cls.order.currency_id
        # Each document as printed from the data above, rendered once for
        # the tests that only read it.
        cls.documents = {
            action: cls.render(action, getattr(cls, record))
            for action, record in REPORTS
        }

    @classmethod
    def render(cls, action, record):
        report = cls.env.ref("b2b_sales_delivery.%s" % action)
        return report.render_qweb_html(record.ids)[0].decode()

    def date(self, value, lang="en_US"):
        date_format = self.env["res.lang"]._lang_get(lang).date_format
        return fields.Date.from_string(value).strftime(date_format)

    def load_vietnamese(self):
        """vi_VN with the Vietnamese terms of i18n/vi/*.po on the report views
        (the lead assembles i18n/vi.po from these files)."""
        self.env["res.lang"].load_lang("vi_VN")
        terms = {}
        for path in glob.glob(os.path.join(
            get_module_path("b2b_sales_delivery"), "i18n", "vi", "*.po"
        )):
            with open(path, encoding="utf-8") as po_file:
                terms.update(read_po(po_file.read()))
        views = self.env["ir.ui.view"].search([
            ("type", "=", "qweb"), ("key", "=like", "b2b_sales_delivery.%"),
        ])
        self.assertTrue(views)
        for view in views:
            sources = set()
            xml_translate(sources.add, view.arch_db)
            for source in sources & set(terms):
                self.env["ir.translation"].create({
                    "type": "model", "name": "ir.ui.view,arch_db",
                    "res_id": view.id, "lang": "vi_VN", "src": source,
                    "value": terms[source], "module": "b2b_sales_delivery",
                    "state": "translated",
                })
        self.env["ir.ui.view"].clear_caches()
        self.env["ir.qweb"].clear_caches()
        self.customer.lang = "vi_VN"

    def test_page_body_with_header_and_footer(self):
        self.assertTrue(self.phase.date_deadline_customer)
        paperformat = self.env.ref("b2b_sales_delivery.paperformat_b2b_document")
        for action, record in REPORTS:
            # no room kept for a separate header: it is in the page body
            report = self.env.ref("b2b_sales_delivery.%s" % action)
            self.assertEqual(report.paperformat_id, paperformat, action)
            html = self.documents[action]
            # One document: an article holding a page, or the PDF is empty.
            self.assertEqual(html.count("<html"), 1, action)
            self.assertEqual(
                len(re.findall(r'<div class="article"[^>]*>\s*<div class="page">', html)),
                1, action,
            )
            page = html[html.index('<div class="page">'):]
            # header and footer inside the page body
            self.assertIn(self.company.name, page, action)
            for contact in ("https://sao-viet.example.com", "+84 24 3999 8888",
                            "hello@sao-viet.example.com"):
                self.assertIn(contact, page, action)

    def test_customer_dates_only(self):
        internal = [self.phase.date_deadline, self.task.date_deadline]
        self.assertEqual(self.phase.date_deadline_customer, "2026-04-22")
        self.assertEqual(self.task.date_deadline_customer, "2026-04-15")
        for action, _record in REPORTS:
            html = self.documents[action]
            for date in internal:
                self.assertNotIn(self.date(date), html, action)
        plan = self.documents["action_report_delivery_plan"]
        self.assertIn(self.date("2026-04-22"), plan)
        self.assertIn(self.date("2026-04-15"), plan)
        # the installment of the phase is due 10 days after its customer date
        self.assertEqual(self.plan_line.date_due, "2026-05-02")
        for html in (self.documents["action_report_b2b_payment_plan"],
                     self.documents["action_report_b2b_payment_request"]):
            self.assertIn(self.date("2026-05-02"), html)

    def assertAmount(self, html, amount):
        value = r'<span class="oe_currency_value">%s</span>' % re.escape(amount)
        symbol = re.escape(self.currency.symbol)
        self.assertRegex(html, r"%s(\s|&nbsp;|\xa0)*%s|%s(\s|&nbsp;|\xa0)*%s" % (
            symbol, value, value, symbol))

    def test_amounts_with_currency(self):
        self.assertAmount(self.documents["action_report_scope"], "1,000.01")
        self.assertAmount(self.documents["action_report_change_request"], "250.50")
        self.assertAmount(self.documents["action_report_b2b_payment_request"], "333.30")
        plan = self.documents["action_report_b2b_payment_plan"]
        for amount in ("1,000.01", "333.30", "333.41"):
            self.assertAmount(plan, amount)

    def test_acceptance_minutes_parties_date_place_signatures(self):
        html = self.documents["action_report_b2b_acceptance"]
        for text in (
            "ACCEPTANCE MINUTES", self.acceptance.name, self.customer.name,
            "Nguyễn Văn An", self.project_user.name, "Đà Nẵng", "Giai đoạn 1",
            "Tài liệu yêu cầu", "Bản thiết kế giao diện",
            "FOR THE CUSTOMER", "FOR THE SUPPLIER", "(signature, full name)",
        ):
            self.assertIn(text, html)
        self.assertIn("Represented by:", html)
        # not accepted yet: the date is left to fill in on paper
        self.assertIn("......../......../............", html)
        self.acceptance.sudo(self.project_user).action_send()
        self.acceptance._accept_by_customer("Trần Thị Bích", SIGNATURE, "link")
        html = self.render("action_report_b2b_acceptance", self.acceptance)
        self.assertIn("Trần Thị Bích", html)
        self.assertIn(self.date(self.acceptance.date_accepted[:10]), html)
        self.assertNotIn("......../......../............", html)

    def test_vietnamese_customer(self):
        self.load_vietnamese()
        html = self.render("action_report_b2b_acceptance", self.acceptance)
        for text in ("BIÊN BẢN NGHIỆM THU", "ĐẠI DIỆN KHÁCH HÀNG",
                     "ĐẠI DIỆN BÊN CUNG CẤP", "(ký, ghi rõ họ tên)",
                     "Địa điểm:",
                     "Đại diện:", "mỗi bên giữ một bản"):
            self.assertIn(text, html)
        self.assertNotIn("ACCEPTANCE MINUTES", html)
        self.assertNotIn("FOR THE CUSTOMER", html)
        expected = [
            ("action_report_scope", "order", "Nhân viên kinh doanh:",
             "Salesperson:"),
            ("action_report_change_request", "change", "Số ngày phát sinh",
             "Extra Days"),
            ("action_report_delivery_plan", "project", "Kế hoạch triển khai",
             "Delivery plan"),
            ("action_report_delivery_report", "delivery_report", "Báo cáo tiến độ",
             "Progress report"),
            ("action_report_b2b_payment_request", "plan_line", "ĐỀ NGHỊ THANH TOÁN",
             "PAYMENT REQUEST"),
            ("action_report_b2b_payment_plan", "order", "KẾ HOẠCH THANH TOÁN",
             "PAYMENT PLAN"),
        ]
        for action, record, vietnamese, english in expected:
            html = self.render(action, getattr(self, record))
            self.assertIn(vietnamese, html, action)
            self.assertNotIn(english, html, action)
        # dates in the customer's format
        plan = self.render("action_report_delivery_plan", self.project)
        self.assertIn(self.date("2026-04-22", "vi_VN"), plan)

    def test_each_role_prints_what_it_may_read(self):
        """Each document is printed by each role who may read its record
        (no server error)."""
        failures = []
        for action, name in REPORTS:
            record = getattr(self, name)
            report = self.env.ref("b2b_sales_delivery.%s" % action)
            for user in (self.salesman, self.sales_manager, self.project_user,
                         self.project_manager, self.accountant):
                mine = record.sudo(user)
                try:
                    mine.check_access_rights("read")
                    mine.check_access_rule("read")
                except AccessError:
                    continue
                try:
                    with self.env.cr.savepoint():
                        report.sudo(user).render_qweb_html(record.ids)
                except Exception as error:  # pylint: disable=broad-except
                    failures.append("%s as %s: %r" % (action, user.login, error))
        self.assertFalse(failures, "\n".join(failures))
