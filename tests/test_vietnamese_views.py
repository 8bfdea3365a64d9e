# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every view of the addon reads in Vietnamese for a Vietnamese user: no term
of the addon left in English in its arch, its field labels, helps and
choices, its menus and its actions."""

import re

import polib
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

ADDON = "b2b_sales_delivery"
# The attributes of a view a user reads.
READ_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "sum", "title")


def _norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def english_terms(po_path):
    """The addon's English terms that its Vietnamese says otherwise."""
    return {
        _norm(entry.msgid)
        for entry in polib.pofile(po_path)
        if not entry.obsolete
        and entry.msgstr
        and _norm(entry.msgstr) != _norm(entry.msgid)
    }


@tagged("post_install", "-at_install")
class TestVietnameseViews(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms([ADDON], ["vi_VN"], overwrite=True)
        cls.english = english_terms(file_path(f"{ADDON}/i18n/vi.po"))
        data = cls.env["ir.model.data"].search([("module", "=", ADDON)])
        cls.records = {
            model: cls.env[model].browse(data.filtered(lambda d, m=model: d.model == m).mapped("res_id"))
            for model in ("ir.ui.view", "ir.ui.menu", "ir.actions.act_window")
        }
        cls.vi = cls.env(context={"lang": "vi_VN"})

    def _english_in_arch(self, arch):
        found = set()
        for node in etree.fromstring(arch).iter():
            if not isinstance(node.tag, str):
                continue
            texts = [node.text, node.tail] + [node.get(name) for name in READ_ATTRIBUTES]
            found |= {_norm(text) for text in texts if _norm(text) in self.english}
        return found

    @staticmethod
    def _labels(field):
        return [field.get("string"), field.get("help")] + [
            label for _key, label in field.get("selection") or []
        ]

    def _english_in_fields(self, model_name, fields):
        """The addon's terms left in English in the labels of the fields the
        addon defines (those of Odoo's mixins are Odoo's to translate): a
        label a Vietnamese user reads as the English user does, where the
        catalogue says it otherwise. (Comparing label with label keeps apart
        two terms that share a word: the data source "Paid data" reads
        "Paid" in Vietnamese, the paid installment "Đã thanh toán".)"""
        model = self.env[model_name]
        names = [name for name in fields if model._fields[name]._module == ADDON]
        english = model.with_context(lang="en_US").fields_get(names, ["string", "help", "selection"])
        found = set()
        for name in names:
            found |= {
                f"{name}: {_norm(label)}"
                for label, label_en in zip(self._labels(fields[name]), self._labels(english[name]))
                if _norm(label) == _norm(label_en) and _norm(label) in self.english
            }
        return found

    def test_the_addon_has_terms_and_views_to_check(self):
        # Guards the test itself: an empty catalogue or no views would pass
        # every check below.
        self.assertGreater(len(self.english), 200)
        self.assertGreater(len(self.records["ir.ui.view"]), 20)
        self.assertIn("Checkpoints", self.english)

    def test_the_catalogue_is_complete(self):
        # Every term the addon exports has its Vietnamese.
        template = polib.pofile(file_path(f"{ADDON}/i18n/{ADDON}.pot"))
        catalogue = {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(file_path(f"{ADDON}/i18n/vi.po"))
            if not entry.obsolete
        }
        untranslated = sorted(
            entry.msgid for entry in template if not catalogue.get(entry.msgid)
        )
        self.assertFalse(untranslated, f"terms without Vietnamese: {untranslated}")

    def test_the_check_finds_english(self):
        # The same check on an English arch finds the addon's terms.
        view = self.env.ref(f"{ADDON}.b2b_checkpoint_view_form")
        self.assertTrue(self._english_in_arch(view.with_context(lang="en_US").arch_db))

    def test_every_view_reads_in_vietnamese(self):
        left = {}
        for view in self.records["ir.ui.view"].with_env(self.vi):
            if view.type == "qweb":
                continue  # pages and documents: rendered by their own tests
            found = self._english_in_arch(view.arch_db)
            if view.mode == "primary" and not view.inherit_id:
                result = self.vi[view.model].get_views([(view.id, view.type)])
                found |= self._english_in_arch(result["views"][view.type]["arch"])
                for model_name, model in result["models"].items():
                    found |= self._english_in_fields(model_name, model["fields"])
            if found:
                left[view.xml_id or view.name] = sorted(found)
        self.assertFalse(left, f"left in English for a Vietnamese user: {left}")

    def test_every_field_of_the_addon_reads_in_vietnamese(self):
        data = self.env["ir.model.data"].search(
            [("module", "=", ADDON), ("model", "=", "ir.model.fields")]
        )
        addon_fields = self.env["ir.model.fields"].browse(data.mapped("res_id"))
        self.assertGreater(len(addon_fields), 100)
        left = {}
        for model_name in set(addon_fields.mapped("model")):
            fields = self.vi[model_name].fields_get(
                addon_fields.filtered(lambda f, m=model_name: f.model == m).mapped("name"),
                ["string", "help", "selection"],
            )
            found = self._english_in_fields(model_name, fields)
            if found:
                left[model_name] = sorted(found)
        self.assertFalse(left, f"field labels left in English: {left}")

    def test_menus_and_actions_read_in_vietnamese(self):
        left = {
            record._name + ":" + record.with_context(lang="en_US").name: record.name
            for kind in ("ir.ui.menu", "ir.actions.act_window")
            for record in self.records[kind].with_env(self.vi)
            if _norm(record.name) in self.english
        }
        self.assertFalse(left, f"menus and actions left in English: {left}")

    def test_an_agreed_proposal_is_not_an_accepted_phase(self):
        """The proposal's customer agrees to it ("Đã chốt", the seed's word for
        a cooperation proposal closed); only a phase and its minutes are
        accepted on delivery ("Đã nghiệm thu"): two words in Vietnamese,
        where English could say "Accepted" of both."""

        def label(model, field, key):
            return dict(self.vi[model].fields_get([field], ["selection"])[field]["selection"])[key]

        self.assertEqual(label("b2b.proposal", "state", "accepted"), "Khách đã chốt")
        self.assertEqual(label("b2b.proposal.revision", "state", "accepted"), "Khách đã chốt")
        self.assertEqual(label("b2b.acceptance", "state", "accepted"), "Đã nghiệm thu")
        self.assertEqual(label("b2b.phase", "state", "accepted"), "Đã nghiệm thu")
