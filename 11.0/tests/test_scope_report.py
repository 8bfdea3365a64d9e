# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scope confirmation PDF, in the customer's language, items by category."""
import tempfile
from unittest import mock

from odoo.tools import config

from .common_scope import ScopeCase


class TestScopeReport(ScopeCase):
    def test_html_has_the_items_by_category(self):
        report = self.env.ref("b2b_sales_delivery.action_report_scope")
        html = report.render_qweb_html(self.order.ids)[0].decode()
        self.assertIn(self.order.name, html)
        positions = [html.index(text) for text in (
            "Brief", "Mục tiêu dự án", "User Interface", "Giao diện web",
            "Timeline", "Bàn giao sau 6 tuần")]
        self.assertEqual(positions, sorted(positions))
        self.assertIn(self.company.name, html)

    def test_pdf_renders(self):
        report = self.env.ref("b2b_sales_delivery.action_report_scope")
        with tempfile.TemporaryDirectory() as directory, mock.patch.dict(
            config.options, {"test_report_directory": directory}
        ):
            pdf, kind = report.render_qweb_pdf(self.order.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 1000)

    def test_change_request_report_renders(self):
        change = self.env["b2b.change.request"].create(
            {"order_id": self.order.id, "name": "Thêm báo cáo", "extra_amount": 5.0,
             "extra_days": 2}
        )
        report = self.env.ref("b2b_sales_delivery.action_report_change_request")
        html = report.render_qweb_html(change.ids)[0].decode()
        self.assertIn("Thêm báo cáo", html)
