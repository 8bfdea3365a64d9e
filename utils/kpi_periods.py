# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The periods the key indicators are measured over, and the proration of
a target to another period: plain functions on ``datetime.date`` (strings
``YYYY-MM-DD`` are accepted too). A week runs Monday to Sunday, a quarter is
three calendar months; both ends of a period are included."""

from datetime import date, datetime, timedelta

PERIOD_TYPES = [
    ("week", "Week"),
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("year", "Year"),
    ("custom", "Custom"),
]
_SHIFTABLE = ("week", "month", "quarter", "year")


def to_date(value):
    """A ``date`` from a date, a datetime or a ``YYYY-MM-DD`` string; a
    ``ValueError`` for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("Not a date: %r" % (value,))
    return datetime.strptime(value, "%Y-%m-%d").date()


def _first_of_month(day, months):
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_bounds(day, period_type):
    """(first day, last day) of the week, month, quarter or year holding
    ``day``."""
    day = to_date(day)
    if period_type == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if period_type == "month":
        start = day.replace(day=1)
        return start, _first_of_month(start, 1) - timedelta(days=1)
    if period_type == "quarter":
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, _first_of_month(start, 3) - timedelta(days=1)
    if period_type == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError("Unknown period type: %r" % (period_type,))


def period_type_of(date_from, date_to):
    """The type of the period [date_from, date_to]: ``custom`` when it is no
    whole week, month, quarter or year."""
    date_from, date_to = to_date(date_from), to_date(date_to)
    for period_type in _SHIFTABLE:
        if period_bounds(date_from, period_type) == (date_from, date_to):
            return period_type
    return "custom"


def next_period(date_from, date_to):
    """The period just after [date_from, date_to], of the same type; a custom
    period gives the same number of days just after it."""
    date_from, date_to = to_date(date_from), to_date(date_to)
    period_type = period_type_of(date_from, date_to)
    if period_type == "custom":
        return date_to + timedelta(days=1), date_to + (date_to - date_from) + timedelta(
            days=1
        )
    return period_bounds(date_to + timedelta(days=1), period_type)


def previous_period(date_from, date_to):
    """The period just before [date_from, date_to], of the same type; a
    custom period gives the same number of days just before it."""
    date_from, date_to = to_date(date_from), to_date(date_to)
    period_type = period_type_of(date_from, date_to)
    if period_type == "custom":
        end = date_from - timedelta(days=1)
        return end - (date_to - date_from), end
    return period_bounds(date_from - timedelta(days=1), period_type)


def days_in(date_from, date_to):
    """How many days [date_from, date_to] holds (0 if it ends before it
    starts)."""
    return max((to_date(date_to) - to_date(date_from)).days + 1, 0)


def overlap_days(date_from, date_to, other_from, other_to):
    """How many days [date_from, date_to] and [other_from, other_to] share."""
    return days_in(
        max(to_date(date_from), to_date(other_from)),
        min(to_date(date_to), to_date(other_to)),
    )


def prorate(target, target_from, target_to, date_from, date_to):
    """The part of ``target``, set for [target_from, target_to], that falls
    in [date_from, date_to], in proportion to the days they share: a monthly
    target counts fully in its month, a third in ten days of a thirty-day
    month, and twelve monthly targets add up in their year."""
    length = days_in(target_from, target_to)
    if not length:
        return 0.0
    return target * overlap_days(target_from, target_to, date_from, date_to) / length
