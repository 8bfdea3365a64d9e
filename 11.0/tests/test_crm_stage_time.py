# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stage guidance, time in stage, stale opportunities and their activity."""
from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common_crm import B2BCrmCase


def days_ago(days, hours=0):
    return fields.Datetime.to_string(
        datetime.utcnow() - timedelta(days=days, hours=hours)
    )


class TestCrmStageTime(B2BCrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_contact.b2b_stale_days = 7
        cls.stage_email.b2b_stale_days = 0
        cls.Lead = cls.env["crm.lead"]

    def _lead(self, days, stage=None, hours=0, **values):
        return self.create_lead(
            "Lead %s days" % days, stage=stage,
            date_last_stage_update=days_ago(days, hours), **values
        )

    def _stale_activities(self, lead):
        return self.env["mail.activity"].search([
            ("res_model", "=", "crm.lead"), ("res_id", "=", lead.id),
            ("summary", "like", "Stale"),
        ])

    def test_guidance_of_the_stage_on_the_opportunity(self):
        lead = self._lead(0)
        self.add_touchpoint(lead, "call", call_outcome="answered")
        lead = lead.sudo(self.salesman)
        self.assertIn("log each call", lead.b2b_stage_guidance)
        lead.write({"stage_id": self.stage_email.id})
        self.assertIn("Send an email", lead.b2b_stage_guidance)
        pipeline = (self.stage_contact | self.stage_email | self.stage_booked
                    | self.stage_demo | self.stage_nurture | self.stage_closing
                    | self.stage_quotation | self.stage_won)
        self.assertTrue(all(pipeline.mapped("b2b_guidance")))

    def test_guidance_in_vietnamese(self):
        self.env["res.lang"].load_lang("vi_VN")
        self.env["ir.translation"].load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"]
        )
        for stage in (self.stage_contact, self.stage_demo, self.stage_won):
            self.assertNotEqual(
                stage.with_context(lang="vi_VN").b2b_guidance, stage.b2b_guidance
            )
        lead = self._lead(0).sudo(self.salesman).with_context(lang="vi_VN")
        self.assertIn("Gọi cho liên hệ", lead.b2b_stage_guidance)

    def test_days_in_stage(self):
        self.assertEqual(self._lead(10, hours=3).b2b_days_in_stage, 10)
        self.assertEqual(self._lead(0).b2b_days_in_stage, 0)

    def test_stale_after_the_days_of_the_stage(self):
        fresh = self._lead(6, hours=23)
        stale = self._lead(7, hours=1)
        no_limit = self._lead(30, stage=self.stage_email)
        won = self._lead(30, stage=self.stage_won)
        lead_type = self._lead(30, type="lead")
        self.assertFalse(fresh.b2b_is_stale)
        self.assertTrue(stale.b2b_is_stale)
        self.assertFalse(no_limit.b2b_is_stale)
        self.assertFalse(won.b2b_is_stale)
        self.assertFalse(lead_type.b2b_is_stale)
        mine = self.Lead.sudo(self.salesman)
        ids = (fresh | stale | no_limit | won | lead_type).ids
        self.assertEqual(
            mine.search([("id", "in", ids), ("b2b_is_stale", "=", True)]).ids,
            stale.ids,
        )
        self.assertEqual(
            set(mine.search([("id", "in", ids), ("b2b_is_stale", "!=", True)]).ids),
            set(ids) - set(stale.ids),
        )
        self.assertEqual(
            set(mine.search([("id", "in", ids), ("b2b_is_stale", "=", False)]).ids),
            set(ids) - set(stale.ids),
        )

    def test_search_filter_of_the_pipeline(self):
        stale = self._lead(8)
        view = self.env.ref("b2b_sales_delivery.crm_lead_stage_time_view_search")
        self.assertIn('name="b2b_stale"', view.arch)
        self.assertIn(stale, self.Lead.search([("b2b_is_stale", "=", True)]))

    def test_cron_one_activity_per_staleness(self):
        stale = self._lead(8)
        other = self._lead(9, user=self.salesman_other)
        fresh = self._lead(1)
        Lead = self.Lead
        Lead._cron_flag_stale_opportunities()
        Lead._cron_flag_stale_opportunities()
        activity = self._stale_activities(stale)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertIn("8", activity.summary)
        self.assertEqual(self._stale_activities(other).user_id, self.salesman_other)
        self.assertFalse(self._stale_activities(fresh))
        # Done (Odoo deletes it): not given again for the same staleness.
        activity.action_done()
        Lead._cron_flag_stale_opportunities()
        self.assertFalse(self._stale_activities(stale))
        # Moved on and back, and stale again: a new staleness, a new activity.
        self.add_touchpoint(stale, "call", call_outcome="answered")
        stale.write({"stage_id": self.stage_email.id})
        stale.write({"stage_id": self.stage_contact.id})
        self.env.cr.execute(
            "UPDATE crm_lead SET date_last_stage_update = %s WHERE id = %s",
            (days_ago(10), stale.id),
        )
        stale.invalidate_cache()
        Lead._cron_flag_stale_opportunities()
        Lead._cron_flag_stale_opportunities()
        self.assertEqual(len(self._stale_activities(stale)), 1)

    def test_cron_skips_opportunities_without_salesperson(self):
        lead = self._lead(8)
        lead.user_id = False
        self.Lead._cron_flag_stale_opportunities()
        self.assertFalse(self._stale_activities(lead))

    def test_stale_marker_written_by_the_job_only(self):
        lead = self._lead(8)
        as_salesman = lead.sudo(self.salesman)
        with self.assertRaises(UserError):
            as_salesman.write({"b2b_stale_flagged_at": lead.date_last_stage_update})
        with self.assertRaises(UserError):
            as_salesman.with_context(b2b_stale_flag=True).write(
                {"b2b_stale_flagged_at": lead.date_last_stage_update}
            )
        with self.assertRaises(UserError):
            self.Lead.sudo(self.salesman).create({
                "name": "Flagged", "type": "opportunity",
                "user_id": self.salesman.id,
                "b2b_stale_flagged_at": days_ago(1),
            })
        self.assertFalse(lead.b2b_stale_flagged_at)
        self.Lead._cron_flag_stale_opportunities()
        self.assertEqual(len(self._stale_activities(lead)), 1)

    def test_stage_date_changes_with_the_stage_only(self):
        lead = self._lead(8)
        self.add_touchpoint(lead, "call", call_outcome="answered")
        lead = lead.sudo(self.salesman)
        with self.assertRaises(UserError):
            lead.write({"date_last_stage_update": fields.Datetime.now()})
        self.assertTrue(lead.b2b_is_stale)
        with self.assertRaises(ValidationError):
            self._lead(-3)
        lead.write({"stage_id": self.stage_email.id})
        self.assertEqual(lead.b2b_days_in_stage, 0)

    @mute_logger("odoo.sql_db")
    def test_negative_stale_days_refused(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.stage_booked.b2b_stale_days = -1

    def test_scheduled_action_wiring(self):
        cron = self.env.ref("b2b_sales_delivery.ir_cron_crm_lead_stale")
        self.assertEqual(cron.model_id.model, "crm.lead")
        self.assertEqual(cron.code.strip(), "model._cron_flag_stale_opportunities()")
        self.assertEqual((cron.interval_type, cron.numbercall), ("days", -1))
        self._lead(8)
        cron.method_direct_trigger()
