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


class StepFacts:
    """The facts that only one step writes: the ``fields`` of a model,
    written inside the step named by the context key ``key`` (see
    ``b2b.step.mixin``); ``refusal`` names the model's method that says so to
    whoever tries another road.

    A new record may give a fact its ``initial`` value (a state) or nothing;
    writing a selection again with the value every record already has (a form
    or an import saving every field) changes nothing and passes.
    """

    __slots__ = ("key", "fields", "refusal", "initial")

    def __init__(self, key, fields, refusal, initial=None):
        self.key = key
        self.fields = frozenset(fields)
        self.refusal = refusal
        self.initial = dict(initial or {})

    def set_on_create(self, vals):
        """Whether the values of a new record set one of the facts."""
        return any(
            vals[name] and vals[name] != self.initial.get(name)
            for name in self.fields.intersection(vals)
        )

    def changed_by(self, records, vals):
        """Whether writing ``vals`` on ``records`` changes one of the facts."""
        for name in self.fields.intersection(vals):
            if records._fields[name].type == "selection" and all(
                record[name] == vals[name] for record in records
            ):
                continue
            return True
        return False
