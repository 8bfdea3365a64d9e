# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The 11.0 tests of the delivery side carried to Odoo 19: the delivery
project's task stages and a phase's progress from its tasks (its
milestone's), a phase's computed company and customer deadline refused on
every road, the periodic report (no customer, no report; a second send says
when the first went, in the user's time zone; the reminder cron going on
past a bad project), and the customer's page of a task showing the
customer's deadline only."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date, mute_logger

from .common_delivery import DeliveryCase
from .common_scope import ScopeCase
from .test_delivery_report import WEDNESDAY, ReportCase
from .test_delivery_resources import create_delivery_project

COMPUTED_REFUSAL = "neither is written by hand"


class TestCarriedDelivery(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.other_company = cls.env["res.company"].create({"name": "Công ty Sao Mai"})

    def test_delivery_project_has_task_stages_and_phase_progress(self):
        stages = self.project.type_ids.sorted("sequence")
        self.assertEqual(len(stages), 4)
        self.assertEqual(stages.mapped("fold"), [False, False, False, True])
        milestone = self.phase_script.milestone_id
        Task = (
            self.env["project.task"]
            .with_user(self.project_manager)
            .with_context(default_project_id=self.project.id)
        )
        tasks = Task.create(
            [{"name": name, "milestone_id": milestone.id} for name in ("A", "B", "C", "D")]
        )
        self.assertEqual(tasks.stage_id, stages[0])
        tasks[0].state = "1_done"
        # The phase's progress is its milestone's: one task of four done.
        milestone = milestone.with_user(self.project_manager)
        self.assertEqual((milestone.task_count, milestone.done_task_count), (4, 1))

    def test_phase_company_and_customer_date_not_written(self):
        quotation = self.create_order(self.service)
        planned = self.create_phases(quotation)[0]
        phase = self.phase_script
        customer_date = phase.date_deadline_customer
        self.assertTrue(customer_date)
        for user_phase in (planned.with_user(self.salesman), phase.sudo()):
            with self.assertRaisesRegex(UserError, COMPUTED_REFUSAL):
                user_phase.write({"company_id": self.other_company.id})
            with self.assertRaisesRegex(UserError, COMPUTED_REFUSAL):
                user_phase.write({"date_deadline_customer": "2026-07-01"})
        with self.assertRaisesRegex(UserError, COMPUTED_REFUSAL):
            self.env["b2b.phase"].with_user(self.salesman).create(
                {"order_id": quotation.id, "name": "Dựng", "company_id": self.other_company.id}
            )
        result = (
            self.env["b2b.phase"]
            .with_user(self.salesman)
            .load([".id", "company_id/.id"], [[str(planned.id), str(self.other_company.id)]])
        )
        self.assertFalse(result["ids"])
        self.assertEqual((planned | phase).company_id, self.env.company)
        self.assertEqual(phase.date_deadline_customer, customer_date)
        # What the computes follow still moves them.
        phase.sudo().date_deadline = date(2026, 3, 20)
        self.assertGreater(phase.date_deadline_customer, customer_date)


class TestCarriedDeliveryReport(ReportCase):
    def test_no_contact_no_report(self):
        self.project.partner_id = False
        report = self.prepare()
        report.action_b2b_mark_reviewed()
        with self.assertRaisesRegex(UserError, "has no customer"):
            report.action_send()
        self.assertEqual(report.b2b_report_state, "reviewed")

    def test_already_sent_says_when_in_the_users_time_zone(self):
        self.project_user.tz = "Asia/Ho_Chi_Minh"
        report = self.prepare()
        report.action_b2b_mark_reviewed()
        # Sent on Friday 13 March 2026 at 02:00 UTC: 09:00 in Hà Nội.
        with freeze_time("2026-03-13 02:00:00"):
            report.action_send()
        with self.assertRaises(UserError) as caught:
            report.action_send()
        message = str(caught.exception)
        self.assertIn("was sent to the customer on", message)
        self.assertIn("9:00", message)
        self.assertNotIn("2:00", message)
        self.assertIn("2026", message)

    def test_report_reminders_survive_one_bad_project(self):
        order = self.create_order(self.service)
        self.create_phases(order)
        self.confirm(order)
        other = self.env["project.project"].browse(
            order.with_user(self.salesman).action_create_project()
        )
        other.write({"user_id": self.project_manager.id, "review_cadence": "weekly"})
        # PostgreSQL refuses the first project's activities: a record made
        # to fail, with no mock (the trigger goes with the test's
        # transaction).
        self.env.cr.execute(
            """
            CREATE FUNCTION pg_temp.b2b_test_refuse() RETURNS trigger AS $$
            BEGIN
                IF NEW.res_model = 'project.project' AND NEW.res_id = %s THEN
                    RAISE EXCEPTION 'refused for the test';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER b2b_test_refuse BEFORE INSERT ON mail_activity
                FOR EACH ROW EXECUTE PROCEDURE pg_temp.b2b_test_refuse();
            """
            % int(self.project.id)
        )
        activity_type = self.env.ref("b2b_sales_delivery.mail_activity_type_b2b_report_due")
        with mute_logger("odoo.addons.b2b_sales_delivery.utils.cron", "odoo.sql_db"):
            self.env["project.project"]._cron_b2b_remind_reports(date(2026, 3, 13))
        self.assertFalse(self.project.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        ))
        reminder = other.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        self.assertEqual(reminder.user_id, self.project_manager)
        self.assertLess(WEDNESDAY, reminder.date_deadline)


@tagged("post_install", "-at_install")
class TestCarriedTaskPortal(HttpCase, DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.project.sudo().privacy_visibility = "portal"
        cls.task = cls.env["project.task"].create(
            {
                "name": "Dựng phim",
                "project_id": cls.project.id,
                "date_deadline": "2026-03-20 10:00:00",
            }
        )
        cls.task._portal_ensure_token()

    def test_portal_task_page_shows_customer_deadline_only(self):
        task = self.task
        self.assertNotEqual(task.date_deadline_customer, task.date_deadline.date())
        page = self.url_open("/my/tasks/%s?access_token=%s" % (task.id, task.access_token))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Dựng phim", page.text)
        self.assertIn(format_date(self.env, task.date_deadline_customer), page.text)
        self.assertNotIn(format_date(self.env, task.date_deadline), page.text)


class TestCarriedScopeTasks(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.items[0].write({"date": date(2026, 4, 10), "description": "Tăng 20% năng suất kho"})
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.project = cls.env["project.project"].browse(
            cls.order.with_user(cls.salesman).action_create_project()
        )

    def test_scope_items_become_the_starting_tasks(self):
        tasks = self.project.task_ids.sorted("sequence")
        self.assertEqual(
            tasks.mapped("name"), ["Brief: Video giới thiệu 3 phút", "Format: MP4 1080p"]
        )
        self.assertEqual(tasks.b2b_scope_item_id, self.items)
        self.assertEqual(tasks.stage_id, self.project.type_ids.sorted("sequence")[0])
        self.assertIn("Tăng 20% năng suất kho", str(tasks[0].description))
        # The customer sees no later date than the scope promised; the team
        # works to an earlier one, by the project's buffer.
        promised = date(2026, 4, 10)
        internal = self.project._to_local_date(tasks[0].date_deadline)
        self.assertLessEqual(tasks[0].date_deadline_customer, promised)
        self.assertLessEqual(internal, promised - timedelta(days=self.project.buffer_days))
        self.assertGreater(
            self.project._customer_dates([internal + timedelta(days=1)])[
                internal + timedelta(days=1)
            ],
            promised,
        )
        self.assertFalse(tasks[1].date_deadline)
        # Once: the hand-over again adds nothing.
        self.order.with_user(self.salesman).action_create_project()
        self.assertEqual(len(self.project.task_ids), 2)

    def test_starting_tasks_in_the_company_language(self):
        """A Vietnamese company's project handed over by a user working in
        English has "Đầu bài:" tasks, not "Brief:"."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["b2b_sales_delivery"], ["vi_VN"])
        order = self.order.copy()
        order.company_id.partner_id.lang = "vi_VN"
        self.confirm_scope(order)
        self.confirm(order)
        self.salesman.lang = "en_US"
        project = self.env["project.project"].browse(
            order.with_user(self.salesman).action_create_project()
        )
        names = project.task_ids.sorted("sequence").mapped("name")
        self.assertEqual(names, ["Đầu bài: Video giới thiệu 3 phút", "Định dạng: MP4 1080p"])
