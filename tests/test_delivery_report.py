# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The periodic report to the customer on Odoo's ``project.update``:
prepared from the project with what the customer may see, reviewed before
it is sent on every road, mailed and printed without an internal risk or an
internal date; the cron reminds the project manager when one is due."""

import xmlrpc.client
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date, mute_logger

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project

WEDNESDAY = date(2026, 3, 11)
SHARED_RISK = "Khách hàng duyệt kịch bản chậm"
INTERNAL_RISK = "Đội quay thiếu quay phim chính"
TEMPLATE = "b2b_sales_delivery.mail_template_b2b_delivery_report"


class ReportCase(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "minhphat@example.com"
        lead = cls.env["crm.lead"].create(
            {
                "name": "Triển khai video",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.env["b2b.risk"].create(
            [
                {"lead_id": lead.id, "name": SHARED_RISK, "is_shared": True,
                 "mitigation": "Nhắc lịch duyệt hằng tuần"},
                {"lead_id": lead.id, "name": INTERNAL_RISK, "is_shared": False},
                {"lead_id": lead.id, "name": "Rủi ro đã đóng", "is_shared": True,
                 "state": "closed"},
            ]
        )
        cls.order.opportunity_id = lead
        cls.project = create_delivery_project(cls)
        cls.project.write({"user_id": cls.project_manager.id, "review_cadence": "weekly"})
        cls.env["b2b.weekly.goal"].create(
            [
                {"project_id": cls.project.id, "week_start": date(2026, 3, 9),
                 "name": "Chốt kịch bản", "result": "Khách hàng đã đọc bản nháp"},
                {"project_id": cls.project.id, "week_start": date(2026, 3, 2),
                 "name": "Mục tiêu tuần trước"},
            ]
        )
        cls.Update = cls.env["project.update"].with_user(cls.project_user)

    def prepare(self, day=WEDNESDAY):
        report_id = self.project.with_user(self.project_user).b2b_prepare_report(day)
        self.assertIsInstance(report_id, int)
        return self.Update.browse(report_id)

    def internal_dates(self):
        dates = self.project.phase_ids.mapped("date_deadline")
        return [str(day) for day in dates] + [
            format_date(self.env, day, lang_code=self.customer.lang or "en_US") for day in dates
        ]

    def assertCustomerSafe(self, html):
        self.assertIn(SHARED_RISK, html)
        self.assertNotIn(INTERNAL_RISK, html)
        self.assertNotIn("Rủi ro đã đóng", html)
        for internal in self.internal_dates():
            self.assertNotIn(internal, html)
        for phase in self.project.phase_ids:
            self.assertIn(
                format_date(self.env, phase.date_deadline_customer,
                            lang_code=self.customer.lang or "en_US"),
                html,
            )


class TestDeliveryReport(ReportCase):
    def test_prepare_from_project_once_per_period(self):
        report = self.prepare()
        self.assertEqual(report.b2b_report_state, "draft")
        self.assertEqual(report.b2b_period_start, date(2026, 3, 9))
        self.assertEqual(report.b2b_period_end, date(2026, 3, 15))
        self.assertEqual(report.project_id, self.project)
        self.assertEqual(report.progress, 0)
        self.assertEqual(self.prepare(date(2026, 3, 15)), report)
        self.assertEqual(self.project.b2b_report_count, 1)
        body = str(report.description)
        self.assertIn("Chốt kịch bản", body)
        self.assertIn("Khách hàng đã đọc bản nháp", body)
        self.assertNotIn("Mục tiêu tuần trước", body)
        self.assertCustomerSafe(body)

    def test_prepare_refuses_a_bad_day(self):
        with self.assertRaisesRegex(UserError, "YYYY-MM-DD"):
            self.project.with_user(self.project_user).b2b_prepare_report("11/03/2026")
        self.assertFalse(self.project.b2b_report_count)

    def test_biweekly_period_from_plan_start(self):
        self.project.write({"review_cadence": "biweekly", "plan_date_start": date(2026, 3, 2)})
        report = self.prepare(date(2026, 3, 18))
        self.assertEqual(report.b2b_period_start, date(2026, 3, 16))
        self.assertEqual(report.b2b_period_end, date(2026, 3, 29))

    def test_state_only_through_steps(self):
        values = {"project_id": self.project.id, "name": "Giả", "status": "on_track"}
        for field, value in (
            ("b2b_report_state", "reviewed"),
            ("b2b_date_sent", "2026-03-13 03:00:00"),
            ("b2b_period_start", "2026-03-09"),
        ):
            for model in (self.Update, self.Update.sudo(),
                          self.Update.with_context(b2b_report_step=True)):
                with self.assertRaisesRegex(UserError, "cannot be written"):
                    model.create(dict(values, **{field: value}))
        report = self.prepare()
        for road in (report, report.sudo(), report.with_context(b2b_report_step="1")):
            with self.assertRaisesRegex(UserError, "cannot be written"):
                road.write({"b2b_report_state": "reviewed"})
            with self.assertRaisesRegex(UserError, "cannot be written"):
                road.write({"b2b_reviewed_by_id": self.project_manager.id})
        result = self.Update.load(
            ["project_id/.id", "name", "status", "b2b_report_state"],
            [[str(self.project.id), "Nhập", "on_track", "sent"]],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        # A copy is an internal status update, not a second report.
        copy = report.copy()
        self.assertFalse(copy.b2b_report_state)
        self.assertFalse(copy.b2b_period_start)
        # Odoo's own status updates stay free.
        internal = self.Update.create(values)
        internal.write({"name": "Cập nhật nội bộ"})
        self.assertEqual(report.b2b_report_state, "draft")

    def test_reviewed_report_is_frozen_until_back_to_review(self):
        report = self.prepare()
        self.assertIs(report.action_b2b_mark_reviewed(), True)
        self.assertEqual(report.b2b_reviewed_by_id, self.project_user)
        with self.assertRaisesRegex(UserError, "was reviewed"):
            report.write({"description": "<p>Hạn nội bộ 13/03</p>"})
        with self.assertRaisesRegex(UserError, "Only a report to review"):
            report.action_b2b_mark_reviewed()
        report.action_b2b_reset_draft()
        self.assertEqual(report.b2b_report_state, "draft")
        self.assertFalse(report.b2b_reviewed_by_id)
        report.write({"name": "Báo cáo tuần 11"})
        self.assertEqual(report.name, "Báo cáo tuần 11")

    def test_not_sent_before_review_on_every_road(self):
        report = self.prepare()
        template = self.env.ref(TEMPLATE)
        with self.assertRaisesRegex(UserError, "once reviewed"):
            report.action_send()
        with self.assertRaisesRegex(UserError, "once reviewed"):
            report.action_b2b_send_compose()
        with self.assertRaisesRegex(UserError, "once reviewed"):
            report.message_post_with_source(template, message_type="comment")
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.project_user)
            .with_context(
                default_model="project.update",
                default_res_ids=report.ids,
                default_template_id=template.id,
                default_composition_mode="comment",
            )
            .create({})
        )
        with self.assertRaisesRegex(UserError, "once reviewed"):
            composer.action_send_mail()
        with self.assertRaisesRegex(UserError, "once reviewed"):
            template.sudo().send_mail(report.id)
        with self.assertRaisesRegex(UserError, "internal status update"):
            self.Update.create(
                {"project_id": self.project.id, "name": "Nội bộ", "status": "on_track"}
            ).action_send()
        self.assertEqual(report.b2b_report_state, "draft")
        self.assertFalse(
            self.env["mail.mail"].search([("model", "=", "project.update"),
                                          ("res_id", "=", report.id)])
        )

    def test_send_mails_the_customer_without_internal_facts(self):
        report = self.prepare()
        report.action_b2b_mark_reviewed()
        with freeze_time("2026-03-13 03:00:00"):
            self.assertIs(report.action_send(), True)
        self.assertEqual(report.b2b_report_state, "sent")
        self.assertEqual(str(report.b2b_date_sent), "2026-03-13 03:00:00")
        message = report.message_ids.filtered(lambda message: message.message_type == "comment")
        self.assertEqual(len(message), 1)
        self.assertIn(self.customer, message.partner_ids)
        self.assertCustomerSafe(str(message.body))
        attachment = message.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.startswith("Progress Report"))
        with self.assertRaisesRegex(UserError, "once reviewed"):
            report.action_send()
        with self.assertRaisesRegex(UserError, "sent report cannot be deleted"):
            report.sudo().unlink()

    def test_composer_sends_and_marks_sent(self):
        report = self.prepare()
        report.action_b2b_mark_reviewed()
        action = report.action_b2b_send_compose()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.project_user)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn(self.customer, composer.partner_ids)
        composer.action_send_mail()
        self.assertEqual(report.b2b_report_state, "sent")

    def test_pdf_has_customer_dates_only(self):
        report = self.prepare()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.project_user)
            ._render_qweb_html("b2b_sales_delivery.action_report_b2b_progress", report.ids)[0]
            .decode()
        )
        self.assertIn(self.project.name, html)
        self.assertCustomerSafe(html)
        action = self.project.with_user(self.project_user).action_b2b_print_progress_report()
        self.assertEqual(action["report_name"], "b2b_sales_delivery.report_b2b_progress")

    def test_vietnamese_customer_reads_vietnamese(self):
        self.customer.lang = "vi_VN"
        report = self.prepare()
        self.assertIn("Mục tiêu trong kỳ", str(report.description))
        self.assertTrue(report.name.startswith("Báo cáo tiến độ"))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("b2b_sales_delivery.action_report_b2b_progress", report.ids)[0]
            .decode()
        )
        self.assertIn("Kỳ báo cáo:", html)
        self.assertIn("Quản lý dự án:", html)
        self.assertCustomerSafe(html)

    def test_print_without_report_refused(self):
        with self.assertRaisesRegex(UserError, "no report to the customer yet"):
            self.project.with_user(self.project_user).action_b2b_print_progress_report()

    def test_cron_reminds_when_due_once(self):
        activity_type = self.env.ref("b2b_sales_delivery.mail_activity_type_b2b_report_due")

        def reminders():
            return self.project.activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            )

        Project = self.env["project.project"]
        Project._cron_b2b_remind_reports(WEDNESDAY)
        self.assertFalse(reminders())
        Project._cron_b2b_remind_reports(date(2026, 3, 13))
        self.assertEqual(len(reminders()), 1)
        self.assertEqual(reminders().user_id, self.project_manager)
        self.assertEqual(reminders().date_deadline, date(2026, 3, 13))
        Project._cron_b2b_remind_reports(date(2026, 3, 14))
        self.assertEqual(len(reminders()), 1)
        self.prepare(date(2026, 3, 13))
        self.assertFalse(reminders())
        Project._cron_b2b_remind_reports(date(2026, 3, 14))
        self.assertFalse(reminders())


@tagged("post_install", "-at_install")
class TestDeliveryReportRpc(HttpCase, ReportCase):
    def rpc(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, user.login, user.login, {})
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
            )

    def test_project_user_reports_over_rpc(self):
        user = self.project_user
        report_id = self.rpc(user, "project.project", "b2b_prepare_report", [self.project.id],
                             day="2026-03-11")
        self.assertIsInstance(report_id, int)
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as refused:
            self.rpc(user, "project.update", "action_send", [report_id])
        self.assertIn("once reviewed", refused.exception.faultString)
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as refused:
            self.rpc(user, "project.update", "write", [report_id],
                     {"b2b_report_state": "reviewed"}, context={"b2b_report_step": True})
        self.assertIn("cannot be written", refused.exception.faultString)
        self.assertIs(self.rpc(user, "project.update", "action_b2b_mark_reviewed", [report_id]), True)
        self.assertIs(self.rpc(user, "project.update", "action_send", [report_id]), True)
        report = self.env["project.update"].browse(report_id)
        self.assertEqual(report.b2b_report_state, "sent")
        action = self.rpc(
            user, "project.project", "action_b2b_print_progress_report", [self.project.id]
        )
        self.assertEqual(action["report_name"], "b2b_sales_delivery.report_b2b_progress")

    def json2(self, user, model, method, **params):
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            ._generate(
                scope="rpc",
                name="integration",
                expiration_date=datetime.now() + timedelta(days=1),
            )
        )
        return self.url_open(
            f"/json/2/{model}/{method}",
            json=params,
            headers={"Authorization": f"bearer {key}", "X-Odoo-Database": self.env.cr.dbname},
        )

    def test_project_user_reports_over_json2(self):
        user = self.project_user
        response = self.json2(
            user, "project.project", "b2b_prepare_report", ids=[self.project.id], day="2026-03-11"
        )
        self.assertEqual(response.status_code, 200)
        report = self.env["project.update"].browse(response.json())
        self.assertEqual(report.b2b_period_start, date(2026, 3, 9))
        with mute_logger("odoo.http"):
            refused = self.json2(user, "project.update", "action_send", ids=report.ids)
        self.assertNotEqual(refused.status_code, 200)
        self.assertIn("once reviewed", refused.text)
        with mute_logger("odoo.http"):
            refused = self.json2(
                user,
                "project.update",
                "write",
                ids=report.ids,
                vals={"b2b_report_state": "sent"},
                context={"b2b_report_step": True},
            )
        self.assertIn("cannot be written", refused.text)
        self.assertIs(
            self.json2(user, "project.update", "action_b2b_mark_reviewed", ids=report.ids).json(),
            True,
        )
        self.assertIs(self.json2(user, "project.update", "action_send", ids=report.ids).json(), True)
        report.invalidate_recordset()
        self.assertEqual(report.b2b_report_state, "sent")
