"""Assemble README.md from the fragments in readme/.

Usage: readme_build.py [--check]

One fragment per section, in the order of SECTIONS: what the addon does,
how to install it, one section per role, configuration, the XML-RPC
interface, development, history. Each fragment carries its own headings
(`##` for its section) and its own pictures. The table of contents of the
`##` and `###` headings replaces the marker TOC_MARKER of the first
fragment. With --check, exits 1 when README.md is not up to date, when a
picture it shows is missing, or when a screenshot is shown nowhere.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTIONS = [
    "intro",            # title, table of contents, what it does (the picture)
    "install",          # the two commands, an existing Odoo, the demo
    "salesperson",      # one section per role, in the order of the process
    "sales_manager",
    "project_manager",
    "accountant",
    "customer",
    "configuration",
    "security",         # who may do what; steps and states; customer links
    "xmlrpc",
    "development",      # layout, tests, commands, benchmark
    "HISTORY",
]
TOC_MARKER = "<!-- table of contents -->"
TOC_LEVELS = (2, 3)


def read(name):
    with open(os.path.join(ROOT, "readme", name + ".md"), encoding="utf-8") as f:
        return f.read().strip("\n")


def headings(text):
    """(level, title) of the headings of a markdown text, code blocks aside."""
    found, fenced = [], False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            continue
        match = re.match(r"(#+) (.*)$", line)
        if match and not fenced:
            found.append((len(match.group(1)), match.group(2).strip()))
    return found


def anchor(title):
    """The anchor GitHub gives a heading."""
    slug = re.sub(r"[^\w\- ]", "", title.lower())
    return slug.replace(" ", "-")


def table_of_contents(text):
    lines = []
    for level, title in headings(text):
        if level in TOC_LEVELS:
            indent = "  " * (level - TOC_LEVELS[0])
            lines.append("%s- [%s](#%s)" % (indent, title, anchor(title)))
    return "## Contents\n\n" + "\n".join(lines)


def build():
    text = "\n\n".join(read(name) for name in SECTIONS) + "\n"
    return text.replace(TOC_MARKER, table_of_contents(text), 1)


def picture_problems(content):
    """Pictures shown but missing, and screenshots shown nowhere."""
    shown = set(re.findall(r"!\[[^\]]*\]\(([^)]+)\)", content))
    problems = [
        "missing picture: %s" % path
        for path in sorted(shown) if not os.path.exists(os.path.join(ROOT, path))
    ]
    folder = os.path.join(ROOT, "readme", "screenshots")
    for name in sorted(os.listdir(folder)):
        if "readme/screenshots/" + name not in shown:
            problems.append("screenshot shown nowhere: readme/screenshots/%s" % name)
    return problems


def repeated_sections(content):
    """Section headings (##) that appear more than once."""
    titles = [title for level, title in headings(content) if level == 2]
    return sorted({"section twice: %s" % t for t in titles if titles.count(t) > 1})


def main(argv):
    path = os.path.join(ROOT, "README.md")
    content = build()
    problems = picture_problems(content) + repeated_sections(content)
    for problem in problems:
        print(problem)
    if "--check" in argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != content:
                print("README.md is not up to date: run scripts/readme_build.py")
                return 1
        return 1 if problems else 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
