"""Assemble README.md from the fragments in readme/.

Usage: readme_build.py [--check]

INTRO.md, then the usage of each feature in the order of the process (its
headings one level down, its screenshots under its title), then DEVELOP.md
and HISTORY.md. With --check, exits 1 when README.md is not up to date.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FEATURES = ["crm", "contracts_scope", "delivery", "payment", "kpi", "security"]
# screenshots shown under each feature's title, when present
SCREENSHOTS = {
    "crm": ["crm_pipeline.png", "crm_opportunity.png", "crm_opportunity_vi.png",
            "touchpoints_pivot.png"],
    "contracts_scope": ["sale_order_scope.png", "contract_form.png",
                        "pdf_scope.png", "pdf_change_request.png"],
    "delivery": ["project_form.png", "pdf_delivery_plan.png",
                 "pdf_progress_report.png"],
    "payment": ["payment_plan_lines.png", "receivables.png", "pdf_acceptance.png",
                "pdf_payment_request.png", "pdf_payment_plan.png"],
    "kpi": ["kpi_dashboard.png", "kpi_funnel.png", "skill_matrix.png"],
}


def read(name):
    with open(os.path.join(ROOT, "readme", name), encoding="utf-8") as f:
        return f.read().strip("\n")


def shift_headings(text):
    """Headings one level down, leaving code blocks alone."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#+ ", line):
            line = "#" + line
        lines.append(line)
    return "\n".join(lines)


def build():
    parts = [read("INTRO.md")]
    for feature in FEATURES:
        if not os.path.exists(os.path.join(ROOT, "readme", feature + ".md")):
            continue
        text = shift_headings(read(feature + ".md"))
        title, _sep, body = text.partition("\n")
        shots = [
            "![%s](readme/screenshots/%s)" % (shot[:-4].replace("_", " "), shot)
            for shot in SCREENSHOTS.get(feature, [])
            if os.path.exists(os.path.join(ROOT, "readme", "screenshots", shot))
        ]
        parts.append("\n\n".join([title] + shots + [body.strip("\n")]))
    parts.append(read("DEVELOP.md"))
    parts.append(shift_headings(read("HISTORY.md")))
    return "\n\n".join(parts) + "\n"


def main(argv):
    path = os.path.join(ROOT, "README.md")
    content = build()
    if "--check" in argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != content:
                print("README.md is not up to date: run scripts/readme_build.py")
                return 1
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
