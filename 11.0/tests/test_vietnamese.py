# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Vietnamese is a first language: Odoo 11's broken Vietnamese mail subject
is repaired, so notifications to Vietnamese followers are sent."""
from odoo.addons.base.ir.ir_translation import IrTranslationImport

from ..models.ir_translation import B2bTranslationImport
from .common import B2BCase

BROKEN = (
    "${object.subject or (object.record_name and 'Trả lời: ' % "
    "object.record_name) or (object.parent_id and object.parent_id.subject and "
    "'Trả lời: ' % object.parent_id.subject) or (object.parent_id and "
    "object.parent_id.record_name and 'Re: ' % object.parent_id.record_name)}"
)


class TestVietnamese(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].load_lang("vi_VN")
        cls.template = cls.env.ref(
            "mail.mail_template_data_notification_email_default"
        )
        cls.Translation = cls.env["ir.translation"]
        domain = [
            ("type", "=", "model"),
            ("name", "=", "mail.template,subject"),
            ("res_id", "=", cls.template.id),
            ("lang", "=", "vi_VN"),
        ]
        cls.term = cls.Translation.search(domain)
        if not cls.term:
            cls.term = cls.Translation.create(
                {
                    "type": "model",
                    "name": "mail.template,subject",
                    "res_id": cls.template.id,
                    "lang": "vi_VN",
                    "src": cls.template.subject,
                    "value": BROKEN,
                    "module": "mail",
                    "state": "translated",
                }
            )

    def _render_subject(self, message):
        template = self.template.with_context(lang="vi_VN")
        return template.render_template(
            template.subject, "mail.message", [message.id]
        )[message.id]

    def test_broken_term_is_repaired_when_terms_load(self):
        self.term.value = BROKEN
        self.Translation.load_module_terms(["b2b_sales_delivery"], ["vi_VN"])
        self.assertIn("'Trả lời: %s'", self.term.value)
        self.assertEqual(self.Translation.repair_vietnamese_terms(), 0)

    def test_notification_subject_renders_in_vietnamese(self):
        self.term.value = BROKEN
        self.assertEqual(self.Translation.repair_vietnamese_terms(), 1)
        lead = self.env["crm.lead"].create({"name": "Hệ thống ERP"})
        message = lead.message_post(body="Xin chào")
        self.assertEqual(self._render_subject(message), "Trả lời: Hệ thống ERP")

    def test_pipeline_stages_in_vietnamese(self):
        stage = self.env.ref("b2b_sales_delivery.crm_stage_contact").with_context(lang="vi_VN")
        self.assertEqual(stage.name, "Liên hệ")
        won = self.env.ref("b2b_sales_delivery.crm_stage_contract").with_context(lang="vi_VN")
        self.assertEqual(won.name, "Hợp đồng")

    def _activity_terms(self, model):
        return self.Translation.search([
            ("type", "=", "model"),
            ("name", "=", "ir.model.fields,field_description"),
            ("res_id", "=", self.env["ir.model.fields"]._get(model, "activity_ids").id),
            ("lang", "=", "vi_VN"),
        ])

    def test_fields_taken_from_mixins_read_in_vietnamese(self):
        mixin_term = self._activity_terms("mail.activity.mixin")
        self.assertTrue(mixin_term.value)
        self._activity_terms("b2b.contract").unlink()
        self.Translation.search([
            ("type", "=", "selection"), ("name", "=", "b2b.contract,activity_state"),
            ("lang", "=", "vi_VN"),
        ]).unlink()

        self.assertGreater(self.Translation.translate_mixin_fields(), 0)
        contract_term = self._activity_terms("b2b.contract")
        self.assertEqual(
            (contract_term.src, contract_term.value), (mixin_term.src, mixin_term.value)
        )
        names = ["activity_ids", "activity_state"]
        contract = self.env["b2b.contract"].with_context(lang="vi_VN").fields_get(names)
        mixin = self.env["mail.activity.mixin"].with_context(lang="vi_VN").fields_get(names)
        english = self.env["b2b.contract"].with_context(lang="en_US").fields_get(names)
        self.assertEqual(contract["activity_ids"]["string"], mixin_term.value)
        self.assertEqual(
            contract["activity_state"]["selection"], mixin["activity_state"]["selection"])
        self.assertNotEqual(
            contract["activity_state"]["selection"], english["activity_state"]["selection"])
        # once is enough: loading the terms again adds none
        self.assertEqual(self.Translation.translate_mixin_fields(), 0)


class TestTermsLoad(B2BCase):
    """The addon's terms are loaded faster than by Odoo's own import
    (models/ir_translation.py), with the same result."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].load_lang("vi_VN")
        cls.Translation = cls.env["ir.translation"]
        cls.columns = ["type", "name", "res_id", "src", "value", "module", "lang",
                       "comments"]
        cls.domain = [("module", "=", "b2b_sales_delivery"), ("lang", "=", "vi_VN")]
        cls.terms = cls.Translation.search_read(cls.domain, cls.columns)

    def _load(self, finish, terms):
        """Load ``terms`` through the import ``finish``; the addon's terms
        in Vietnamese afterwards."""
        cursor = B2bTranslationImport(self.Translation)
        for term in terms:
            cursor.push(dict(term, imd_model=None, imd_name=None))
        finish(cursor)
        return sorted(
            tuple(term[name] for name in self.columns)
            for term in self.Translation.search_read(self.domain, self.columns))

    def _clear(self):
        self.Translation.search(self.domain).unlink()

    def test_same_terms_as_odoo_import(self):
        terms = [dict(term) for term in self.terms]
        self.assertGreater(len(terms), 2000)
        kinds = {term["type"] for term in terms}
        self.assertLessEqual({"model", "code", "selection"}, kinds)
        for name in ("src", "value"):  # some that exist, some that changed
            for term in terms[::7]:
                term[name] += " (2)"
        results = {}
        for label, finish in (("odoo", IrTranslationImport.finish),
                              ("addon", B2bTranslationImport.finish)):
            self._clear()
            results[label] = [
                self._load(finish, self.terms),  # none there
                self._load(finish, terms),  # there, some changed
            ]
        self.assertEqual(results["addon"], results["odoo"])
        first, second = results["addon"]
        # (a term another module has for the same record is not loaded twice)
        self.assertGreater(len(first), len(self.terms) - 10)
        self.assertGreater(len(second), len(first))  # the changed sources added
