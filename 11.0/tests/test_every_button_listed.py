# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon is clicked in the browser tests.

The addon's views (``views/*.xml``, ``wizards/*.xml``) are parsed for their
buttons that call the server (``type="object"`` or ``type="action"``); each
must be in the list of ``tests_browser/buttons.py``: clicked by
``tests_browser/test_every_button.py`` or by a role's journey. A new button
cannot come without its click."""
import glob
import importlib.util
import os
import unittest

from lxml import etree

from odoo.modules.module import get_module_path

ROOT = get_module_path("b2b_sales_delivery")
BUTTONS = os.path.join(ROOT, "tests_browser", "buttons.py")


def view_buttons(root):
    """{(view xml id, name, label): (file, groups, states, attrs)} of the
    server buttons of the addon's views under ``root``."""
    found = {}
    paths = sorted(glob.glob(os.path.join(root, "views", "*.xml"))
                   + glob.glob(os.path.join(root, "wizards", "*.xml")))
    for path in paths:
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
                              button.get("states"), button.get("attrs"))
    return found


def clicked_buttons(path):
    """The buttons the browser tests click, from ``tests_browser/buttons.py``."""
    spec = importlib.util.spec_from_file_location("b2b_browser_buttons", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    clicks = {click[2]: click for click in module.CLICKS}
    hidden = dict(module.HIDDEN)
    hidden.update(module.PENDING)  # not clicked yet, each with its reason
    return clicks, dict(module.JOURNEYS), hidden


class TestEveryButtonListed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not os.path.exists(BUTTONS):
            raise unittest.SkipTest("the browser tests are not installed with the addon")
        cls.buttons = view_buttons(ROOT)
        cls.clicks, cls.journeys, cls.hidden = clicked_buttons(BUTTONS)

    def test_every_button_is_clicked(self):
        missing = sorted(
            "%s %s %r (%s, groups=%s, states=%s, attrs=%s)" % ((key[0], key[1], key[2])
                                                               + where)
            for key, where in self.buttons.items()
            if key not in self.clicks and key not in self.journeys
            and key not in self.hidden
        )
        self.assertFalse(
            missing, "buttons no browser test clicks (add them to "
            "tests_browser/buttons.py):\n" + "\n".join(missing))

    def test_every_click_is_a_button(self):
        """A button removed or renamed leaves no click behind."""
        listed = set(self.clicks) | set(self.journeys) | set(self.hidden)
        self.assertFalse(sorted(listed - set(self.buttons), key=str))

    def test_journeys_click_their_buttons(self):
        """A button said clicked by a journey is named in its file."""
        folder = os.path.dirname(BUTTONS)
        for button, (journey, shown) in self.journeys.items():
            with open(os.path.join(folder, journey), encoding="utf-8") as handle:
                clicked = 'button("%s"' % shown in handle.read()
            self.assertTrue(clicked, "%s does not click %s" % (journey, shown))

    def test_hidden_buttons_are_invisible(self):
        """A button said hidden is made invisible by the view named."""
        for (_view, name, _label), hiding in self.hidden.items():
            if " " in hiding:  # not clicked yet: the reason
                continue
            found = False
            for path in glob.glob(os.path.join(ROOT, "views", "*.xml")):
                for record in etree.parse(path).iter("record"):
                    if record.get("id") != hiding:
                        continue
                    found = record.xpath(
                        ".//button[@name=%r][@position='attributes']"
                        "/attribute[@name='invisible'][normalize-space()='1']" % name)
            self.assertTrue(found, "%s does not hide %s" % (hiding, name))

    def test_a_click_outcome_is_known(self):
        kinds = ("state:", "opens:", "confirm:")
        for role, record, button, outcome in self.clicks.values():
            self.assertIn(role, ("thu", "lan", "minh", "hoa"), button)
            self.assertTrue(outcome in ("dialog", "close", "download", "refused", "done")
                            or outcome.startswith(kinds), button)
            if record is None:
                self.assertIn(outcome, ("close", "refused"), button)
