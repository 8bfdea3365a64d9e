# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Money rules of the payment plan, free of any database.

Amounts are :class:`decimal.Decimal` quantized to the currency's number of
decimal places, so that a split adds up to the last unit of the currency
(0.01 for USD or EUR, 1 for VND).
"""

from decimal import ROUND_HALF_UP, Decimal


def unit(decimal_places):
    """The smallest amount of a currency with ``decimal_places``."""
    return Decimal(1).scaleb(-int(decimal_places))


def to_decimal(value, decimal_places):
    """``value`` (float, int, str or Decimal) rounded half-up to the unit."""
    if not isinstance(value, Decimal):
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value.quantize(unit(decimal_places), rounding=ROUND_HALF_UP)


def split_amount(total, shares, decimal_places=2, frozen=None):
    """Split ``total`` into installments; return their amounts as Decimals.

    ``shares`` lists ``(percent, amount)`` in installment order: a line with a
    percent takes that part of the total, one without keeps its amount. Each
    amount is rounded to the currency's unit. When the percents and amounts
    cover the total give or take the rounding, the remainder goes to the last
    line with a percent that is not ``frozen`` (a list of booleans: an
    invoiced installment keeps its amount, whatever its percent), so that the installments add up
    to the total exactly. A plan that does not cover the total is returned as
    it is.
    """
    total = to_decimal(total, decimal_places)
    frozen = list(frozen or [False] * len(shares))
    amounts = []
    for (percent, amount), is_frozen in zip(shares, frozen):
        if percent and not is_frozen:
            value = total * to_decimal(percent, 6) / Decimal(100)
        else:
            value = amount or 0
        amounts.append(to_decimal(value, decimal_places))
    open_indexes = [
        index
        for index, (percent, _amount) in enumerate(shares)
        if percent and not frozen[index]
    ]
    remainder = total - sum(amounts, Decimal(0))
    # Rounding each line loses at most half a unit.
    tolerance = unit(decimal_places) * len(amounts) / 2
    if open_indexes and remainder and abs(remainder) <= tolerance:
        amounts[open_indexes[-1]] += remainder
    return amounts


def adds_up(total, amounts, decimal_places=2):
    """Whether ``amounts`` add up to ``total`` to the currency's unit."""
    return sum(
        (to_decimal(amount, decimal_places) for amount in amounts), Decimal(0)
    ) == to_decimal(total, decimal_places)


# The ageing buckets of an amount due, each up to its last day overdue (the
# last one has no end): for the receivables report and any Python reading it.
# An invoice is settled in these payment states (paid, or cancelled by its
# credit note).
SETTLED_PAYMENT_STATES = ("paid", "in_payment", "reversed")
AGEING_LIMITS = (
    (0, "not_due"),
    (30, "1_30"),
    (60, "31_60"),
    (90, "61_90"),
    (None, "over_90"),
)
AGEING_BUCKETS = tuple(bucket for _limit, bucket in AGEING_LIMITS)


def ageing_bucket(date_due, today):
    """The ageing bucket of an amount due on ``date_due`` seen on ``today``
    (both :class:`datetime.date`): ``not_due`` up to the due date included,
    then ``1_30``, ``31_60``, ``61_90`` and ``over_90`` days overdue."""
    days = (today - date_due).days
    for limit, bucket in AGEING_LIMITS[:-1]:
        if days <= limit:
            return bucket
    return AGEING_BUCKETS[-1]


def ageing_sql(days_overdue):
    """The same buckets as :func:`ageing_bucket`, as an SQL ``CASE`` on the
    SQL expression ``days_overdue`` (an integer)."""
    whens = " ".join(
        "WHEN %s <= %d THEN '%s'" % (days_overdue, limit, bucket)
        for limit, bucket in AGEING_LIMITS
        if limit is not None
    )
    return "CASE %s ELSE '%s' END" % (whens, AGEING_BUCKETS[-1])
