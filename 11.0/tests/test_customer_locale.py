# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer documents: one rule for their language (the pages over HTTP:
test_customer_locale_http), times in the company's timezone."""
from odoo import fields
from odoo.exceptions import UserError

from .common import accept_by_customer
from .common_payment import B2BPaymentCase


class TestCustomerLocale(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.company_partner = cls.company.partner_id
        cls.company_partner.write({"lang": "en_US", "tz": False})
        cls.vietnamese = Partner.create({
            "name": "Công ty CP Hoa Sen", "is_company": True, "lang": "vi_VN",
        })
        # A contact who chose no language.
        cls.contact = Partner.create({
            "name": "Trần Thị Mai", "parent_id": cls.vietnamese.id, "lang": False,
        })
        cls.nobody = Partner.create({"name": "Khách lẻ", "lang": False})

    def lang(self, partner, default=None):
        return partner._b2b_customer_lang(self.company, default)

    def test_language_of_a_customer(self):
        self.assertEqual(self.lang(self.vietnamese), "vi_VN")
        # the contact's own, else its company's
        self.assertEqual(self.lang(self.contact, "en_US"), "vi_VN")
        self.contact.lang = "en_US"
        self.assertEqual(self.lang(self.contact), "en_US")
        # else the company partner's, else the request's, if installed
        self.assertEqual(self.lang(self.nobody, "vi_VN"), "en_US")
        self.company_partner.lang = "vi_VN"
        self.assertEqual(self.lang(self.nobody), "vi_VN")
        self.company_partner.lang = False
        self.assertEqual(self.lang(self.nobody, "vi_VN"), "vi_VN")
        self.assertEqual(self.lang(self.nobody, "xx_XX"), "en_US")
        self.assertEqual(self.lang(self.nobody), "en_US")
        self.assertEqual(self.lang(self.env["res.partner"], "vi_VN"), "vi_VN")

    def test_times_in_the_company_timezone(self):
        self.assertEqual(self.vietnamese._b2b_customer_context(self.company),
                         {"lang": "vi_VN"})
        self.company_partner.tz = "Asia/Ho_Chi_Minh"
        self.assertEqual(self.contact._b2b_customer_context(self.company),
                         {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})

    def test_times_in_the_customer_timezone(self):
        """The contact's time zone, else their company's, else the one the
        company configured: a customer in Hà Nội reads 03:00 on 3 March what
        happened at 20:00 UTC on 2 March, even with the company partner in
        Brussels (21:00, 2 March)."""
        self.company_partner.tz = "Europe/Brussels"
        self.assertEqual(self.contact._b2b_customer_tz(self.company), "Europe/Brussels")
        self.vietnamese.tz = "Asia/Ho_Chi_Minh"
        self.assertEqual(self.contact._b2b_customer_tz(self.company), "Asia/Ho_Chi_Minh")
        self.assertEqual(self.contact._b2b_customer_context(self.company),
                         {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
        self.contact.tz = "Asia/Bangkok"
        self.assertEqual(self.contact._b2b_customer_tz(self.company), "Asia/Bangkok")
        self.contact.tz = False
        self.assertEqual(self.contact.b2b_customer_tz(self.company.id), "Asia/Ho_Chi_Minh")
        self.company_partner.tz = False
        self.assertEqual(self.nobody.b2b_customer_tz(self.company.id), "UTC")
        self.company_partner.tz = "Europe/Brussels"
        order, _project, phases = self.create_order(1000.0, (40.0, 60.0))
        order.action_confirm()
        acceptance = self.create_acceptance(phases[0], partner_id=self.contact.id)
        accept_by_customer(acceptance)
        acceptance.sudo()._step_write({"date_accepted": "2026-03-02 20:00:00"})
        report = self.env.ref("b2b_sales_delivery.action_report_b2b_acceptance")
        html = report.render_qweb_html(acceptance.ids)[0].decode()
        self.assertIn("03/03/2026", html)
        self.assertNotIn("02/03/2026", html)
        # the customer's page of the minutes reads its dates in the same context
        page = acceptance.with_context(
            **acceptance.partner_id._b2b_customer_context(acceptance.company_id))
        self.assertEqual(
            fields.Datetime.context_timestamp(
                page, fields.Datetime.from_string(page.date_accepted)).day, 3)

    def test_acceptance_minutes_in_the_language_and_day_of_the_customer(self):
        """The contact chose no language: the minutes are in their company's;
        accepted at 20:00 UTC, 03:00 the next day in Hà Nội."""
        self.company_partner.tz = "Asia/Ho_Chi_Minh"
        order, _project, phases = self.create_order(1000.0, (40.0, 60.0))
        order.action_confirm()
        acceptance = self.create_acceptance(phases[0], partner_id=self.contact.id)
        self.assertEqual(acceptance.partner_id, self.contact)
        accept_by_customer(acceptance)
        acceptance.sudo()._step_write({"date_accepted": "2026-03-02 20:00:00"})
        report = self.env.ref("b2b_sales_delivery.action_report_b2b_acceptance")
        html = report.render_qweb_html(acceptance.ids)[0].decode()
        self.assertIn("BIÊN BẢN NGHIỆM THU", html)
        self.assertNotIn("ACCEPTANCE MINUTES", html)
        self.assertIn("03/03/2026", html)
        self.assertNotIn("02/03/2026", html)

    def test_mails_speak_the_language_of_their_page_and_pdf(self):
        """The contact chose no language: the mail of the minutes is in their
        company's, as the minutes' page and PDF; every customer mail follows
        the same rule."""
        order, _project, phases = self.create_order(1000.0, (40.0, 60.0))
        order.action_confirm()
        acceptance = self.create_acceptance(phases[0], partner_id=self.contact.id)
        template = self.env.ref("b2b_sales_delivery.mail_template_b2b_acceptance")
        self.assertEqual(
            template.get_email_template(acceptance.id).env.context.get("lang"), "vi_VN")
        for name in ("scope", "change_request", "b2b_acceptance", "delivery_report",
                     "b2b_payment_reminder_before", "b2b_payment_reminder_overdue"):
            template = self.env.ref("b2b_sales_delivery.mail_template_" + name)
            self.assertIn(".b2b_customer_lang(", template.lang, name)

    def test_language_asked_with_a_company_id(self):
        """Over RPC the company is an id; anything else is refused by name."""
        self.company_partner.lang = "vi_VN"
        self.assertEqual(self.nobody.b2b_customer_lang(self.company.id), "vi_VN")
        self.assertEqual(self.nobody.b2b_customer_lang(self.company), "vi_VN")
        self.assertEqual(self.nobody.b2b_customer_lang(), "en_US")
        self.assertEqual(self.nobody.b2b_customer_lang(999999999), "en_US")
        for wrong in ("1", [self.company.id], True, 1.5, 0, -1, 2 ** 40):
            with self.assertRaisesRegex(
                    UserError, "The company must be a whole number from 1 to"):
                self.nobody.b2b_customer_lang(wrong)
