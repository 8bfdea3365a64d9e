# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Money and ageing rules of the payment plan, free of any database.

Amounts are handled as :class:`decimal.Decimal` quantized to the currency's
number of decimal places, so that a split adds up to the last unit of the
currency (0.01 for USD or EUR, 1 for VND).
"""
from decimal import ROUND_HALF_UP, Decimal

# The ageing buckets of an amount due, each up to its last day overdue (the
# last one has no end): for the receivables report and any Python reading it.
AGEING_LIMITS = (
    (0, "not_due"), (30, "1_30"), (60, "31_60"), (90, "61_90"), (None, "over_90"),
)
AGEING_BUCKETS = tuple(bucket for _limit, bucket in AGEING_LIMITS)


def _unit(decimal_places):
    return Decimal(1).scaleb(-int(decimal_places))


def to_decimal(value, decimal_places):
    """``value`` (float, int, str or Decimal) rounded half-up to the unit."""
    if not isinstance(value, Decimal):
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value.quantize(_unit(decimal_places), rounding=ROUND_HALF_UP)


def split_amount(total, shares, decimal_places=2, frozen=None, slack=0):
    """Split ``total`` into installments; return the amounts as Decimals.

    ``shares`` is a list of ``(kind, value)`` in installment order, where kind
    is ``"percent"`` (value: a percentage of the total) or ``"fixed"`` (value:
    an amount). Each amount is rounded to the currency's unit. When the shares
    cover the whole total (the percentages and fixed amounts add up to it,
    give or take the rounding), the rounding remainder goes to the last line
    not ``frozen`` (a list of booleans: an invoiced installment keeps its
    amount), so the installments add up to the total exactly. ``slack`` (an
    amount) widens what counts as rounding, for the frozen amounts' own
    rounding. A plan that does not cover the total is returned as it is.
    """
    total = to_decimal(total, decimal_places)
    amounts = []
    for kind, value in shares:
        if kind == "percent":
            amount = total * to_decimal(value or 0, 6) / Decimal(100)
        else:
            amount = Decimal(repr(float(value or 0)))
        amounts.append(to_decimal(amount, decimal_places))
    frozen = list(frozen or [False] * len(amounts))
    open_indexes = [i for i, is_frozen in enumerate(frozen) if not is_frozen]
    if open_indexes:
        remainder = total - sum(amounts)
        # Rounding each line loses at most half a unit per line.
        tolerance = _unit(decimal_places) * len(amounts) / 2 + to_decimal(
            abs(slack), decimal_places
        )
        if remainder and abs(remainder) <= tolerance:
            amounts[open_indexes[-1]] += remainder
    return amounts


def split_by_bases(amount, total, bases, decimal_places=2):
    """Share ``amount`` (a part of ``total``) in proportion to ``bases``.

    Returns one Decimal per base: ``amount * base / total`` rounded to the
    currency's unit. Used to spread a tax-included installment over the
    untaxed amounts of each set of taxes of the order; the taxes are computed
    on each share afterwards, and the order's final invoice takes whatever
    the rounding left over.
    """
    amount = to_decimal(amount, decimal_places)
    total = to_decimal(total, decimal_places)
    if not total:
        return [to_decimal(0, decimal_places) for _base in bases]
    return [
        to_decimal(amount * to_decimal(base, decimal_places) / total, decimal_places)
        for base in bases
    ]


def ageing_bucket(date_due, today):
    """The ageing bucket of an amount due on ``date_due`` seen on ``today``.

    Both are :class:`datetime.date`. Returns one of :data:`AGEING_BUCKETS`:
    ``not_due`` up to the due date included, then ``1_30``, ``31_60``,
    ``61_90`` and ``over_90`` days overdue.
    """
    days = (today - date_due).days
    for limit, bucket in AGEING_LIMITS[:-1]:
        if days <= limit:
            return bucket
    return AGEING_BUCKETS[-1]


def ageing_ranges():
    """``[(bucket, first day, last day)]`` overdue of each bucket (None: open)."""
    ranges, first = [], None
    for limit, bucket in AGEING_LIMITS:
        ranges.append((bucket, first, limit))
        first = limit + 1 if limit is not None else None
    return ranges


def ageing_sql(days_overdue):
    """The same buckets as :func:`ageing_bucket`, as an SQL ``CASE`` on the
    SQL expression ``days_overdue`` (an integer)."""
    whens = " ".join(
        "WHEN %s <= %d THEN '%s'" % (days_overdue, limit, bucket)
        for limit, bucket in AGEING_LIMITS if limit is not None
    )
    return "CASE %s ELSE '%s' END" % (whens, AGEING_BUCKETS[-1])


def ageing_range_sql(days_overdue, first, last):
    """The SQL condition "``days_overdue`` is within [first, last]"."""
    conditions = ["%s >= %d" % (days_overdue, first)] if first is not None else []
    if last is not None:
        conditions.append("%s <= %d" % (days_overdue, last))
    return " AND ".join(conditions) or "TRUE"


def due_reminder_levels(date_due, today, level_days, done_days=()):
    """Reminder levels reached on ``today`` and not yet done.

    ``level_days`` are the days relative to the due date (negative: before it,
    e.g. -3; positive: overdue, e.g. 1, 7, 30). Returns the reached levels'
    days not in ``done_days``, sorted; the caller mails the last (the most
    urgent) and records the others as passed.
    """
    days = (today - date_due).days
    return sorted(d for d in set(level_days) if d <= days and d not in done_days)
