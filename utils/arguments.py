# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The arguments a caller gives to a public method, checked: a clear,
translated ``UserError`` naming the argument instead of a traceback."""

from odoo import fields
from odoo.exceptions import UserError

from .kpi_periods import to_date


def date_argument(records, value, label):
    """``value`` (a date, a datetime or ``YYYY-MM-DD``) as a date; a
    ``UserError`` naming ``label`` for anything else."""
    try:
        return to_date(value)
    except (TypeError, ValueError, OverflowError):
        raise UserError(
            records.env._(
                "%(label)s must be a date written YYYY-MM-DD, not %(value)s.",
                label=label,
                value=repr(value),
            )
        ) from None


def past_date_argument(records, value, label, future_message):
    """The day of a step that happened (a signature, a liquidation):
    ``value`` checked as ``date_argument`` does, today when not given, and
    refused with ``future_message`` when after today."""
    today = fields.Date.context_today(records)
    if not value:
        return today
    day = date_argument(records, value, label)
    if day > today:
        raise UserError(future_message)
    return day


def reason_argument(reason, missing_message):
    """The reason a caller gives for a waiver or an unlock, stripped; a
    ``UserError`` saying ``missing_message`` when there is none (empty, blank
    or not a text)."""
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        raise UserError(missing_message)
    return reason


# The largest id PostgreSQL's integer columns hold.
MAX_RECORD_ID = 2**31 - 1


def id_argument(records, value, label):
    """``value`` (a whole number or its digits) as a record id, 0 when not
    given; a ``UserError`` naming ``label`` for anything else."""
    if value is None or value is False or value == "":
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_RECORD_ID:
        raise UserError(
            records.env._(
                "%(label)s must be the id of a record, not %(value)s.",
                label=label,
                value=repr(value)[:50],
            )
        )
    return value
