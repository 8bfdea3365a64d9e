# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project: from the order, resources and phases, weekly goals,
questions, team agreement, reviews, follow-up opportunities, privacy."""
from datetime import date, datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common_delivery import PLAN_START, DeliveryCase


class TestDeliveryProject(DeliveryCase):
    def test_project_from_order_links_both_ways(self):
        project = self.project
        self.assertEqual(project.sale_order_id, self.order)
        self.assertEqual(self.order.project_ids, project)
        self.assertEqual(project.partner_id, self.customer)
        self.assertEqual(project.b2b_contract_id, self.contract)
        self.assertEqual(project.privacy_visibility, "followers")
        self.assertEqual(
            (project.buffer_mode, project.buffer_days, project.buffer_percent),
            ("max", 14, 20.0),
        )
        # A second click returns the same project.
        self.assertEqual(
            self.order.sudo(self.delivery_lead).action_create_project(), project.id
        )
        self.assertEqual(
            self.env["project.project"].search_count(
                [("sale_order_id", "=", self.order.id)]
            ),
            1,
        )

    def test_resources_readiness_and_start(self):
        Line = self.env["b2b.resource.line"].sudo(self.project_user)
        people = Line.create({"project_id": self.project.id, "category": "people",
                              "name": "Đội quay phim"})
        Line.create({"project_id": self.project.id, "category": "venue_equipment",
                     "name": "Studio", "is_ready": True})
        self.assertEqual(
            (self.project.resource_count, self.project.resource_ready_count,
             self.project.resource_ready),
            (2, 1, False),
        )
        phase = self.phase.sudo(self.project_user)
        with self.assertRaisesRegex(UserError, "not ready: Đội quay phim"):
            phase.action_start()
        self.assertEqual(phase.state, "planned")
        # Started anyway: logged with the missing resource.
        phase.action_start_anyway()
        self.assertEqual(phase.state, "in_progress")
        self.assertIn("Đội quay phim", phase.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "Only a planned phase can start"):
            phase.action_start()
        people.is_ready = True
        self.assertTrue(self.project.resource_ready)
        phase.action_to_accept()
        self.assertEqual(phase.state, "to_accept")
        with self.assertRaisesRegex(UserError, "Only a phase in progress"):
            phase.action_to_accept()

    def test_readiness_of_a_form_being_edited(self):
        draft = self.env["project.project"].new({
            "name": "Nháp",
            "resource_line_ids": [
                (0, 0, {"name": "A", "is_ready": True}),
                (0, 0, {"name": "B"}),
            ],
        })
        self.assertEqual(
            (draft.resource_count, draft.resource_ready_count, draft.resource_ready),
            (2, 1, False),
        )

    def test_phase_starts_when_resources_ready(self):
        self.phase.sudo(self.project_user).action_start()
        self.assertEqual(self.phase.state, "in_progress")

    def test_phase_progress_from_tasks(self):
        Task = self.env["project.task"]
        done_stage = self.env["project.task.type"].create(
            {"name": "Xong", "fold": True, "project_ids": [(4, self.project.id)]}
        )
        Task.create({"name": "A", "project_id": self.project.id,
                     "phase_id": self.phase.id, "stage_id": done_stage.id})
        Task.create({"name": "B", "project_id": self.project.id,
                     "phase_id": self.phase.id})
        Task.create({"name": "C", "project_id": self.project.id,
                     "phase_id": self.phase.id})
        Task.create({"name": "D", "project_id": self.project.id,
                     "phase_id": self.phase.id})
        self.assertEqual((self.phase.task_count, self.phase.task_done_count), (4, 1))
        self.assertAlmostEqual(self.phase.progress, 25.0)

    def test_task_phase_of_another_project_refused(self):
        other = self.env["project.project"].create({"name": "Khác"})
        with self.assertRaisesRegex(ValidationError, "belong to different projects"):
            self.env["project.task"].create(
                {"name": "T", "project_id": other.id, "phase_id": self.phase.id}
            )

    def test_weekly_goal_week_and_closing(self):
        Goal = self.env["b2b.weekly.goal"].sudo(self.project_user)
        goal = Goal.create({"project_id": self.project.id, "name": "Duyệt kịch bản",
                            "week_start": "2026-03-04"})
        self.assertEqual(goal.week_start, "2026-03-02")
        self.assertEqual(goal.user_id, self.project_user)
        goal.write({"week_start": "2026-03-15"})  # a Sunday
        self.assertEqual(goal.week_start, "2026-03-09")
        with self.assertRaisesRegex(UserError, "Write the result"):
            goal.action_done()
        goal.result = "Khách hàng đã duyệt"
        goal.action_done()
        self.assertEqual(goal.state, "done")
        with self.assertRaisesRegex(UserError, "already closed"):
            goal.action_missed()
        goal.action_reset()
        self.assertEqual(goal.state, "todo")

    def test_weekly_goal_default_week_is_a_monday(self):
        goal = self.env["b2b.weekly.goal"].create(
            {"project_id": self.project.id, "name": "X"}
        )
        self.assertEqual(
            datetime.strptime(goal.week_start, "%Y-%m-%d").weekday(), 0
        )

    def test_question_answer(self):
        question = self.env["b2b.question"].sudo(self.project_user).create({
            "project_id": self.project.id, "name": "Định dạng video?",
            "source": "customer", "partner_id": self.customer_contact.id,
            "date_asked": "2026-03-03",
        })
        self.assertEqual(self.project.question_open_count, 1)
        with self.assertRaisesRegex(UserError, "Write the answer"):
            question.action_answer()
        question.answer = "MP4, 1080p"
        question.action_answer()
        self.assertEqual(question.state, "answered")
        self.assertEqual(self.project.question_open_count, 0)
        with self.assertRaisesRegex(UserError, "already answered"):
            question.action_answer()

    def test_team_agreement(self):
        self.env["b2b.team.agreement"].sudo(self.project_manager).create(
            {"project_id": self.project.id, "user_id": self.salesman.id}
        )
        self.assertIn(self.salesman.partner_id, self.project.message_partner_ids)
        self.assertEqual(
            (self.project.agreement_done_count, self.project.agreement_pending_count),
            (0, 2),
        )
        line = self.project.team_agreement_ids.filtered(
            lambda a: a.user_id == self.project_user
        )
        # Nobody acknowledges for a member.
        with self.assertRaisesRegex(UserError, "Only the member acknowledges"):
            line.sudo(self.project_manager).action_acknowledge()
        # Outside the team: a followers-only project is not even readable.
        with self.assertRaises(AccessError):
            self.project.sudo(self.project_user_other).action_acknowledge_agreement()
        self.project.privacy_visibility = "employees"
        with self.assertRaisesRegex(UserError, "not a member of the team"):
            self.project.sudo(self.project_user_other).action_acknowledge_agreement()
        with self.assertRaisesRegex(UserError, "Only the member acknowledges"):
            self.env["b2b.team.agreement"].sudo(self.project_manager).create({
                "project_id": self.project.id, "user_id": self.accountant.id,
                "date_acknowledged": "2026-03-02 10:00:00",
            })
        self.project.sudo(self.project_user).action_acknowledge_agreement()
        self.assertTrue(line.is_acknowledged)
        self.assertEqual(
            (self.project.agreement_done_count, self.project.agreement_pending_count),
            (1, 1),
        )
        self.project.sudo(self.project_manager).action_reset_agreement()
        self.assertFalse(line.is_acknowledged)
        # The team is the project managers' to change.
        with self.assertRaisesRegex(UserError, "Only project managers change"):
            line.sudo(self.project_user).write({"user_id": self.project_user_other.id})
        line.sudo(self.project_manager).write({"role": "Biên kịch"})
        self.assertEqual(line.role, "Biên kịch")

    def test_upsell_count_without_crm_rights(self):
        self.project.action_create_upsell()
        self.assertEqual(self.project.sudo(self.project_user).upsell_lead_count, 1)

    def test_follow_up_orders_traced_to_the_project(self):
        lead = self.env["crm.lead"].browse(
            self.project.action_create_upsell()["res_id"]
        )
        Order = self.env["sale.order"]
        for _index in range(2):
            Order.create({"partner_id": self.customer.id, "opportunity_id": lead.id})
        Order.create({"partner_id": self.customer.id, "opportunity_id": lead.id,
                      "state": "cancel"})
        Order.create({"partner_id": self.customer.id})  # not a follow-up
        project = self.project.sudo(self.project_user)
        self.assertEqual((project.upsell_lead_count, project.upsell_order_count), (1, 2))

    def test_schedule_review_with_customer_contacts(self):
        self.project.write({"review_date_next": "2026-03-06 03:00:00",
                            "review_cadence": "biweekly"})
        project = self.project.sudo(self.project_user)
        event = project._schedule_review(datetime(2026, 3, 10, 0, 0))
        # 6 March is past: two weeks later.
        self.assertEqual(event.start, "2026-03-20 03:00:00")
        self.assertEqual(
            event.partner_ids,
            self.customer_contact | self.project_manager.partner_id,
        )
        self.assertEqual(self.project.review_event_id, event)
        self.assertEqual(self.project.review_date_next, "2026-03-20 03:00:00")
        # Until it is held, the same meeting.
        self.assertEqual(project._schedule_review(datetime(2026, 3, 11, 0, 0)), event)
        # After it, the next one.
        after = project._schedule_review(datetime(2026, 3, 21, 0, 0))
        self.assertEqual(after.start, "2026-04-03 03:00:00")

    def test_schedule_review_needs_a_date(self):
        with self.assertRaisesRegex(UserError, "Set the date of the next review"):
            self.project._schedule_review(datetime(2026, 3, 10))

    def test_upsell_opportunity(self):
        # The delivery team without CRM rights stays on the project.
        self.assertIs(self.project.sudo(self.project_user).action_create_upsell(), True)
        lead = self.project.upsell_lead_ids
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(lead.b2b_origin_project_id, self.project)
        self.assertEqual(lead.b2b_origin_contract_id, self.contract)
        self.assertEqual(self.project.upsell_lead_count, 1)
        self.assertEqual(self.project.upsell_lead_ids, lead)

    def test_plan_start_from_order(self):
        self.assertEqual(self.project.plan_date_start, PLAN_START)
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        order.confirmation_date = "2026-05-04 09:00:00"
        project = self.env["project.project"].browse(order.action_create_project())
        self.assertEqual(project.plan_date_start, "2026-05-04")


class TestDeliveryPrivacy(DeliveryCase):
    """A project user outside the team of a followers-only project sees none
    of its delivery records; a member does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.resource = env["b2b.resource.line"].create(
            {"project_id": cls.project.id, "name": "Kịch bản gốc",
             "category": "documents"}
        )
        cls.goal = env["b2b.weekly.goal"].create(
            {"project_id": cls.project.id, "name": "Quay thử",
             "week_start": PLAN_START}
        )
        cls.question = env["b2b.question"].create(
            {"project_id": cls.project.id, "name": "Ai duyệt?"}
        )
        cls.report = cls.project._get_report(
            datetime(2026, 3, 4).date()
        )
        cls.records = [cls.resource, cls.goal, cls.question, cls.report,
                       cls.project.team_agreement_ids]

    def test_outsider_reads_nothing(self):
        for record in self.records:
            with self.assertRaises(AccessError):
                record.sudo(self.project_user_other).read(["project_id"])
            self.assertFalse(
                record.sudo(self.project_user_other).search(
                    [("project_id", "=", self.project.id)]
                ),
                record._name,
            )

    def test_member_reads_all(self):
        for record in self.records:
            self.assertEqual(
                record.sudo(self.project_user).read(["project_id"])[0]["project_id"][0],
                self.project.id,
            )

    def test_project_open_to_employees_is_readable(self):
        self.project.privacy_visibility = "employees"
        for record in self.records:
            record.sudo(self.project_user_other).read(["project_id"])

    def test_project_manager_sees_all(self):
        for record in self.records:
            record.sudo(self.project_manager).read(["project_id"])


