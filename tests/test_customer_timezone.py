# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer documents show their times in the customer's time zone, else
in the one the company configured (its working hours'), whoever renders
them: accepted at 20:00 UTC on 2 March is 3 March in Hà Nội."""

from freezegun import freeze_time

from .test_acceptance_common import SIGNATURE, AcceptanceCase


class TestCustomerTimezone(AcceptanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_manager.tz = "UTC"
        cls.acceptance.with_user(cls.project_manager).action_send()
        with freeze_time("2026-03-02 20:00:00"):
            cls.acceptance.with_user(cls.portal_user)._accept_by_customer(
                "Nguyễn Văn An", SIGNATURE
            )

    def render(self, user):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(
                "b2b_sales_delivery.action_report_b2b_acceptance", self.acceptance.ids
            )[0]
            .decode()
        )

    def test_times_in_the_company_timezone(self):
        self.assertEqual(self.env.company.resource_calendar_id.tz, "Asia/Ho_Chi_Minh")
        self.assertEqual(self.contact._b2b_customer_tz(), "Asia/Ho_Chi_Minh")
        for user in (self.project_manager, self.billing):
            html = self.render(user)
            self.assertIn("03/03/2026", html)
            self.assertNotIn("03/02/2026", html)

    def test_times_in_the_customers_timezone(self):
        self.customer.tz = "Europe/Paris"
        self.assertEqual(self.contact._b2b_customer_tz(), "Europe/Paris")
        html = self.render(self.project_manager)
        self.assertIn("03/02/2026", html)
        self.assertNotIn("03/03/2026", html)
        # The contact's own comes first.
        self.contact.tz = "Asia/Bangkok"
        self.assertEqual(self.contact._b2b_customer_tz(), "Asia/Bangkok")

    def test_no_timezone_anywhere_is_utc(self):
        self.env.company.resource_calendar_id = False
        self.env.company.partner_id.tz = False
        self.assertEqual(self.contact._b2b_customer_tz(), "UTC")
        self.env.company.partner_id.tz = "Asia/Tokyo"
        self.assertEqual(self.contact._b2b_customer_tz(), "Asia/Tokyo")
