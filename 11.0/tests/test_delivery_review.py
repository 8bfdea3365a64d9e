# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reviews as the process asks them: recurring review meetings with their minutes, the
periodic report reviewed before it goes out, shared risks only, follow-ups
of existing customers, the committee on the quotation."""
from datetime import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common_delivery import DeliveryCase


class TestDeliveryReview(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.write({"review_date_next": "2026-03-06 03:00:00",
                           "review_cadence": "weekly"})
        cls.Project = cls.env["project.project"]
        cls.comment = cls.env.ref("mail.mt_comment")

    def _reviews(self):
        return self.env["b2b.review"].search(
            [("project_id", "=", self.project.id)], order="date"
        )

    # Review meetings ---------------------------------------------------
    def test_cron_schedules_the_next_review_once(self):
        self.Project._cron_schedule_reviews("2026-03-04 00:00:00")
        self.Project._cron_schedule_reviews("2026-03-05 00:00:00")
        review = self._reviews()
        self.assertEqual(len(review), 1)
        self.assertEqual(review.date, "2026-03-06 03:00:00")
        self.assertEqual(review.event_id, self.project.review_event_id)
        self.assertEqual(review.state, "planned")
        self.assertEqual(
            review.attendee_ids,
            self.customer_contact | self.project_manager.partner_id,
        )
        # Once it has passed, the next one at the cadence, by itself.
        self.Project._cron_schedule_reviews("2026-03-07 00:00:00")
        self.Project._cron_schedule_reviews("2026-03-08 00:00:00")
        self.assertEqual(self._reviews().mapped("date"),
                         ["2026-03-06 03:00:00", "2026-03-13 03:00:00"])

    def test_cron_leaves_projects_without_reviews(self):
        self.project.review_date_next = False
        self.Project._cron_schedule_reviews("2026-03-04 00:00:00")
        self.assertFalse(self._reviews())

    def test_minutes_and_held_schedules_the_next(self):
        self.project.review_cadence = "biweekly"
        self.Project._cron_schedule_reviews("2026-03-04 00:00:00")
        review = self._reviews().sudo(self.project_user)
        review.write({
            "minutes_done": "Đã quay xong cảnh 1",
            "minutes_decided": "Đổi logo sang bản mới",
            "minutes_asked": "Khi nào có nhạc nền?",
        })
        review._hold(datetime(2026, 3, 6, 5, 0))
        self.assertEqual(review.state, "held")
        reviews = self._reviews()
        self.assertEqual(reviews.mapped("date"),
                         ["2026-03-06 03:00:00", "2026-03-20 03:00:00"])
        self.assertEqual(reviews[1].state, "planned")
        self.assertEqual(reviews[0].minutes_decided, "Đổi logo sang bản mới")
        # The project shows them.
        project = self.project.sudo(self.project_user)
        self.assertEqual(project.review_ids, reviews)
        self.assertEqual(project.review_count, 2)
        with self.assertRaisesRegex(UserError, "not planned"):
            review.action_hold()
        with self.assertRaisesRegex(UserError, "not planned"):
            review.action_cancel()

    def test_held_button_schedules_the_next_after_now(self):
        self.Project._cron_schedule_reviews("2026-03-04 00:00:00")
        review = self._reviews().sudo(self.project_user)
        self.assertIs(review.action_hold(), True)
        self.assertEqual(review.state, "held")
        after = self._reviews() - review
        self.assertEqual(after.state, "planned")
        self.assertGreater(
            after.date, fields.Datetime.to_string(datetime.utcnow())
        )

    def test_review_state_changes_by_its_steps_only(self):
        self.Project._cron_schedule_reviews("2026-03-04 00:00:00")
        review = self._reviews().sudo(self.project_user)
        for vals in ({"state": "held"}, {"event_id": False}):
            with self.assertRaisesRegex(UserError, "with its buttons"):
                review.write(vals)
            with self.assertRaisesRegex(UserError, "with its buttons"):
                review.with_context(b2b_review_step=True).write(vals)
        with self.assertRaisesRegex(UserError, "with its buttons"):
            self.env["b2b.review"].sudo(self.project_user).create({
                "project_id": self.project.id, "name": "Giả", "state": "held",
                "date": "2026-03-04 03:00:00",
            })
        review.action_cancel()
        self.assertEqual(review.state, "cancelled")

    def test_outsider_reads_no_review_of_a_private_project(self):
        self.Project._cron_schedule_reviews("2026-03-04 00:00:00")
        self.project.privacy_visibility = "followers"
        review = self._reviews()
        with self.assertRaises(AccessError):
            review.sudo(self.project_user_other).read(["minutes_decided"])

    def test_scheduled_action_wiring(self):
        cron = self.env.ref("b2b_sales_delivery.ir_cron_b2b_review")
        self.assertEqual(cron.model_id.model, "project.project")
        self.assertEqual(cron.code.strip(), "model._cron_schedule_reviews()")
        self.assertEqual((cron.interval_type, cron.numbercall), ("days", -1))

    # The periodic report ------------------------------------------------
    def _mails(self):
        return self.env["mail.message"].search([
            ("model", "=", "b2b.delivery.report"),
            ("res_id", "in", self.project.delivery_report_ids.ids),
            ("subtype_id", "=", self.comment.id),
        ])

    def test_new_projects_review_their_reports(self):
        self.assertFalse(self.Project.create({"name": "Dự án mới"}).report_auto)

    def test_report_waits_for_review_then_goes_by_the_button(self):
        self.project.report_auto = False
        for today in ("2026-03-09", "2026-03-10"):
            self.Project._cron_send_delivery_reports(today)
        report = self.project.delivery_report_ids
        self.assertEqual(len(report), 1)
        self.assertEqual(report.state, "to_review")
        self.assertFalse(self._mails())
        activity = report.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.project_manager)
        report.sudo(self.project_manager).action_send()
        self.assertEqual(report.state, "sent")
        self.assertEqual(len(self._mails()), 1)
        with self.assertRaisesRegex(UserError, "already sent"):
            report.sudo(self.project_manager).action_send()
        self.Project._cron_send_delivery_reports("2026-03-11")
        self.assertEqual(len(self._mails()), 1)

    def test_report_auto_goes_without_review(self):
        self.project.report_auto = True
        self.Project._cron_send_delivery_reports("2026-03-09")
        report = self.project.delivery_report_ids
        self.assertEqual(report.state, "sent")
        self.assertFalse(report.activity_ids)
        self.assertEqual(len(self._mails()), 1)

    def test_report_state_changes_by_its_steps_only(self):
        self.Project._cron_send_delivery_reports("2026-03-09")
        report = self.project.delivery_report_ids.sudo(self.project_user)
        for vals in ({"state": "sent"}, {"date_sent": "2026-03-09 10:00:00"}):
            with self.assertRaisesRegex(UserError, "with its buttons"):
                report.write(vals)
        self.assertEqual(report.state, "to_review")
        self.assertFalse(self._mails())

    def test_report_shows_shared_risks_only(self):
        Risk = self.env["b2b.risk"]
        Risk.create({"project_id": self.project.id, "name": "Rủi ro nội bộ"})
        Risk.create({"project_id": self.project.id, "name": "Rủi ro chia sẻ",
                     "is_shared": True})
        Risk.create({"project_id": self.project.id, "name": "Rủi ro đã đóng",
                     "is_shared": True, "state": "closed"})
        report = self.env["b2b.delivery.report"].browse(
            self.project.send_delivery_report("2026-03-05")
        )
        html = self.env.ref(
            "b2b_sales_delivery.action_report_delivery_report"
        ).render_qweb_html(report.ids)[0].decode()
        for text in (html, self._mails().body):
            self.assertIn("Rủi ro chia sẻ", text)
            self.assertNotIn("Rủi ro nội bộ", text)
            self.assertNotIn("Rủi ro đã đóng", text)

    # Follow-ups and the proposal ------------------------------------------
    def test_follow_up_starts_after_the_new_customer_steps(self):
        stage = self.env.ref("b2b_sales_delivery.crm_stage_meeting_demo")
        self.assertTrue(stage.b2b_is_follow_up_start)
        self.project.sudo(self.project_user).action_create_upsell()
        lead = self.project.upsell_lead_ids
        self.assertEqual(lead.stage_id, stage)
        # Without a marked stage, the first stage of the team's pipeline.
        stage.b2b_is_follow_up_start = False
        self.project.sudo(self.project_user).action_create_upsell()
        lead = self.project.upsell_lead_ids - lead
        self.assertTrue(lead.team_id.b2b_use_pipeline)
        self.assertEqual(
            lead.stage_id, self.env.ref("b2b_sales_delivery.crm_stage_contact"))

    def test_follow_up_keeps_the_buying_committee(self):
        lead = self.env["crm.lead"].create({
            "name": "Cơ hội đầu", "type": "opportunity",
            "partner_id": self.customer.id, "user_id": self.salesman.id,
        })
        role = self.env.ref("b2b_sales_delivery.b2b_stakeholder_role_decision_maker")
        self.env["b2b.stakeholder"].create({
            "lead_id": lead.id, "partner_id": self.customer_contact.id,
            "role_ids": [(6, 0, role.ids)], "goal_company": "Tăng doanh thu 20%",
        })
        self.order.opportunity_id = lead
        self.project.sudo(self.project_user).action_create_upsell()
        follow_up = self.project.upsell_lead_ids
        member = follow_up.stakeholder_ids
        self.assertEqual(member.partner_id, self.customer_contact)
        self.assertEqual(member.role_ids, role)
        self.assertEqual(member.goal_company, "Tăng doanh thu 20%")
        self.assertEqual(len(lead.stakeholder_ids), 1)

    def test_committee_goals_on_the_quotation(self):
        lead = self.env["crm.lead"].create({
            "name": "Cơ hội", "type": "opportunity",
            "partner_id": self.customer.id, "user_id": self.salesman.id,
        })
        member = self.env["b2b.stakeholder"].create({
            "lead_id": lead.id, "partner_id": self.customer_contact.id,
            "goal_department": "Giảm chi phí kho", "benefit_cost": True,
        })
        quotation = self.env["sale.order"].sudo(self.salesman).create({
            "partner_id": self.customer.id, "opportunity_id": lead.id,
        })
        self.assertEqual(quotation.b2b_stakeholder_ids, member)
        self.assertEqual(quotation.b2b_stakeholder_ids.goal_department,
                         "Giảm chi phí kho")
        view = self.env["sale.order"].sudo(self.salesman).fields_view_get(
            view_type="form"
        )
        tree = view["fields"]["b2b_stakeholder_ids"]["views"]["tree"]["arch"]
        for name in ("goal_personal", "goal_department", "goal_company",
                     "benefit_revenue", "benefit_cost", "benefit_management"):
            self.assertTrue(name in tree, name)
