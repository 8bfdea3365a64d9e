# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Amounts of đồng in Vietnamese words, without a database."""
import unittest
from decimal import Decimal

from ..utils.amount_words import amount_to_words_vi, number_to_words


class TestAmountWords(unittest.TestCase):
    def test_example_of_the_payment_request(self):
        self.assertEqual(
            amount_to_words_vi(1250000), "Một triệu hai trăm năm mươi nghìn đồng"
        )

    def test_small_numbers(self):
        cases = {
            0: "không", 1: "một", 5: "năm", 10: "mười", 11: "mười một",
            14: "mười bốn", 15: "mười lăm", 20: "hai mươi", 21: "hai mươi mốt",
            24: "hai mươi tư", 25: "hai mươi lăm", 55: "năm mươi lăm",
            100: "một trăm", 101: "một trăm linh một",
            105: "một trăm linh năm", 110: "một trăm mười",
            111: "một trăm mười một", 115: "một trăm mười lăm",
            999: "chín trăm chín mươi chín",
        }
        for number, words in cases.items():
            self.assertEqual(number_to_words(number), words, number)

    def test_zero_groups_are_left_out(self):
        self.assertEqual(number_to_words(1000000), "một triệu")
        self.assertEqual(number_to_words(2000000000), "hai tỷ")
        self.assertEqual(number_to_words(1000000000000), "một nghìn tỷ")

    def test_groups_after_the_first_read_their_zero_hundreds(self):
        self.assertEqual(number_to_words(1005), "một nghìn không trăm linh năm")
        self.assertEqual(number_to_words(1020), "một nghìn không trăm hai mươi")
        self.assertEqual(
            number_to_words(1005000), "một triệu không trăm linh năm nghìn"
        )
        self.assertEqual(
            number_to_words(1000000005), "một tỷ không trăm linh năm"
        )

    def test_large_amount_with_every_group(self):
        self.assertEqual(
            amount_to_words_vi(123456789012),
            "Một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám "
            "mươi chín nghìn không trăm mười hai đồng",
        )

    def test_rounded_to_a_whole_dong_half_up(self):
        self.assertEqual(amount_to_words_vi(99.5), "Một trăm đồng")
        self.assertEqual(amount_to_words_vi(Decimal("10.49")), "Mười đồng")
        self.assertEqual(amount_to_words_vi(0.0), "Không đồng")

    def test_negative_and_currency_word(self):
        self.assertEqual(amount_to_words_vi(-15), "Âm mười lăm đồng")
        self.assertEqual(amount_to_words_vi(21, currency_word=""), "Hai mươi mốt")

    def test_refuses_what_is_not_a_number(self):
        for value in ("100", None, True):
            with self.assertRaises(TypeError):
                amount_to_words_vi(value)
        with self.assertRaises(TypeError):
            number_to_words(1.5)
