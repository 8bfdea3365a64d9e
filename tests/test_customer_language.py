# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The addon's customer mails speak the customer's language: the contact's,
else their company's, else the language of the company writing; and the
mail the user reviews in the composer is the one the customer gets."""

from odoo.tests import Form

from .common_scope import ScopeCase


class TestCustomerLanguage(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.contact = env["res.partner"].create(
            {
                "name": "Nguyễn Văn An",
                "parent_id": cls.customer.id,
                "email": "an@example.com",
            }
        )
        cls.plan_line = (
            env["b2b.payment.plan.line"]
            .with_user(cls.salesman)
            .create(
                {
                    "order_id": cls.order.id,
                    "name": "Tạm ứng",
                    "percent": 100,
                    "trigger": "order_confirmed",
                }
            )
        )
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.change = (
            env["b2b.change.request"]
            .with_user(cls.salesman)
            .create({"order_id": cls.order.id, "name": "Thêm một video 30 giây"})
        )
        cls.acceptance = env["b2b.acceptance"].create(
            {"phase_id": cls.phase_script.id, "recipient_id": cls.contact.id}
        )
        ref = env.ref
        # (template, record, a word of its subject in English, in Vietnamese)
        cls.mails = [
            (ref("b2b_sales_delivery.mail_template_scope"), cls.order,
             "scope of", "phạm vi công việc"),
            (ref("b2b_sales_delivery.mail_template_change_request"), cls.change,
             "change request", "yêu cầu thay đổi"),
            (ref("b2b_sales_delivery.mail_template_b2b_acceptance"), cls.acceptance,
             "Acceptance Minutes", "Biên bản nghiệm thu"),
            (ref("b2b_sales_delivery.mail_template_payment_reminder"), cls.plan_line,
             "payment of", "thanh toán"),
        ]

    def set_langs(self, customer, contact=False, company="en_US"):
        self.customer.lang = customer
        self.contact.lang = contact or customer
        self.env.company.partner_id.lang = company

    def rendered(self, template, record):
        """The language and subject of the mail ``template`` makes for
        ``record``, as the salesperson sends it."""
        template = template.with_user(self.salesman).with_context(lang="en_US")
        lang = template._render_lang([record.id])[record.id]
        subject = template._render_field("subject", [record.id], compute_lang=True)
        return lang, subject[record.id]

    def assert_mails_in(self, lang):
        """Each customer mail is rendered in ``lang`` (its subject's words)."""
        for template, record, english, vietnamese in self.mails:
            words = {"en_US": english, "vi_VN": vietnamese}
            other = "vi_VN" if lang == "en_US" else "en_US"
            rendered_lang, subject = self.rendered(template, record)
            self.assertEqual(rendered_lang, lang, template.name)
            self.assertIn(words[lang], subject, template.name)
            self.assertNotIn(words[other], subject, template.name)

    def test_vietnamese_customer_gets_vietnamese(self):
        self.set_langs("vi_VN")
        self.assert_mails_in("vi_VN")

    def test_english_customer_gets_english(self):
        self.set_langs("en_US", company="vi_VN")
        self.assert_mails_in("en_US")

    def test_no_language_falls_back_to_the_customer_then_the_company(self):
        # the contact without one reads their company's
        self.set_langs("vi_VN", contact=False)
        self.contact.lang = False
        self.assertEqual(self.rendered(*self.mails[2][:2])[0], "vi_VN")
        # nobody at the customer chose one: the company's, not the sender's
        self.customer.lang = False
        self.contact.lang = False
        self.env.company.partner_id.lang = "vi_VN"
        self.salesman.lang = "en_US"
        self.assert_mails_in("vi_VN")
        # a language not installed does not count
        self.env.company.partner_id.lang = False
        self.assertEqual(self.customer.b2b_customer_lang(), "en_US")

    def test_public_method_over_rpc_arguments(self):
        self.set_langs("en_US", contact=False, company="vi_VN")
        self.customer.lang = False
        company = self.env.company
        self.assertEqual(self.customer.b2b_customer_lang(company.id), "vi_VN")
        # a bad company is no company: the current one
        for bad in (False, True, -1, "1", 2**40):
            self.assertEqual(self.customer.b2b_customer_lang(bad), "vi_VN", bad)

    def test_composer_shows_the_mail_in_the_customer_language(self):
        self.set_langs("vi_VN")
        template = self.env.ref("b2b_sales_delivery.mail_template_scope")
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.salesman)
            .with_context(
                lang="en_US",
                default_model="sale.order",
                default_res_ids=self.order.ids,
                default_template_id=template.id,
                default_composition_mode="comment",
            )
        )
        self.assertIn("Xem và xác nhận phạm vi công việc", str(composer.body))
        self.assertIn("phạm vi công việc", composer.subject)
