# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An amount of Vietnamese đồng in Vietnamese words, as on a payment request.

1 250 000 reads "Một triệu hai trăm năm mươi nghìn đồng". The rules of the
written language followed here (as on Vietnamese invoices):

- digits: không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín;
- groups of three digits named nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ,
  tỷ tỷ...; a group that is zero is left out (1 000 000: "một triệu");
- in a group: "mười" for ten, "hai mươi" for twenty; after "mươi" a one
  reads "mốt" and a four "tư"; after a ten a five reads "lăm"; a zero ten
  before a unit reads "linh" (105: "một trăm linh năm");
- a group after the first keeps its hundreds even when zero
  (1 005: "một nghìn không trăm linh năm").

The đồng has no subunit: the amount is rounded to a whole đồng (half up).
"""
from decimal import ROUND_HALF_UP, Decimal

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUP_NAMES = ("", "nghìn", "triệu")
BILLION = "tỷ"
CURRENCY = "đồng"
MINUS = "âm"


def _group_words(number, full):
    """Words of a group of three digits (1-999). ``full`` for a group that
    follows another: its zero hundreds and zero tens are read."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 4 and tens >= 2:
            words.append("tư")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _scale_name(index):
    """Name of the ``index``-th group of three digits (0: units)."""
    names = [GROUP_NAMES[index % 3]] if index % 3 else []
    return names + [BILLION] * (index // 3)


def number_to_words(number):
    """A whole number in Vietnamese words, lower case ("một trăm linh năm")."""
    if not isinstance(number, int) or isinstance(number, bool):
        raise TypeError("number must be an int")
    if number < 0:
        return "%s %s" % (MINUS, number_to_words(-number))
    if number == 0:
        return DIGITS[0]
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words = []
    top = len(groups) - 1
    for index in range(top, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _group_words(group, full=index != top)
        words += _scale_name(index)
    return " ".join(words)


def amount_to_words_vi(amount, currency_word=CURRENCY):
    """An amount in Vietnamese words with its currency, capitalised:
    ``amount_to_words_vi(1250000)`` is "Một triệu hai trăm năm mươi nghìn
    đồng". Floats and Decimals are rounded to a whole unit (half up)."""
    if isinstance(amount, bool) or not isinstance(amount, (int, float, Decimal)):
        raise TypeError("amount must be a number")
    whole = int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    text = number_to_words(whole)
    if currency_word:
        text = "%s %s" % (text, currency_word)
    return text[:1].upper() + text[1:]
