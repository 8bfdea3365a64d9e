# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every view of the addon reads in Vietnamese for a Vietnamese user: no
term of the addon left in English in its arch, its labels and its choices."""
import os
import re

from lxml import etree

from odoo.modules.module import get_module_path

from .common import B2BCase

ADDON = "b2b_sales_delivery"
# attributes a user reads
READ_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "sum", "title")


def _norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


class TestVietnameseViews(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].load_lang("vi_VN")
        terms = cls.env["ir.translation"].search_read(
            [("module", "=", ADDON), ("lang", "=", "vi_VN")], ["src", "value"]
        )
        # the addon's English terms that Vietnamese says otherwise
        cls.english = {
            _norm(term["src"]) for term in terms
            if term["value"] and _norm(term["value"]) != _norm(term["src"])
        }
        cls.views = cls.env["ir.ui.view"].browse(
            cls.env["ir.model.data"].search(
                [("module", "=", ADDON), ("model", "=", "ir.ui.view")]
            ).mapped("res_id")
        )

    def _english_in_arch(self, arch):
        found = set()
        for node in etree.fromstring(arch).iter():
            if not isinstance(node.tag, str):
                continue
            texts = [node.text, node.tail] + [
                node.get(name) for name in READ_ATTRIBUTES
            ]
            found |= {_norm(text) for text in texts if _norm(text) in self.english}
        return found

    def test_the_addon_has_english_terms_to_check(self):
        self.assertGreater(len(self.english), 500)
        self.assertGreater(len(self.views), 50)

    def test_every_view_reads_in_vietnamese(self):
        left = {}
        for view in self.views.with_context(lang="vi_VN"):
            if view.type == "qweb":
                continue  # pages and documents: rendered by their own tests
            found = self._english_in_arch(view.arch_db)
            if view.mode == "primary" and not view.inherit_id:
                model = self.env[view.model].with_context(lang="vi_VN")
                result = model.fields_view_get(
                    view_id=view.id, view_type=view.type
                )
                found |= self._english_in_arch(result["arch"])
                for field in result["fields"].values():
                    labels = [field.get("string"), field.get("help")] + [
                        label for _key, label in field.get("selection") or []
                    ]
                    found |= {
                        _norm(label) for label in labels
                        if _norm(label) in self.english
                    }
            if found:
                left[view.xml_id or view.name] = sorted(found)
        self.assertFalse(left, "left in English for a Vietnamese user: %s" % left)


# Addon terms Vietnamese users say as in English (the users' own words,
# /work/shared/seed/process.vi.txt: "Demo", "Email"; identifiers and ranges).
SAME_IN_VIETNAMESE = {
    "Demo", "Demos", "Email", "Emails", "ID", "1-30", "31-60", "61-90", "> 90",
    "ir.actions.report", "ir.qweb", "ir.sequence", "ir.translation",
    "res.config.settings",
}


def _po_entries(path):
    """[(msgid, msgstr)] of a .po file."""
    with open(path, encoding="utf-8") as po_file:
        text = po_file.read()

    def unquote(lines):
        return "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"')

    return [
        (unquote(entry.group(1)), unquote(entry.group(2)))
        for entry in re.finditer(
            r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', text, re.M)
        if unquote(entry.group(1))
    ]


def _left_in_english(msgid, msgstr):
    """Whether the Vietnamese of ``msgid`` is missing or still English: no
    letter of Vietnamese and a word of the English term, outside
    placeholders, markup and template expressions ("Free" for "Free
    data", "Format" for "Format")."""
    if msgid in SAME_IN_VIETNAMESE:
        return False
    if not msgstr:
        return True

    def words(text):
        return re.sub(r"\$\{[^}]*\}|%\([a-z_]+\)[sdf]|%[sdf]|<[^>]*>|&[a-z#0-9]+;|\.[a-z]{2,4}\b",
                      " ", text)

    text = words(msgstr)
    if re.search(r"[^\x00-\x7f]", text):
        return False
    english = {word.lower() for word in re.findall(r"[A-Za-z]{3,}", words(msgid))}
    return bool(english & {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)})


class TestVietnameseTerms(B2BCase):
    def test_every_addon_term_in_vietnamese(self):
        """Every term of the addon (views, choices, labels, terms made in
        code, report labels, mail templates) has its Vietnamese, not an
        English word such as "Free" for "Free data"."""
        path = os.path.join(get_module_path(ADDON), "i18n", "vi.po")
        entries = _po_entries(path)
        self.assertGreater(len(entries), 1000)
        left = sorted(msgid for msgid, msgstr in entries
                      if _left_in_english(msgid, msgstr))
        self.assertFalse(left, "left in English for a Vietnamese user: %s" % left)
        fragments = os.path.join(get_module_path(ADDON), "i18n", "vi")
        for name in sorted(os.listdir(fragments)):
            left = sorted(msgid for msgid, msgstr in _po_entries(
                os.path.join(fragments, name)) if _left_in_english(msgid, msgstr))
            self.assertFalse(left, "i18n/vi/%s: left in English: %s" % (name, left))

    def test_field_label_of_a_renamed_field_record(self):
        """The label of a field whose record Odoo 11 suffixed with its id
        (``level_id`` of the reminders) reads in Vietnamese in any database,
        not only in the one the .po file was exported from."""
        self.env["res.lang"].load_lang("vi_VN")
        Translation = self.env["ir.translation"]
        field = self.env["ir.model.fields"].search([
            ("model", "=", "b2b.payment.reminder"), ("name", "=", "level_id")])
        domain = [("type", "=", "model"), ("res_id", "=", field.id),
                  ("name", "=", "ir.model.fields,field_description"),
                  ("lang", "=", "vi_VN")]
        # as in a database where the .po's reference names no record
        Translation.search(domain).unlink()
        Translation.clear_caches()
        Translation.load_module_terms([ADDON], ["vi_VN"])
        labels = self.env["b2b.payment.reminder"].with_context(
            lang="vi_VN").fields_get(["level_id"])
        self.assertEqual(labels["level_id"]["string"], "Cấp độ")

    def test_no_english_selection_label(self):
        """The choices of the addon's fields read in Vietnamese."""
        self.env["res.lang"].load_lang("vi_VN")
        Translation = self.env["ir.translation"]
        Translation.load_module_terms([ADDON], ["vi_VN"])
        lead = self.env["crm.lead"].with_context(lang="vi_VN")
        choices = dict(lead.fields_get(["b2b_data_source"])["b2b_data_source"]["selection"])
        self.assertEqual(choices["free"], "Dữ liệu miễn phí")
        self.assertEqual(choices["paid"], "Dữ liệu trả phí")
        item = self.env["b2b.scope.item"].with_context(lang="vi_VN")
        choices = dict(item.fields_get(["category"])["category"]["selection"])
        self.assertEqual(choices["format"], "Định dạng")
