# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's two plans: the internal plan (tasks and phases,
who, internal dates) and the customer plan (phases and the tasks the
customer sees, customer dates only: no internal date appears), in the
customer's language; the customer plan and the customer's questions on the
portal, for the customer only."""

import re
from datetime import date, datetime

from odoo.tests import HttpCase, new_test_user, tagged

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project

DATE_FORMATS = ("%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d", "%d/%m/%y", "%m/%d/%y")


def date_texts(day):
    """``day`` as a report could print it."""
    return {day.strftime(fmt) for fmt in DATE_FORMATS}


class PlanCase(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.customer.lang = "vi_VN"
        cls.project = create_delivery_project(cls)
        cls.project.user_id = cls.project_manager
        Task = cls.env["project.task"]
        cls.task_script = Task.create(
            {
                "name": "Viết kịch bản",
                "project_id": cls.project.id,
                "milestone_id": cls.phase_script.milestone_id.id,
                "user_ids": [(6, 0, cls.project_user.ids)],
                # Wednesday 11 March, 17:00 in Hanoi.
                "date_deadline": datetime(2026, 3, 11, 10, 0),
            }
        )
        cls.task_edit = Task.create(
            {
                "name": "Dựng phim nháp",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, cls.project_user.ids)],
                "date_deadline": datetime(2026, 4, 15, 3, 0),
            }
        )
        cls.task_cancelled = Task.create(
            {
                "name": "Thuê thiết bị dự phòng",
                "project_id": cls.project.id,
                "state": "1_canceled",
                "date_deadline": datetime(2026, 3, 20, 3, 0),
            }
        )
        cls.subtask = Task.create(
            {
                "name": "Soát lỗi chính tả",
                "project_id": cls.project.id,
                "parent_id": cls.task_script.id,
                "date_deadline": datetime(2026, 3, 10, 3, 0),
            }
        )

    def render(self, report, user=None):
        html = (
            self.env["ir.actions.report"]
            .with_user(user or self.project_user)
            ._render_qweb_html(report, self.project.ids)[0]
        )
        return html.decode()

    def customer_dates(self):
        return [
            self.phase_script.date_deadline_customer,
            self.phase_shooting.date_deadline_customer,
            self.task_script.date_deadline_customer,
            self.task_edit.date_deadline_customer,
        ]

    def internal_dates(self):
        return [
            self.phase_script.date_deadline,
            self.phase_shooting.date_deadline,
            self.task_script.date_deadline.date(),
            self.task_edit.date_deadline.date(),
        ]


class TestDeliveryPlanReport(PlanCase):
    def test_dates_differ(self):
        # What the other tests rely on: every customer date is later than
        # its internal date, and none is another one's internal date.
        for internal, customer in zip(self.internal_dates(), self.customer_dates()):
            self.assertGreater(customer, internal)
        self.assertFalse(set(self.internal_dates()) & set(self.customer_dates()))
        self.assertEqual(self.task_script.date_deadline_customer, date(2026, 3, 25))

    def test_customer_plan_shows_customer_dates_only(self):
        html = self.render("b2b_sales_delivery.action_report_b2b_customer_plan")
        for name in ("Kịch bản", "Quay phim", "Viết kịch bản", "Dựng phim nháp", self.project.name):
            self.assertIn(name, html)
        # Tasks the customer does not see, and who does what.
        for name in ("Thuê thiết bị dự phòng", "Soát lỗi chính tả", self.project_user.name):
            self.assertNotIn(name, html)
        for day in self.customer_dates():
            self.assertIn(day.strftime("%d/%m/%Y"), html)
        for day in self.internal_dates() + [date(2026, 3, 20), date(2026, 3, 10)]:
            for text in date_texts(day):
                self.assertNotIn(text, html, "an internal date in the customer plan")
        # In the customer's language.
        self.assertIn("Kế hoạch triển khai", html)
        self.assertNotIn("Delivery Plan:", html)

    def test_customer_plan_in_english_for_an_english_customer(self):
        self.customer.lang = "en_US"
        html = self.render("b2b_sales_delivery.action_report_b2b_customer_plan")
        self.assertIn("Delivery Plan:", html)
        self.assertIn(self.task_script.date_deadline_customer.strftime("%m/%d/%Y"), html)

    def test_internal_plan_shows_who_and_internal_dates(self):
        html = self.render("b2b_sales_delivery.action_report_b2b_plan")
        for name in ("Viết kịch bản", "Dựng phim nháp", "Soát lỗi chính tả", self.project_user.name):
            self.assertIn(name, html)
        for day in self.internal_dates() + self.customer_dates():
            self.assertIn(day.strftime("%d/%m/%Y"), html)
        self.assertIn("Kế hoạch nội bộ", html)

    def test_sections_follow_the_phases(self):
        sections = self.project._b2b_plan_sections(self.project._b2b_customer_plan_tasks())
        self.assertEqual(
            [(phase, tasks) for phase, tasks in sections],
            [
                (self.phase_script, self.task_script),
                (self.phase_shooting, self.env["project.task"]),
                (self.env["b2b.phase"], self.task_edit),
            ],
        )


@tagged("post_install", "-at_install")
class TestDeliveryPlanPortal(HttpCase, PlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {"name": "Nguyễn Văn An", "parent_id": cls.customer.id, "email": "an@minhphat.example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="b2b_plan_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        other_customer = cls.env["res.partner"].create(
            {"name": "Công ty Cổ phần Sao Mai", "is_company": True}
        )
        cls.portal_other = new_test_user(
            cls.env,
            login="b2b_plan_portal_other",
            groups="base.group_portal",
            name="Trần Văn Khác",
            parent_id=other_customer.id,
        )
        cls.employee = new_test_user(cls.env, login="b2b_plan_employee", groups="base.group_user")
        cls.order_token = cls.order._portal_ensure_token()
        # Odoo gives a project a link only once shared with the portal.
        cls.project.privacy_visibility = "invited_users"
        cls.project_token = cls.project._portal_ensure_token()

    def url(self, suffix, kind="orders", token=None, query=""):
        res_id = self.order.id if kind == "orders" else self.project.id
        token = token if token is not None else (
            self.order_token if kind == "orders" else self.project_token
        )
        return "/my/%s/%s/%s?access_token=%s%s" % (kind, res_id, suffix, token, query)

    def get_plan(self, kind="orders", token=None):
        return self.url_open(self.url("plan", kind, token, "&report_type=html"))

    def assertCustomerPlan(self, response):
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Viết kịch bản", html)
        self.assertIn(self.task_script.date_deadline_customer.strftime("%d/%m/%Y"), html)
        for text in date_texts(self.task_script.date_deadline.date()):
            self.assertNotIn(text, html)

    def test_customer_downloads_the_plan(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        self.assertCustomerPlan(self.get_plan("orders"))
        self.assertCustomerPlan(self.get_plan("projects"))
        order_page = self.url_open(
            "/my/orders/%s?access_token=%s" % (self.order.id, self.order_token)
        )
        self.assertEqual(order_page.status_code, 200)
        self.assertIn("/my/orders/%s/plan" % self.order.id, order_page.text)

    def test_project_page_links(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(
            "/my/projects/%s?access_token=%s" % (self.project.id, self.project_token)
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn(
            "/my/projects/%s/plan?access_token=%s" % (self.project.id, self.project_token),
            page.text,
        )
        self.assertIn("/my/projects/%s/questions" % self.project.id, page.text)

    def test_questions_page_in_the_customer_language(self):
        page = self.url_open(self.url("questions"))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Đặt câu hỏi", page.text)
        self.assertNotIn("Ask a question", page.text)

    def test_customer_without_login(self):
        self.assertCustomerPlan(self.get_plan("orders"))
        response = self.url_open(
            self.url("questions/ask"),
            data={"name": "Ai ký biên bản nghiệm thu?", "csrf_token": self.csrf()},
        )
        self.assertEqual(response.status_code, 200)
        question = self.env["b2b.question"].search([("name", "=", "Ai ký biên bản nghiệm thu?")])
        self.assertEqual(question.partner_id, self.customer)
        self.assertEqual(question.source, "customer")
        # An empty question is refused, nothing is created.
        response = self.url_open(
            self.url("questions/ask"), data={"name": "   ", "csrf_token": self.csrf()}
        )
        self.assertIn("error=empty", response.url)
        self.assertEqual(
            self.env["b2b.question"].search_count([("project_id", "=", self.project.id)]), 1
        )
        self.assertEqual(self.get_plan("orders", token="x" * 36).status_code, 404)
        self.assertEqual(
            self.url_open("/my/orders/%s/plan" % self.order.id).status_code, 404
        )

    def test_another_customer_refused(self):
        self.authenticate(self.portal_other.login, self.portal_other.login)
        for kind in ("orders", "projects"):
            self.assertEqual(self.get_plan(kind).status_code, 403)
            self.assertEqual(self.get_plan(kind, token="").status_code, 404)
            self.assertEqual(self.url_open(self.url("questions", kind)).status_code, 403)
        response = self.url_open(
            self.url("questions/ask"), data={"name": "Chen ngang", "csrf_token": self.csrf()}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.env["b2b.question"].search([("name", "=", "Chen ngang")]))

    def test_internal_user_gets_no_more_than_their_rights(self):
        # The token opens nothing to an employee without rights on the order.
        self.authenticate(self.employee.login, self.employee.login)
        self.assertEqual(self.get_plan("orders").status_code, 403)
        self.assertEqual(self.get_plan("projects").status_code, 403)
        self.authenticate(self.salesman_other.login, self.salesman_other.login)
        self.assertEqual(self.get_plan("orders").status_code, 403)
        # The project's manager gets the customer's plan, nothing more.
        self.authenticate(self.project_manager.login, self.project_manager.login)
        self.assertCustomerPlan(self.get_plan("projects"))

    def csrf(self):
        """A CSRF token of the current session."""
        page = self.url_open("/my")
        return re.search(r'csrf_token["\']?\s*[:=]\s*["\']([0-9a-fo]+)', page.text).group(1)

    def test_customer_asks_and_reads_the_answers(self):
        answered = self.env["b2b.question"].create(
            {
                "project_id": self.project.id,
                "name": "Có cần phụ đề tiếng Anh?",
                "source": "customer",
                "partner_id": self.contact.id,
                "user_id": self.project_manager.id,
            }
        )
        answered.action_answer("Có, phụ đề tiếng Anh nằm trong phạm vi.")
        self.env["b2b.question"].create(
            {
                "project_id": self.project.id,
                "name": "Câu hỏi nội bộ của đội",
                "user_id": self.project_manager.id,
            }
        )
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(self.url("questions"))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Có, phụ đề tiếng Anh nằm trong phạm vi.", page.text)
        self.assertNotIn("Câu hỏi nội bộ của đội", page.text)
        response = self.url_open(
            self.url("questions/ask"),
            data={
                "name": "Khi nào có bản dựng đầu tiên?",
                "description": "Để chúng tôi sắp lịch duyệt.",
                "csrf_token": self.csrf(),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("message=question_ok", response.url)
        question = self.env["b2b.question"].search(
            [("name", "=", "Khi nào có bản dựng đầu tiên?")]
        )
        self.assertEqual(question.source, "customer")
        self.assertEqual(question.partner_id, self.contact)
        self.assertEqual(question.user_id, self.project_manager)
        self.assertEqual(question.project_id, self.project)
        self.assertEqual(question.state, "open")
        self.assertEqual(question.activity_ids.user_id, self.project_manager)
        self.assertIn("Khi nào có bản dựng đầu tiên?", response.text)

    def test_employee_asks_in_the_back_office(self):
        self.authenticate(self.project_manager.login, self.project_manager.login)
        page = self.url_open(self.url("questions", "projects"))
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("questions/ask", page.text)
        response = self.url_open(
            self.url("questions/ask", "projects"),
            data={"name": "Hỏi qua cổng", "csrf_token": self.csrf()},
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.env["b2b.question"].search([("name", "=", "Hỏi qua cổng")]))
