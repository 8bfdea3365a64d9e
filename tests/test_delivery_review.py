# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Review meetings: scheduled by the cadence as one recurrent meeting of the
team, one review per occurrence; held (with minutes) or cancelled through
the review's own steps only, on every road."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project

# Tuesday 10 March 2026, 09:00 in Hanoi.
FIRST_REVIEW = datetime(2026, 3, 10, 2, 0)
NOW = "2026-03-03 03:00:00"


class TestDeliveryReview(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.project.write(
            {
                "user_id": cls.project_manager.id,
                "review_cadence": "biweekly",
                "review_date_first": FIRST_REVIEW,
            }
        )
        cls.env["project.task"].create(
            {
                "name": "Viết kịch bản",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, cls.project_user.ids)],
            }
        )
        cls.Review = cls.env["b2b.review"].with_user(cls.project_user)

    def _schedule(self, now=NOW):
        with freeze_time(now):
            self.assertIs(
                self.project.with_user(self.project_user).action_b2b_schedule_reviews(),
                True,
            )
        return self.project.review_ids.filtered(lambda review: review.state == "planned")

    def _review(self, **values):
        return self.Review.create(
            dict(
                {"project_id": self.project.id, "name": "Họp bất thường", "date": FIRST_REVIEW},
                **values,
            )
        )

    def test_schedule_recurrent_meeting_with_team(self):
        reviews = self._schedule().sorted("date")
        self.assertEqual(len(reviews), 12)
        self.assertEqual(self.project.review_count, 12)
        self.assertEqual(reviews[0].date, FIRST_REVIEW)
        self.assertEqual(reviews[1].date - reviews[0].date, timedelta(weeks=2))
        self.assertEqual(reviews[-1].date, FIRST_REVIEW + timedelta(weeks=22))
        events = reviews.event_id
        self.assertEqual(len(events), 12)
        recurrence = events.recurrence_id
        self.assertEqual(len(recurrence), 1)
        self.assertEqual(recurrence.rrule_type, "weekly")
        self.assertEqual(recurrence.interval, 2)
        self.assertTrue(recurrence.tue)
        team = (self.project_manager | self.project_user).partner_id
        self.assertEqual(events[0].partner_ids, team)
        self.assertEqual(reviews[0].attendee_ids, team)
        self.assertEqual(set(reviews.mapped("state")), {"planned"})

    def test_schedule_until_project_end_and_from_now(self):
        self.project.write({"date_start": date(2026, 3, 2), "date": date(2026, 5, 31)})
        # Scheduled after the first review: from the next one on.
        reviews = self._schedule("2026-03-11 03:00:00").sorted("date")
        self.assertEqual(reviews[0].date, FIRST_REVIEW + timedelta(weeks=2))
        self.assertEqual(reviews[-1].date, datetime(2026, 5, 19, 2, 0))
        self.assertEqual(len(reviews), 5)

    def test_reschedule_cancels_reviews_to_come(self):
        first = self._schedule()
        held = first.sorted("date")[0]
        held.minutes = "<p>Khách hàng duyệt kịch bản.</p>"
        held.with_user(self.project_user).action_hold()
        self.project.review_cadence = "weekly"
        second = self._schedule("2026-03-11 03:00:00")
        self.assertEqual(held.state, "held")
        self.assertEqual(set((first - held).mapped("state")), {"cancelled"})
        self.assertFalse(any((first - held).event_id.mapped("active")))
        self.assertEqual(len(second), 12)
        self.assertEqual(second.sorted("date")[0].date, datetime(2026, 3, 17, 2, 0))

    def test_schedule_needs_cadence_and_first_review(self):
        self.project.review_date_first = False
        with self.assertRaisesRegex(UserError, "first review"):
            self._schedule()
        self.project.write({"review_cadence": "none", "review_date_first": FIRST_REVIEW})
        with self.assertRaisesRegex(UserError, "no review cadence"):
            self._schedule()
        self.assertFalse(self.project.review_ids)

    def test_hold_needs_minutes_then_once(self):
        review = self._review()
        with self.assertRaisesRegex(UserError, "Write the minutes"):
            review.action_hold()
        with Form(review) as form:
            form.minutes = "<p>Tiến độ quay phim đúng kế hoạch.</p>"
            form.decisions = "<p>Khách hàng gửi logo trước thứ Sáu.</p>"
        with freeze_time("2026-03-10 04:00:00"):
            self.assertIs(review.action_hold(), True)
        self.assertEqual(review.state, "held")
        self.assertEqual(review.date_held, datetime(2026, 3, 10, 4, 0))
        with self.assertRaisesRegex(UserError, "no longer planned"):
            review.action_hold()
        with self.assertRaisesRegex(UserError, "no longer planned"):
            review.action_cancel()

    def test_cancel_archives_the_meeting(self):
        review = self._schedule().sorted("date")[0]
        self.assertIs(review.action_cancel(), True)
        self.assertEqual(review.state, "cancelled")
        self.assertFalse(review.event_id.active)

    def test_state_only_through_steps(self):
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._review(state="held")
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.Review.with_context(b2b_review_step=True).create(
                {
                    "project_id": self.project.id,
                    "name": "Giả mạo",
                    "date": FIRST_REVIEW,
                    "date_held": FIRST_REVIEW,
                }
            )
        review = self._review(minutes="<p>Biên bản</p>")
        for road in (review, review.sudo(), review.with_context(b2b_review_step="1")):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                road.write({"state": "held"})
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                road.write({"date_held": FIRST_REVIEW})
        result = self.Review.load(
            ["project_id/.id", "name", "date", "state"],
            [[str(self.project.id), "Nhập", "2026-03-10 02:00:00", "held"]],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertEqual(review.state, "planned")
        review.action_hold()
        copy = review.copy()
        self.assertEqual(copy.state, "planned")
        self.assertFalse(copy.date_held)

    def test_held_review_keeps_its_minutes(self):
        review = self._review(minutes="<p>Biên bản</p>")
        review.action_hold()
        with self.assertRaisesRegex(UserError, "keeps its minutes"):
            review.unlink()
        with self.assertRaisesRegex(UserError, "keeps its minutes"):
            review.sudo().unlink()
        planned = self._review()
        planned.unlink()
        self.assertFalse(planned.exists())

    def test_meeting_moved_moves_the_review(self):
        review = self._schedule().sorted("date")[0]
        review.event_id.write(
            {"start": datetime(2026, 3, 11, 2, 0), "stop": datetime(2026, 3, 11, 3, 0)}
        )
        self.assertEqual(review.date, datetime(2026, 3, 11, 2, 0))

    def test_other_company_sees_no_review(self):
        review = self._review()
        other_company = self.env["res.company"].create({"name": "Công ty Khác"})
        other_user = new_test_user(
            self.env,
            login="b2b_review_other_company",
            groups="project.group_project_user",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        Review = self.env["b2b.review"].with_user(other_user)
        self.assertFalse(Review.search([("id", "=", review.id)]))
        with self.assertRaises(AccessError):
            review.with_user(other_user).read(["name"])
        with self.assertRaises(AccessError):
            self.project.with_user(other_user).action_b2b_schedule_reviews()
        with self.assertRaises(AccessError):
            self.project.with_user(other_user).b2b_prepare_report(date(2026, 3, 11))
