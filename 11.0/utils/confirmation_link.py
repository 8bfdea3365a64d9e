# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tokens of the links a customer opens to answer a document (scope, change
request, acceptance minutes, payment plan), and what the customer sends back.

Pure functions: no database, tested on their own.
"""
import base64
import binascii
import hmac
import secrets
from datetime import datetime, timedelta

TOKEN_BYTES = 32
# A token is 43 characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 128
DEFAULT_VALIDITY_DAYS = 30
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
# Ids PostgreSQL can hold (a larger number in a URL is no document).
MAX_RECORD_ID = 2 ** 31 - 1
# What a customer types: a name, a reason.
MAX_NAME_LENGTH = 128
MAX_TEXT_LENGTH = 4000
# A drawn signature: a PNG or a JPEG, decoded, at most this many bytes.
MAX_SIGNATURE_BYTES = 512 * 1024
SIGNATURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


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
    that never expires). An empty expected token (revoked, used, never sent)
    opens nothing. The comparison takes the same time whatever the input.
    """
    if not expected or not given or not isinstance(given, str):
        return False
    if len(given) > MAX_TOKEN_LENGTH:
        return False
    if not hmac.compare_digest(expected.encode(), given.encode()):
        return False
    return not expiry or now < expiry


def record_id_of(value):
    """The id of a document named in a link or a form, or ``None`` when the
    value is no id (not a positive integer PostgreSQL can hold)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            return None
    try:
        value = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return value if 0 < value <= MAX_RECORD_ID else None


def clean_text(value, limit=MAX_NAME_LENGTH):
    """What a customer typed, stripped, or ``None`` when it is no text or
    longer than ``limit`` characters (the caller says which)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > limit or "\x00" in value:
        return None
    return value


def base64_bytes(value, limit):
    """The bytes of a base64 file (a ``data:`` URL too), or ``None`` when it
    is no base64 text, is empty or holds more than ``limit`` bytes."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str) or not value:
        return None
    if len(value) > (limit * 4) // 3 + 4:
        return None
    if value.startswith("data:") and "," in value:
        value = value.split(",", 1)[1]
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    if not data or len(data) > limit:
        return None
    return data


def signature_bytes(value):
    """The image of a base64 signature, or ``None`` when it is not a PNG or
    a JPEG (by its first bytes) of at most MAX_SIGNATURE_BYTES."""
    image = base64_bytes(value, MAX_SIGNATURE_BYTES)
    if image is None or not image.startswith(SIGNATURE_MAGIC):
        return None
    return image
