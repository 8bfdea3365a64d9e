# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon is clicked in the browser tests.

The addon's views (``views/*.xml``, ``wizards/*.xml``) are parsed for their
buttons that call the server (``type="object"`` or ``type="action"``); each
must be in the lists of ``tests_browser/buttons.py``: clicked by
``tests_browser/test_every_button.py``, by a role's journey, hidden for
everyone by an inheriting view, or pending with its reason. A new button
cannot come without its click."""
import glob
import importlib.util
import os
import unittest

from lxml import etree

from odoo.modules.module import get_module_path

ROOT = get_module_path("b2b_sales_delivery")
BUTTONS = os.path.join(ROOT, "tests_browser", "buttons.py")
ROLES = ("b2b_thu", "b2b_lan", "b2b_btn_pm", "b2b_btn_accountant")
OUTCOMES = ("dialog", "close", "download", "refused", "done")
KINDS = ("state:", "opens:", "url:", "confirm:")


def view_paths(root):
    return sorted(glob.glob(os.path.join(root, "views", "*.xml"))
                  + glob.glob(os.path.join(root, "wizards", "*.xml")))


def view_buttons(root):
    """{(view xml id, name, label): (file, groups, invisible)} of the server
    buttons of the addon's views under ``root``."""
    found = {}
    for path in view_paths(root):
        for record in etree.parse(path).iter("record"):
            arch = record.find("field[@name='arch']")
            if arch is None:
                continue
            for button in arch.iter("button"):
                if button.get("type") not in ("object", "action"):
                    continue
                key = (record.get("id"), button.get("name"), button.get("string"))
                assert key not in found, "two buttons %r" % (key,)
                found[key] = (os.path.basename(path), button.get("groups"),
                              button.get("invisible"))
    return found


def listed_buttons(path):
    """The buttons of ``tests_browser/buttons.py``: clicked, clicked by a
    journey, hidden for everyone, pending (each with its reason)."""
    spec = importlib.util.spec_from_file_location("b2b_browser_buttons", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    clicks = {click[2]: click for click in module.CLICKS}
    return clicks, dict(module.JOURNEYS), dict(module.HIDDEN), dict(module.PENDING)


class TestEveryButtonListed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not os.path.exists(BUTTONS):
            raise unittest.SkipTest("the browser tests are not installed with the addon")
        cls.buttons = view_buttons(ROOT)
        cls.clicks, cls.journeys, cls.hidden, cls.pending = listed_buttons(BUTTONS)

    def test_every_button_is_clicked(self):
        listed = set(self.clicks) | set(self.journeys) | set(self.hidden) | set(self.pending)
        missing = sorted(
            "%s %s %r (%s, groups=%s, invisible=%s)" % (key + where)
            for key, where in self.buttons.items()
            if key not in listed
        )
        self.assertFalse(
            missing, "buttons no browser test clicks (add them to "
            "tests_browser/buttons.py):\n" + "\n".join(missing))
        for button, reason in self.pending.items():
            self.assertGreater(len(reason.split()), 3, "pending without a reason: %s"
                               % (button,))

    def test_every_click_is_a_button(self):
        """A button removed or renamed leaves no click behind, and a button
        is in one list only."""
        lists = (set(self.clicks), set(self.journeys), set(self.hidden), set(self.pending))
        listed = set().union(*lists)
        self.assertFalse(sorted(listed - set(self.buttons), key=str))
        self.assertEqual(sum(len(one) for one in lists), len(listed),
                         "a button in two lists")

    def test_journeys_click_their_buttons(self):
        """A button said clicked by a journey is named in its file."""
        folder = os.path.dirname(BUTTONS)
        for button, (journey, shown) in self.journeys.items():
            with open(os.path.join(folder, journey), encoding="utf-8") as handle:
                text = handle.read()
            self.assertIn(shown, text, "%s does not click %s" % (journey, button))
            self.assertIn(".click()", text)

    def test_hidden_buttons_are_invisible(self):
        """A button said hidden is replaced, or made invisible for everyone
        (``invisible="1"``), by the inheriting view named."""
        for (view, name, _label), hiding in self.hidden.items():
            found = False
            for path in view_paths(ROOT):
                for record in etree.parse(path).iter("record"):
                    if record.get("id") != hiding:
                        continue
                    inherit = record.find("field[@name='inherit_id']")
                    self.assertIsNotNone(inherit, hiding)
                    self.assertEqual(inherit.get("ref").split(".")[-1], view, hiding)
                    found = record.xpath(
                        ".//button[@name=$name][@position='replace']"
                        " | .//button[@name=$name][@position='attributes']"
                        "/attribute[@name='invisible'][normalize-space()='1'"
                        " or normalize-space()='True']", name=name)
            self.assertTrue(found, "%s does not hide %s" % (hiding, name))

    def test_a_click_outcome_is_known(self):
        for role, record, button, outcome in self.clicks.values():
            self.assertIn(role, ROLES, button)
            self.assertTrue(outcome in OUTCOMES or outcome.startswith(KINDS), button)
            if record is None:  # a dialog's button
                self.assertIn(outcome, ("close", "refused", "download"), button)
