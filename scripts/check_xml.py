"""XML checks of the Odoo 19 addon (11.0/ has its own): well-formed files, no duplicate record ids.

Run by `make lint`; prints one line per problem and exits 1 when any.
"""
import collections
import pathlib
import subprocess
import sys

from lxml import etree

ROOT = pathlib.Path(__file__).resolve().parent.parent


def tracked_xml_files():
    out = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "*.xml", ":!11.0"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    return [ROOT / name for name in out]


def main():
    problems = []
    seen = collections.defaultdict(list)
    for path in tracked_xml_files():
        rel = path.relative_to(ROOT)
        try:
            tree = etree.parse(str(path))
        except etree.XMLSyntaxError as error:
            problems.append("%s: not well-formed: %s" % (rel, error))
            continue
        for node in tree.iter("record", "template", "menuitem", "report", "act_window"):
            xml_id = node.get("id")
            if xml_id and "." not in xml_id:
                seen[xml_id].append(str(rel))
    for xml_id, files in sorted(seen.items()):
        if len(files) > 1:
            problems.append("duplicate xml id %r in %s" % (xml_id, ", ".join(files)))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
