# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The periodic report and the customer plan: one mail per project and
period however often the job runs; customer dates only."""
from datetime import date

from odoo.exceptions import UserError

from .common_delivery import DeliveryCase


class TestDeliveryReport(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.task = env["project.task"].create({
            "name": "Viết kịch bản", "project_id": cls.project.id,
            "phase_id": cls.phase.id, "date_deadline": "2026-03-12",
        })
        Goal = env["b2b.weekly.goal"]
        cls.goal = Goal.create({
            "project_id": cls.project.id, "name": "Chốt kịch bản",
            "week_start": "2026-03-02", "result": "Đã gửi bản nháp 2",
        })
        cls.next_goal = Goal.create({
            "project_id": cls.project.id, "name": "Quay thử cảnh 1",
            "week_start": "2026-03-09",
        })
        cls.question = env["b2b.question"].create({
            "project_id": cls.project.id, "name": "Logo dùng bản nào?",
        })
        cls.risk = env["b2b.risk"].create({
            "project_id": cls.project.id, "name": "Diễn viên bận lịch",
            "is_shared": True,
        })
        cls.project.report_auto = True
        cls.comment = env.ref("mail.mt_comment")

    def _mails(self):
        return self.env["mail.message"].search([
            ("model", "=", "b2b.delivery.report"),
            ("res_id", "in", self.project.delivery_report_ids.ids),
            ("subtype_id", "=", self.comment.id),
        ])

    def test_periods(self):
        self.assertEqual(
            self.project._get_report_period(date(2026, 3, 4)),
            (date(2026, 3, 2), date(2026, 3, 8)),
        )
        self.project.review_cadence = "biweekly"
        # Two weeks from the Monday of the plan start (2 March).
        self.assertEqual(
            self.project._get_report_period(date(2026, 3, 11)),
            (date(2026, 3, 2), date(2026, 3, 15)),
        )
        self.assertEqual(
            self.project._get_report_period(date(2026, 3, 16)),
            (date(2026, 3, 16), date(2026, 3, 29)),
        )

    def test_cron_one_mail_per_project_and_period(self):
        Project = self.env["project.project"]
        # The week of 2 March ended on Sunday 8 March.
        for today in ("2026-03-09", "2026-03-09", "2026-03-11", "2026-03-15"):
            Project._cron_send_delivery_reports(today)
        report = self.project.delivery_report_ids
        self.assertEqual(len(report), 1)
        self.assertEqual(
            (report.period_start, report.period_end, report.state),
            ("2026-03-02", "2026-03-08", "sent"),
        )
        mails = self._mails()
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.partner_ids, self.customer_contact)
        # The next week, the next report.
        Project._cron_send_delivery_reports("2026-03-16")
        Project._cron_send_delivery_reports("2026-03-17")
        self.assertEqual(len(self.project.delivery_report_ids), 2)
        self.assertEqual(len(self._mails()), 2)

    def test_cron_skips_before_plan_start_and_reviews_manual_projects(self):
        Project = self.env["project.project"]
        Project._cron_send_delivery_reports("2026-03-04")  # first week
        self.assertFalse(self.project.delivery_report_ids)
        self.project.report_auto = False
        Project._cron_send_delivery_reports("2026-03-09")
        self.assertEqual(self.project.delivery_report_ids.state, "to_review")
        self.assertFalse(self._mails())

    def test_button_then_cron_sends_once(self):
        project = self.project.sudo(self.project_user)
        report_id = project.send_delivery_report("2026-03-05")
        self.assertEqual(project.send_delivery_report("2026-03-06"), report_id)
        self.env["project.project"]._cron_send_delivery_reports("2026-03-10")
        self.assertEqual(len(self._mails()), 1)
        report = self.env["b2b.delivery.report"].browse(report_id)
        self.assertEqual(report.state, "sent")
        self.assertIn("Periodic report sent", self.project.message_ids[0].body)

    def test_no_contact_no_report(self):
        self.project.review_partner_ids = False
        self.project.partner_id = False
        with self.assertRaisesRegex(UserError, "no customer contact"):
            self.project.send_delivery_report("2026-03-05")

    def test_report_content_customer_dates_only(self):
        # Internal 12 and 13 March; customer 26 and 27 March.
        self.assertEqual(self.task.date_deadline_customer, "2026-03-26")
        report = self.env["b2b.delivery.report"].browse(
            self.project.send_delivery_report("2026-03-05")
        )
        self.assertEqual(report.get_goals(), self.goal)
        self.assertEqual(report.get_next_goals(), self.next_goal)
        html = self.env.ref(
            "b2b_sales_delivery.action_report_delivery_report"
        ).render_qweb_html(report.ids)[0].decode()
        body = self._mails().body
        for text in (html, body):
            self.assertIn("03/27/2026", text)  # the phase, for the customer
            self.assertNotIn("03/13/2026", text)
            self.assertIn("Chốt kịch bản", text)
            self.assertIn("Đã gửi bản nháp 2", text)
            self.assertIn("Quay thử cảnh 1", text)
            self.assertIn("Logo dùng bản nào?", text)
            self.assertIn("Diễn viên bận lịch", text)

    def test_customer_plan_pdf_customer_dates_only(self):
        html = self.env.ref(
            "b2b_sales_delivery.action_report_delivery_plan"
        ).render_qweb_html(self.project.ids)[0].decode()
        self.assertIn("Viết kịch bản", html)
        self.assertIn("03/26/2026", html)
        self.assertIn("03/27/2026", html)
        self.assertNotIn("03/12/2026", html)
        self.assertNotIn("03/13/2026", html)

    def test_button_refuses_a_second_send(self):
        project = self.project.sudo(self.project_user)
        action = project._send_report_now(date(2026, 3, 4))
        report = self.env["b2b.delivery.report"].browse(action["res_id"])
        self.assertEqual(report.state, "sent")
        with self.assertRaisesRegex(UserError, "already sent"):
            project._send_report_now(date(2026, 3, 6))
        self.assertEqual(len(self._mails()), 1)
        # Sent again on purpose from the report.
        report.sudo(self.project_user).action_send_again()
        self.assertEqual(len(self._mails()), 2)

    def test_portal_task_page_shows_customer_deadline_only(self):
        arch = self.env.ref("project.portal_my_task").read_combined(["arch"])["arch"]
        self.assertIn("task.date_deadline_customer", arch)
        self.assertNotIn('t-field="task.date_deadline"', arch)

    def test_scheduled_action_wiring(self):
        """The real scheduled action (on today's date): one report per run
        period, however often it runs."""
        cron = self.env.ref("b2b_sales_delivery.ir_cron_delivery_report")
        self.assertEqual(
            (cron.interval_number, cron.interval_type, cron.numbercall, cron.active),
            (1, "days", -1, True),
        )
        cron.method_direct_trigger()
        cron.method_direct_trigger()
        reports = self.project.delivery_report_ids
        self.assertEqual(len(reports), 1)
        self.assertEqual(reports.state, "sent")
        self.assertEqual(len(self._mails()), 1)
