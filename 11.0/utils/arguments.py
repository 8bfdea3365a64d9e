# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The arguments a caller gives to a public method, checked: a clear
``UserError`` naming the argument instead of a traceback.

``self`` is the records the method runs on: its language translates the
message.
"""
from datetime import date, datetime, time

from odoo import _, fields
from odoo.exceptions import UserError

MAX_TEXT_LENGTH = 4000


def check_date_argument(self, value, label):
    """A date given to a public method, as ``YYYY-MM-DD``; a UserError
    naming ``label`` when it is no date."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    else:
        try:
            day = fields.Date.from_string(value) if isinstance(value, str) else None
        except (TypeError, ValueError, OverflowError):
            day = None
    if day is None or not 1900 <= day.year <= 9999:
        raise UserError(_("%s must be a date (YYYY-MM-DD).") % label)
    return fields.Date.to_string(day)


def check_datetime_argument(self, value, label):
    """A date and time given to a public method, as ``YYYY-MM-DD HH:MM:SS``
    (UTC; a date alone is its midnight); a UserError naming ``label`` when
    it is no date and time."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    else:
        try:
            moment = (
                fields.Datetime.from_string(value) if isinstance(value, str) else None
            )
        except (TypeError, ValueError, OverflowError):
            moment = None
    if moment is None or not 1900 <= moment.year <= 9999:
        raise UserError(
            _("%s must be a date and time (YYYY-MM-DD HH:MM:SS).") % label
        )
    return fields.Datetime.to_string(moment)


def check_integer_argument(self, value, label, low, high):
    """A whole number given to a public method, within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int) or not (
        low <= value <= high
    ):
        raise UserError(
            _("%(what)s must be a whole number from %(low)s to %(high)s.")
            % {"what": label, "low": low, "high": high}
        )
    return value


def check_text_argument(self, value, label, limit=MAX_TEXT_LENGTH):
    """A text given to a public method (stripped), at most ``limit`` long."""
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise UserError(
            _("%(what)s must be a text of at most %(max)s characters.")
            % {"what": label, "max": limit}
        )
    return value.strip()
