# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scheduled actions survive one bad record: each record in its own
savepoint, the failure logged and turned into an activity, the rest run."""
from odoo.tools import mute_logger

from ..models.b2b_job import run_each
from .common_delivery import DeliveryCase


class TestJobs(DeliveryCase):
    def fail_inserts(self, table, column, value):
        """Make PostgreSQL refuse the rows of ``table`` whose ``column`` is
        ``value``: a record made to fail, with no mock (the trigger goes
        away with the test's transaction)."""
        self.env.cr.execute("""
            CREATE FUNCTION pg_temp.b2b_test_refuse() RETURNS trigger AS $$
            BEGIN
                IF NEW.%(column)s = %(value)s THEN
                    RAISE EXCEPTION 'refused for the test';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER b2b_test_refuse BEFORE INSERT ON %(table)s
                FOR EACH ROW EXECUTE PROCEDURE pg_temp.b2b_test_refuse();
        """ % {"table": table, "column": column, "value": int(value)})

    def test_run_each_isolates_the_failing_record(self):
        Partner = self.env["res.partner"]
        partners = Partner.browse()
        for index in range(3):
            partners |= Partner.create({"name": "Đối tác %s" % index})
        bad = partners[1]

        def step(partner):
            partner.comment = "done"
            if partner == bad:
                # A database error: without a savepoint the transaction
                # would be lost for the others too.
                self.env.cr.execute("SELECT 1/0")

        with mute_logger("odoo.addons.b2b_sales_delivery.models.b2b_job",
                         "odoo.sql_db"):
            done = run_each(partners, step, "Test job",
                            lambda partner: self.project_manager)
        self.assertEqual(done, partners - bad)
        self.assertEqual((partners - bad).mapped("comment"), ["done", "done"])
        self.assertFalse(bad.comment)
        activity = bad.activity_ids
        self.assertEqual(activity.user_id, self.project_manager)
        self.assertIn("Test job", activity.summary)
        self.assertIn("division by zero", activity.note)

    def test_delivery_reports_cron_survives_one_bad_project(self):
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        other = self.env["project.project"].browse(order.action_create_project())
        other.write({"plan_date_start": "2026-03-02", "user_id":
                     self.project_manager.id, "partner_id": self.customer.id})
        (self.project | other).write({"report_auto": True})
        self.fail_inserts("b2b_delivery_report", "project_id", self.project.id)
        with mute_logger("odoo.addons.b2b_sales_delivery.models.b2b_job",
                         "odoo.sql_db"):
            self.env["project.project"]._cron_send_delivery_reports("2026-03-09")
        self.assertFalse(self.project.delivery_report_ids)
        self.assertEqual(other.delivery_report_ids.state, "sent")
        activity = self.order.activity_ids.filtered(
            lambda a: "Periodic delivery report" in a.summary)
        self.assertEqual(activity.user_id, self.project_manager)
        self.assertIn("refused for the test", activity.note)
