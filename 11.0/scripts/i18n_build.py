"""Build i18n/vi.po from the exported .pot and the Vietnamese glossaries.

Usage: i18n_build.py <addon dir>

``i18n/b2b_sales_delivery.pot`` is exported by Odoo (``scripts/b2b i18n``);
``i18n/vi/*.po`` hold the Vietnamese translations written by hand, as plain
msgid/msgstr pairs. The result is a complete ``i18n/vi.po`` with Odoo's
references, which Odoo loads when Vietnamese is installed. Prints how many
terms are translated and lists the ones that are not.
"""
import glob
import os
import re
import sys

import polib


def key(msgid):
    """Terms match whatever their spacing (views wrap long texts)."""
    return re.sub(r"\s+", " ", msgid).strip()


def main(addon_dir):
    i18n = os.path.join(addon_dir, "i18n")
    pot = polib.pofile(os.path.join(i18n, "b2b_sales_delivery.pot"))
    glossary = {}
    for path in sorted(glob.glob(os.path.join(i18n, "vi", "*.po"))):
        for entry in polib.pofile(path):
            if entry.msgstr:
                glossary.setdefault(key(entry.msgid), entry.msgstr)
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "Odoo Server 11.0",
        "Language": "vi_VN",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    missing = []
    for entry in pot:
        translated = polib.POEntry(
            msgid=entry.msgid,
            msgstr=glossary.get(key(entry.msgid), ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            flags=[f for f in entry.flags if f != "fuzzy"],
        )
        if not translated.msgstr:
            missing.append(entry.msgid)
        po.append(translated)
    # Glossary entries with references of their own translate records of
    # other modules that this addon changes (crm's renamed stages).
    for path in sorted(glob.glob(os.path.join(i18n, "vi", "*.po"))):
        for entry in polib.pofile(path):
            if entry.occurrences and entry.msgstr:
                po.append(
                    polib.POEntry(
                        msgid=entry.msgid,
                        msgstr=entry.msgstr,
                        occurrences=entry.occurrences,
                        comment="module: b2b_sales_delivery",
                    )
                )
    po.save(os.path.join(i18n, "vi.po"))
    total = len(pot)
    print("vi.po: %d of %d terms translated" % (total - len(missing), total))
    for msgid in missing:
        print("  untranslated: %r" % msgid[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