class TestDeliveryForms(DeliveryCase):
    """Every field of the delivery forms reads for the people who open them."""

    def _read_form(self, record, user):
        record = record.sudo(user)
        view = record.fields_view_get(view_type="form")
        values = record.read(list(view["fields"]))
        self.assertEqual(values[0]["id"], record.id)

    def test_forms_for_team_member_and_salesman(self):
        self.project.privacy_visibility = "employees"
        self.env["b2b.weekly.goal"].create(
            {"project_id": self.project.id, "name": "G", "week_start": PLAN_START}
        )
        self.env["b2b.question"].create({"project_id": self.project.id, "name": "Q"})
        records = [
            self.project, self.phase, self.project.weekly_goal_ids,
            self.project.question_ids, self.project._get_report(date(2026, 3, 4)),
        ]
        for user in (self.project_user, self.salesman):
            for record in records:
                self._read_form(record, user)
        self._read_form(self.order, self.delivery_lead)


class TestDeliveryQueryCount(DeliveryCase):
    """The project's counters take a fixed number of queries, whatever the
    number of projects and records (11 when measured: one query per
    counter, plus the project read)."""

    COUNTERS = [
        "resource_count", "resource_ready_count", "resource_ready",
        "question_open_count", "agreement_done_count", "agreement_pending_count",
        "delivery_report_count", "upsell_lead_count",
    ]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.projects = env["project.project"]
        for index in range(8):
            project = env["project.project"].create({"name": "Dự án %s" % index})
            for number in range(index + 1):
                env["b2b.resource.line"].create({
                    "project_id": project.id, "name": "R%s" % number,
                    "is_ready": bool(number % 2),
                })
                env["b2b.question"].create(
                    {"project_id": project.id, "name": "Q%s" % number}
                )
            cls.projects |= project

    def _count_queries(self, projects):
        projects.invalidate_cache()
        projects.read(self.COUNTERS)  # warm-up (ACL and rule caches)
        projects.invalidate_cache()
        before = self.cr.sql_log_count
        projects.read(self.COUNTERS)
        return self.cr.sql_log_count - before

    def test_counters_bounded(self):
        few = self._count_queries(self.projects[:2])
        many = self._count_queries(self.projects)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 11)
        last = self.projects[-1]
        self.assertEqual(
            (last.resource_count, last.resource_ready_count,
             last.question_open_count),
            (8, 4, 8),
        )


class TestDeliveryReviewButton(DeliveryCase):
    def test_schedule_review_button_opens_the_meeting(self):
        self.project.review_date_next = "2026-03-06 03:00:00"
        action = self.project.sudo(self.project_user).action_schedule_review()
        event = self.env["calendar.event"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "calendar.event")
        self.assertEqual(self.project.review_event_id, event)
        # Moved forward by whole weeks from 6 March, after now.
        self.assertEqual(event.start[10:], " 03:00:00")
        self.assertGreater(event.start, fields.Datetime.now())
        self.assertEqual(
            (fields.Datetime.from_string(event.start)
             - fields.Datetime.from_string("2026-03-06 03:00:00")).days % 7,
            0,
        )
