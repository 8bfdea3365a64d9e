# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every view of the addon reads in Vietnamese for a Vietnamese user: no
term of the addon left in English in its arch, its labels and its choices."""
import re

from lxml import etree

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
