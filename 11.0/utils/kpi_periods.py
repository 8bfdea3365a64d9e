# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Boundaries of the periods the key indicators are measured over.

Plain functions on ``datetime.date`` (strings ``YYYY-MM-DD`` are accepted
too): a week runs Monday to Sunday, a quarter is three calendar months.
"""
from datetime import date, datetime, timedelta

PERIOD_TYPES = [
    ("week", "Week"),
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("year", "Year"),
    ("custom", "Custom"),
]


def to_date(value):
    """A ``date`` from a date, a datetime or a ``YYYY-MM-DD`` string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.strptime(value[:10], "%Y-%m-%d").date()


def _add_months(day, months):
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_bounds(day, period_type):
    """(first day, last day) of the week/month/quarter/year holding ``day``."""
    day = to_date(day)
    if period_type == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if period_type == "month":
        start = day.replace(day=1)
        return start, _add_months(start, 1) - timedelta(days=1)
    if period_type == "quarter":
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, _add_months(start, 3) - timedelta(days=1)
    if period_type == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError("Unknown period type: %r" % (period_type,))


def period_type_of(date_from, date_to):
    """The type of the period [date_from, date_to]: 'custom' if it is none."""
    date_from, date_to = to_date(date_from), to_date(date_to)
    for period_type in ("week", "month", "quarter", "year"):
        if period_bounds(date_from, period_type) == (date_from, date_to):
            return period_type
    return "custom"


def previous_period(date_from, date_to):
    """The period just before [date_from, date_to], of the same type.

    A custom period gives the same number of days just before it.
    """
    date_from, date_to = to_date(date_from), to_date(date_to)
    period_type = period_type_of(date_from, date_to)
    if period_type == "custom":
        length = date_to - date_from
        end = date_from - timedelta(days=1)
        return end - length, end
    return period_bounds(date_from - timedelta(days=1), period_type)


def overlap_days(date_from, date_to, other_from, other_to):
    """How many days [date_from, date_to] and [other_from, other_to] share."""
    start = max(to_date(date_from), to_date(other_from))
    end = min(to_date(date_to), to_date(other_to))
    return max((end - start).days + 1, 0)
