# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input in the addon's fields on Odoo's models gets a clear error.

The fields the addon adds to Odoo's models (the task's customer deadline,
the call's outcome on an activity, the invoice's installments, the
meeting's touchpoints...) are checked as the addon's own models check theirs
(``b2b_input_check``): a wrong type, an impossible date, an unknown choice,
a bad command or a record that does not exist is refused with a
``ValidationError`` naming the field, never a PostgreSQL error or a Python
traceback. Odoo's own fields are left to Odoo.

Imported last (models/__init__.py): the check runs before the addon's
overrides of ``create`` and ``write`` loaded before it.
"""
from odoo.models import MetaModel

from .b2b_input_check import _checked

ADDON = "b2b_sales_delivery"


def _extended_models():
    """Odoo's stored models the addon's classes extend (the addon's own
    ``b2b.*`` models are checked by ``b2b_input_check``)."""
    names = set()
    for cls in MetaModel.module_to_models.get(ADDON, []):
        inherit = cls._inherit
        if isinstance(inherit, (list, tuple)):
            inherit = inherit[0] if len(inherit) == 1 else None
        name = cls._name or inherit
        if not isinstance(name, str) or name.startswith("b2b."):
            continue
        if cls._abstract or cls._transient or not cls._auto:
            continue
        names.add(name)
    return sorted(names)


def addon_values(model, vals):
    """The part of ``vals`` that goes to the addon's fields of ``model``."""
    if not isinstance(vals, dict):
        return vals  # refused by check_input_values
    return {
        name: value for name, value in vals.items()
        if name in model._fields and model._fields[name]._module == ADDON
    }


CHECKED_ODOO_MODELS = _extended_models()

for _model_name in CHECKED_ODOO_MODELS:
    _checked(_model_name, addon_values, __name__)
