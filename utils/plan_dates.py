# Copyright 2026 b2b_sales_delivery contributors
# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer-facing date of the buffered plan, as plain functions.

The rule: the customer date is the internal date plus a buffer,

- ``days``: ``buffer_days`` calendar days;
- ``percent``: ``buffer_percent`` % of the calendar days from the plan start to
  the internal date, rounded up to a whole day;
- ``max``: the larger of both;

and a result on a non-working day moves to the next working day.
Dates are ``datetime.date`` objects here; the ORM converts its strings.
"""
import math
from datetime import date, timedelta
from fractions import Fraction

MONDAY_TO_FRIDAY = (0, 1, 2, 3, 4)
# A calendar without any working day would loop for ever: give up after a year.
MAX_SEARCH_DAYS = 366


def monday_of(day):
    """The Monday of the week of ``day``."""
    return day - timedelta(days=day.weekday())


def percent_buffer_days(internal_date, plan_date_start, percent):
    """``percent`` % of the calendar days from the start to the date, rounded up.

    No start, a start after the date or a zero percent give no buffer.
    """
    if not plan_date_start or not percent or plan_date_start >= internal_date:
        return 0
    span = (internal_date - plan_date_start).days
    # Fraction of the decimal text keeps 20.0 % of 30 days at exactly 6 days.
    return max(0, math.ceil(Fraction(span) * Fraction(str(percent)) / 100))


def buffer_days_for(internal_date, plan_date_start, mode, days, percent):
    """The number of calendar days added to ``internal_date`` before the
    working-day adjustment, for a buffer ``mode`` (days, percent or max)."""
    by_days = max(0, days or 0)
    by_percent = percent_buffer_days(internal_date, plan_date_start, percent)
    if mode == "days":
        return by_days
    if mode == "percent":
        return by_percent
    if mode == "max":
        return max(by_days, by_percent)
    raise ValueError("Unknown buffer mode: %r" % (mode,))


def weekday_checker(weekdays=MONDAY_TO_FRIDAY, days_off=()):
    """A predicate telling whether a date is a working day: its weekday is in
    ``weekdays`` (Monday is 0) and it is not one of ``days_off``."""
    weekdays = frozenset(weekdays)
    days_off = frozenset(days_off)

    def is_working_day(day):
        return day.weekday() in weekdays and day not in days_off

    return is_working_day


def next_working_day(day, is_working_day=None):
    """``day`` itself when it is a working day, else the next working day.

    A calendar without any working day leaves the date as it is.
    """
    is_working_day = is_working_day or weekday_checker()
    candidate = day
    for _step in range(MAX_SEARCH_DAYS):
        if is_working_day(candidate):
            return candidate
        candidate += timedelta(days=1)
    return day


def customer_date(
    internal_date,
    plan_date_start=None,
    mode="max",
    days=14,
    percent=20.0,
    is_working_day=None,
):
    """The customer-facing date of an internal date (``None`` stays ``None``)."""
    if not internal_date:
        return None
    if not isinstance(internal_date, date):
        raise TypeError("internal_date must be a date")
    buffered = internal_date + timedelta(
        days=buffer_days_for(internal_date, plan_date_start, mode, days, percent)
    )
    return next_working_day(buffered, is_working_day)


def internal_date(
    agreed_date,
    plan_date_start=None,
    mode="max",
    days=14,
    percent=20.0,
    is_working_day=None,
):
    """The internal date of a date the customer agreed to (``None`` stays
    ``None``): the inverse of :func:`customer_date`.

    It is the latest working day whose customer date is not later than the
    agreed date, so the plan shown to the customer never promises later than
    what the customer agreed. ``customer_date`` is monotonic in the internal
    date, so walking back from the agreed date finds it. A calendar without
    any working day, or no such day within the search, falls back to the
    agreed date minus the buffer in days.
    """
    if not agreed_date:
        return None
    if not isinstance(agreed_date, date):
        raise TypeError("agreed_date must be a date")
    is_working_day = is_working_day or weekday_checker()
    candidate = agreed_date
    # A 100 % buffer halves the span: walk back as far as the span is long.
    span = (agreed_date - plan_date_start).days if plan_date_start else 0
    for _step in range(max(span, 0) + (days or 0) + MAX_SEARCH_DAYS):
        if is_working_day(candidate) and customer_date(
            candidate, plan_date_start, mode, days, percent, is_working_day
        ) <= agreed_date:
            return candidate
        candidate -= timedelta(days=1)
    return agreed_date - timedelta(days=max(0, days or 0))
