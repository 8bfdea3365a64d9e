# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The confirmation links' tokens: pure functions, no database."""
import unittest
from datetime import datetime

from ..utils.confirmation_link import expiry_after, new_token, token_is_valid


class TestConfirmationLink(unittest.TestCase):
    def test_tokens_are_long_url_safe_and_unique(self):
        tokens = {new_token() for _i in range(100)}
        self.assertEqual(len(tokens), 100)
        for token in tokens:
            self.assertGreaterEqual(len(token), 43)
            self.assertRegex(token, r"^[A-Za-z0-9_-]+$")

    def test_expiry_after_days(self):
        self.assertEqual(expiry_after("2026-02-27 10:00:00", 30), "2026-03-29 10:00:00")
        self.assertEqual(
            expiry_after(datetime(2026, 12, 31, 23, 59, 59), 1), "2027-01-01 23:59:59"
        )
        self.assertFalse(expiry_after("2026-02-27 10:00:00", 0))

    def test_token_validity(self):
        now = "2026-03-01 12:00:00"
        self.assertTrue(token_is_valid("abc", "abc", "2026-03-01 12:00:01", now))
        self.assertTrue(token_is_valid("abc", "abc", False, now))
        self.assertFalse(token_is_valid("abc", "abc", "2026-03-01 12:00:00", now))
        self.assertFalse(token_is_valid("abc", "abd", False, now))
        self.assertFalse(token_is_valid("abc", "", False, now))
        self.assertFalse(token_is_valid(False, "abc", False, now))
        self.assertFalse(token_is_valid("", "", False, now))
        self.assertFalse(token_is_valid("abc", None, False, now))
