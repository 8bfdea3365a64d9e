# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""No context key an RPC caller can send switches a rule off.

The addon's Python source is scanned for context keys it reads. A key is
fine when every read compares it with an unforgeable object (``is`` /
``is not``: no RPC call can carry a Python object), or when it is on the
short, reviewed list below of harmless keys, each with its reason.
"""
import os
import re
import unittest

from odoo.modules.module import get_module_path

# key -> why reading it switches no rule off.
ALLOWED_KEYS = {
    "lang": "the language a document or a label is shown in",
    "default_team_id": "which team's stages the pipeline shows as columns",
    "b2b_call_outcome": "the outcome of a call the user logs (the log-call "
                        "wizard's choice), the same data as the activity's "
                        "own field: input, not a switch",
    "b2b_stage_in_form": "whether the opportunity's form answers a refused "
                         "stage at once (an onchange warning putting the "
                         "saved stage back); the save refuses the move with "
                         "or without it",
}
SOURCE_DIRS = ("models", "wizards", "controllers", "utils", "reports")
SOURCE_FILES = ("hooks.py",)
# A key read: context.get(KEY / context[KEY / KEY in context / KEY not in
# context, the key a literal or a module-level constant.
KEY = r"""(?P<key>["'][\w.]+["']|[A-Z][A-Z0-9_]*)"""
CONTEXT = r"(?:self\.env\.context|self\._context|env\.context|context|ctx)"
READS = (
    re.compile(CONTEXT + r"""\.get\(\s*""" + KEY),
    re.compile(CONTEXT + r"""\[\s*""" + KEY),
    re.compile(KEY + r"\s+(?:not\s+)?in\s+" + CONTEXT + r"\b"),
)
CONSTANT = re.compile(r"""^(?P<name>[A-Z][A-Z0-9_]*)\s*=\s*["'](?P<value>[\w.]+)["']""",
                      re.M)
GUARDED = re.compile(r"^\s*\)?\s*is\s+(?:not\s+)?\w")


def addon_sources():
    root = get_module_path("b2b_sales_delivery")
    paths = [os.path.join(root, name) for name in SOURCE_FILES]
    for directory in SOURCE_DIRS:
        for folder, _dirs, files in os.walk(os.path.join(root, directory)):
            paths.extend(
                os.path.join(folder, name) for name in files if name.endswith(".py")
            )
    for path in sorted(paths):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as source:
                yield os.path.relpath(path, root), source.read()


def context_reads(text):
    """(key, is_guarded, line number) for each context key read in
    ``text``; a constant is resolved to its value."""
    constants = {m.group("name"): m.group("value") for m in CONSTANT.finditer(text)}
    for pattern in READS:
        for match in pattern.finditer(text):
            key = match.group("key")
            key = key.strip("\"'") if key[0] in "\"'" else constants.get(key, key)
            after = text[match.end():match.end() + 40]
            guarded = bool(GUARDED.match(after))
            yield key, guarded, text.count("\n", 0, match.start()) + 1


class TestNoSwitches(unittest.TestCase):
    def test_scanner_sees_every_form_of_read(self):
        sample = (
            'A_KEY = "b2b_x"\n'
            'if self.env.context.get("one"):\n'
            "    x = self._context['two']\n"
            'if "three" not in self.env.context:\n'
            "    y = self.env.context.get(A_KEY) is PASS\n"
        )
        self.assertEqual(
            sorted(context_reads(sample)),
            [("b2b_x", True, 5), ("one", False, 2), ("three", False, 4),
             ("two", False, 3)],
        )

    def test_no_context_key_switches_a_rule_off(self):
        offenders = []
        for path, text in addon_sources():
            for key, guarded, line in context_reads(text):
                if not guarded and key not in ALLOWED_KEYS:
                    offenders.append("%s:%s reads %r" % (path, line, key))
        self.assertFalse(
            offenders,
            "Context keys any RPC caller can send: compare them with an "
            "unforgeable object, or review and list them in ALLOWED_KEYS:\n"
            + "\n".join(offenders),
        )

    def test_allowed_keys_are_still_read(self):
        read = {key for _path, text in addon_sources()
                for key, _guarded, _line in context_reads(text)}
        self.assertFalse(
            set(ALLOWED_KEYS) - read,
            "Keys no longer read: remove them from ALLOWED_KEYS")
