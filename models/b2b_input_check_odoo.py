# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input in the addon's fields on Odoo's models gets a clear error.

The fields the addon adds to Odoo's models (the task's customer deadline,
the call's outcome on an activity, the order's installments and contract,
the meeting's touchpoints, the opportunity's data source...) and the
minutes' signed copy are checked on create and write: a value Odoo's ORM
cannot convert (an impossible date, an unknown choice, a bad command, a
record id that is no id or does not exist, a file that is no base64) is
refused with a ValidationError naming the field, never a PostgreSQL error
or a Python traceback. Odoo's own fields are left to Odoo.

Imported last (models/__init__.py): the classes of the addon imported
before tell which of Odoo's models it extends.
"""

import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.orm.models import MetaModel

ADDON = "b2b_sales_delivery"
INT_MAX = 2**31 - 1
# The addon's own models whose files are checked (their other fields are the
# addon's steps' business).
CHECKED_FILES = ("b2b.acceptance",)
COMMAND_IDS = {int(command) for command in Command}


def _extended_models():
    """Odoo's stored models the addon's classes extend."""
    names = set()
    for cls in MetaModel._module_to_models__.get(ADDON, []):
        inherit = cls._inherit
        if isinstance(inherit, (list, tuple)):
            inherit = inherit[0] if inherit else None
        name = cls._name or inherit
        if not isinstance(name, str) or name.startswith("b2b."):
            continue
        if cls._abstract or cls._transient or not cls._auto:
            continue
        names.add(name)
    return sorted(names)


def _is_id(value):
    return type(value) is int and 0 < value <= INT_MAX


def _is_command(command):
    if _is_id(command):
        return True
    if not isinstance(command, (list, tuple)) or not command:
        return False
    code = command[0]
    if not isinstance(code, int) or isinstance(code, bool) or code not in COMMAND_IDS:
        return False
    if code == Command.CLEAR:
        return True
    if len(command) < 2:
        return False
    if code == Command.CREATE:
        return len(command) > 2 and isinstance(command[2], dict)
    if code == Command.UPDATE:
        return _is_id(command[1]) and len(command) > 2 and isinstance(command[2], dict)
    if code == Command.SET:
        ids = command[2] if len(command) > 2 else None
        if isinstance(ids, models.BaseModel):
            return True
        return isinstance(ids, (list, tuple)) and all(_is_id(it) for it in ids)
    return _is_id(command[1])


def _problem(model, field, value):
    """What is wrong with ``value`` for ``field``, or None."""
    _ = model.env._
    kind = field.type
    if value is False or value is None:
        return None
    if kind in ("date", "datetime"):
        convert = fields.Date.to_date if kind == "date" else fields.Datetime.to_datetime
        try:
            convert(value)
        except (ValueError, TypeError, OverflowError):
            return (_("a date (YYYY-MM-DD) is expected.") if kind == "date"
                    else _("a date and time (YYYY-MM-DD HH:MM:SS) is expected."))
        return None
    if kind == "selection":
        if value not in field.get_values(model.env):
            return _("the value is not one of the choices.")
        return None
    if kind == "many2one":
        if isinstance(value, models.BaseModel):
            ok = value._name == field.comodel_name and len(value) <= 1
        else:
            ok = _is_id(value) and model.env[field.comodel_name].sudo().browse(value).exists()
        return None if ok else _("a record that exists is expected.")
    if kind in ("one2many", "many2many"):
        if isinstance(value, models.BaseModel):
            ok = value._name == field.comodel_name
        else:
            ok = isinstance(value, (list, tuple)) and all(_is_command(it) for it in value)
        return None if ok else _("a list of commands on the records is expected.")
    if kind == "integer":
        ok = isinstance(value, (int, float)) and -INT_MAX - 1 <= value <= INT_MAX
        return None if ok else _("a whole number is expected.")
    if kind == "binary":
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError, TypeError):
            return _("a file (base64 text) is expected.")
    return None


class B2bInputCheckOdoo(models.AbstractModel):
    _name = "b2b.input.check.odoo"
    _description = "Check of the addon's fields on Odoo's models"

    def _b2b_checked_fields(self, vals):
        only_files = self._name in CHECKED_FILES
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or field._module != ADDON:
                continue
            if only_files and field.type != "binary":
                continue
            yield field, value

    def _b2b_check_input(self, vals):
        if not isinstance(vals, dict):
            return
        for field, value in self._b2b_checked_fields(vals):
            problem = _problem(self, field, value)
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(field)s (%(model)s): %(problem)s",
                        field=field._description_string(self.env),
                        model=self._description,
                        problem=problem,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._b2b_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._b2b_check_input(vals)
        return super().write(vals)


CHECKED_ODOO_MODELS = _extended_models()


def _checked(model_name):
    return MetaModel(
        "B2bInputCheck_" + model_name.replace(".", "_"),
        (models.Model,),
        {
            "_name": model_name,
            "_inherit": [model_name, "b2b.input.check.odoo"],
            "__module__": __name__,
        },
    )


for _model_name in CHECKED_ODOO_MODELS + list(CHECKED_FILES):
    _checked(_model_name)
