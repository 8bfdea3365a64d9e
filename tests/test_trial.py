# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A trial with its period and its outcome: the end required and not before
the start on every road, the trials running listed on the opportunity, the
daily reminder given once per trial, a bad trial skipped."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import B2bPipelineCase

PERIOD_MISSING = "give the day it starts and the day it ends"
ENDS_BEFORE = "before it starts"
REMINDER_REFUSAL = "The reminder of a trial's end is given by the daily job only."


@tagged("post_install", "-at_install")
class TestTrial(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý nhân sự")
        cls.Touchpoint = cls.env["b2b.touchpoint"].with_user(cls.salesman)
        cls.trial_type = cls.env.ref("b2b_sales_delivery.mail_activity_type_b2b_trial_end")

    def trial(self, start="2026-03-02", end="2026-03-16", **values):
        return self.Touchpoint.create(
            dict(
                {
                    "lead_id": self.lead.id,
                    "kind": "trial",
                    "name": "Dùng thử hai tuần",
                    "trial_date_start": start,
                    "trial_date_end": end,
                },
                **values,
            )
        )

    def reminders(self, lead=None):
        return (lead or self.lead).activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.trial_type
        )

    def test_trial_logged_in_the_form(self):
        with freeze_time("2026-03-02 08:00:00"):
            form = Form(self.Touchpoint.with_context(default_lead_id=self.lead.id))
            form.kind = "trial"
            form.name = "Dùng thử với phòng nhân sự"
            form.trial_date_start = date(2026, 3, 2)
            form.trial_date_end = date(2026, 3, 16)
            trial = form.save()
        self.assertEqual(
            (trial.trial_date_start, trial.trial_date_end, trial.trial_outcome),
            (date(2026, 3, 2), date(2026, 3, 16), "running"),
        )
        self.assertEqual(self.lead.b2b_trial_running_ids, trial)
        trial.with_user(self.salesman).write(
            {"trial_outcome": "convinced", "trial_outcome_note": "Phòng nhân sự hài lòng"}
        )
        self.assertFalse(self.lead.b2b_trial_running_ids)
        self.assertEqual(self.lead.touchpoint_ids, trial)

    def test_start_defaults_to_today(self):
        with freeze_time("2026-03-02 08:00:00"):
            trial = self.Touchpoint.create(
                {"lead_id": self.lead.id, "kind": "trial", "trial_date_end": "2026-03-09"}
            )
        self.assertEqual((trial.trial_date_start, trial.trial_outcome), (date(2026, 3, 2), "running"))

    def test_period_guarded_on_every_road(self):
        trial = self.trial()
        roads = {
            "create without an end": (lambda: self.trial(end=False), PERIOD_MISSING),
            "create ending before": (lambda: self.trial(end="2026-03-01"), ENDS_BEFORE),
            "write the end away": (
                lambda: trial.with_user(self.salesman).write({"trial_date_end": False}),
                PERIOD_MISSING,
            ),
            "write the start after": (
                lambda: trial.with_user(self.salesman).write({"trial_date_start": "2026-03-20"}),
                # the dates as the user reads them, not as stored
                "it ends on 03/16/2026, before it starts on 03/20/2026.",
            ),
            "sudo": (
                lambda: trial.sudo().write({"trial_date_end": "2026-02-01"}),
                ENDS_BEFORE,
            ),
            "a demo with a period": (
                lambda: self.Touchpoint.create(
                    {"lead_id": self.lead.id, "kind": "demo", "trial_date_end": "2026-03-16"}
                ),
                "Only a trial has a period and an outcome.",
            ),
        }
        for road, (attempt, message) in roads.items():
            with self.subTest(road=road):
                with self.assertRaises(ValidationError) as refused:
                    attempt()
                self.assertIn(message, str(refused.exception))
        self.assertEqual(trial.trial_date_end, date(2026, 3, 16))
        result = self.Touchpoint.load(
            ["lead_id/.id", "kind", "name", "trial_date_start", "trial_date_end"],
            [[str(self.lead.id), "trial", "Nhập khẩu", "2026-03-10", "2026-03-02"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn(ENDS_BEFORE, result["messages"][0]["message"])
        result = self.Touchpoint.load(
            ["lead_id/.id", "kind", "name", "trial_date_start", "trial_date_end"],
            [[str(self.lead.id), "trial", "Nhập khẩu", "2026-03-02", "2026-03-02"]],
        )
        self.assertTrue(result["ids"], "a one-day trial")

    def test_reminded_once_when_it_ends(self):
        ending = self.trial(end="2026-03-16")
        later = self.trial(end="2026-04-30")
        decided = self.trial(end="2026-03-15", trial_outcome="not_convinced")
        Touchpoint = self.env["b2b.touchpoint"]
        Touchpoint._cron_b2b_remind_trials("2026-03-13")
        self.assertFalse(self.reminders())
        Touchpoint._cron_b2b_remind_trials("2026-03-14")
        reminder = self.reminders()
        self.assertEqual(len(reminder), 1)
        self.assertEqual(
            (reminder.user_id, reminder.date_deadline, reminder.summary),
            (self.salesman, date(2026, 3, 16), "Trial ends: Dùng thử hai tuần"),
        )
        self.assertEqual((ending.trial_reminded, later.trial_reminded, decided.trial_reminded),
                         (True, False, False))
        reminder.action_feedback(feedback="Đã gọi anh An")
        Touchpoint._cron_b2b_remind_trials("2026-03-17")
        self.assertFalse(self.reminders(), "once per trial")

    def test_reminder_is_the_jobs_only(self):
        trial = self.trial()
        roads = {
            "create": lambda: self.trial(trial_reminded=True),
            "write": lambda: trial.with_user(self.salesman).write({"trial_reminded": True}),
            "sudo": lambda: trial.sudo().write({"trial_reminded": True}),
            "context key": lambda: trial.with_user(self.salesman)
            .with_context(b2b_trial_reminder_step=True)
            .write({"trial_reminded": True}),
        }
        for road, attempt in roads.items():
            with self.subTest(road=road), self.assertRaisesRegex(UserError, REMINDER_REFUSAL):
                attempt()
        self.assertFalse(trial.trial_reminded)

    def test_bad_trial_skipped(self):
        bad = self.trial(end="2026-03-16", name="Hỏng")
        good = self.trial(end="2026-03-16")
        # A period damaged outside the forms (ends before it starts).
        self.env.cr.execute(
            "UPDATE b2b_touchpoint SET trial_date_start = '2026-03-20' WHERE id = %s", [bad.id]
        )
        self.env.invalidate_all()
        with mute_logger("odoo.addons.b2b_sales_delivery.utils.cron"):
            self.env["b2b.touchpoint"]._cron_b2b_remind_trials("2026-03-15")
        self.assertEqual((bad.trial_reminded, good.trial_reminded), (False, True))
        self.assertEqual(len(self.reminders()), 1)
