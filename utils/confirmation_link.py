# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tokens of the links a customer opens to confirm a scope or a change.

Pure functions: no database, tested on their own.
"""
import hmac
import secrets
from datetime import datetime, timedelta

TOKEN_BYTES = 32
DEFAULT_VALIDITY_DAYS = 30
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def new_token():
    """An unguessable token, safe in a URL (43 characters, 256 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def expiry_after(start, days=DEFAULT_VALIDITY_DAYS):
    """The expiry of a link sent at ``start`` (``datetime`` or Odoo string),
    valid ``days`` days; no expiry (``False``) when days is 0 or less."""
    if not days or days <= 0:
        return False
    if isinstance(start, str):
        start = datetime.strptime(start[:19], DATETIME_FORMAT)
    return (start + timedelta(days=days)).strftime(DATETIME_FORMAT)


def token_is_valid(expected, given, expiry, now):
    """Whether the ``given`` token opens the link whose token is ``expected``.

    ``expiry`` and ``now`` are Odoo datetime strings (or ``False`` for a link
    that never expires). An empty expected token (revoked, never sent) opens
    nothing. The comparison takes the same time whatever the input.
    """
    if not expected or not given or not isinstance(given, str):
        return False
    if not hmac.compare_digest(expected.encode(), given.encode()):
        return False
    return not expiry or now < expiry
