# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one pass of the addon's own steps past the rules that guard their
facts (a forced stage, a phase's state, a touchpoint's server-set facts).

A step runs with its context key set to a private object that no RPC call
can carry: a caller sending the key sends a string, a number or a boolean,
never this object, so no value a caller sends switches a rule off.
"""

_PASS = object()


def with_step(records, key):
    """``records`` inside the step named by the context key ``key``."""
    return records.with_context(**{key: _PASS})


def in_step(records, key):
    """Whether ``records`` are inside the step named by ``key``."""
    return records.env.context.get(key) is _PASS
