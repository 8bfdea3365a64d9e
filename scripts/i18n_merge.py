"""Merge the exported template into a translation, as msgmerge does.

Usage: i18n_merge.py <template.pot> <lang.po>

Every term of the template is kept with its translation when the .po has
one (matched on context and msgid, then on msgid alone), added untranslated
when it has none; terms no longer in the template are dropped. Prints how
many terms are translated and lists the ones that are not; exits 1 when
any term is left untranslated.
"""
import sys

import polib


def main(pot_path, po_path):
    pot = polib.pofile(pot_path)
    try:
        old = polib.pofile(po_path)
    except OSError:
        old = polib.POFile()
    by_context = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
    by_msgid = {e.msgid: e.msgstr for e in old if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata, Language="vi_VN")
    po.metadata.update(old.metadata)
    missing = []
    for entry in pot:
        msgstr = by_context.get((entry.msgctxt, entry.msgid)) or by_msgid.get(entry.msgid, "")
        if not msgstr:
            missing.append(entry.msgid)
        po.append(polib.POEntry(
            msgid=entry.msgid, msgstr=msgstr, msgctxt=entry.msgctxt,
            occurrences=entry.occurrences, comment=entry.comment,
            tcomment=entry.tcomment, flags=entry.flags,
        ))
    po.save(po_path)
    print(f"{po_path}: {len(pot) - len(missing)} of {len(pot)} terms translated")
    for msgid in missing:
        print(f"  untranslated: {msgid[:70]!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
