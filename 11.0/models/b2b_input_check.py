# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input gets a clear error before anything is written.

Every model of the addon checks the values given to ``create`` and ``write``
(over RPC, an import or code) against its fields before its own rules run:
a wrong type, a number out of range, an overlong text, an impossible date, an
unknown choice or a record that does not exist is refused with a
``ValidationError`` naming the field, never a database error or a traceback.
"""
import base64
import binascii
import math
import re
from datetime import date, datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.models import MetaModel

# The addon's stored models (SQL views and wizards excepted): those defined
# in the files loaded before this one (models/__init__.py imports it last).
CHECKED_MODELS = sorted({
    cls._name for cls in MetaModel.module_to_models.get("b2b_sales_delivery", [])
    if isinstance(cls._name, str) and cls._name.startswith("b2b.")
    and cls._auto and not cls._abstract and not cls._transient
})
MAX_INTEGER = 2 ** 31 - 1
MAX_AMOUNT = 10 ** 15
MAX_CHAR_LENGTH = 1024
MAX_TEXT_LENGTH = 100000
X2MANY_COMMANDS = (0, 1, 2, 3, 4, 5, 6)


def check_input_values(self, vals):
    """Refuse ``vals`` (a dict of field values) naming the first field
    whose value cannot be stored; return True."""
    if not isinstance(vals, dict):
        raise ValidationError(_("The values must be given as a dictionary."))
    for name, value in vals.items():
        field = self._fields.get(name)
        if field is None or value is None or value is False:
            continue
        problem = _input_problem(self, field, value)
        if problem:
            raise ValidationError(
                _("%(field)s (%(model)s): %(problem)s") % {
                    "field": field.string or name,
                    "model": self._description,
                    "problem": problem,
                }
            )
    return True


def _input_problem(self, field, value):
    """What is wrong with ``value`` for ``field``, or None."""
    check = INPUT_CHECKS.get(field.type)
    return check(self, field, value) if check else None


def _integer_problem(self, field, value):
    if isinstance(value, bool) or not isinstance(value, int):
        return _("a whole number is expected.")
    if abs(value) > MAX_INTEGER:
        return _("the number is too large.")
    return None


def _number_problem(self, field, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _("a number is expected.")
    if math.isnan(value) or math.isinf(value) or abs(value) > MAX_AMOUNT:
        return _("the number is too large or not a number.")
    return None


def _text_problem(self, field, value):
    if not isinstance(value, str):
        return _("a text is expected.")
    limit = getattr(field, "size", None) or (
        MAX_CHAR_LENGTH if field.type == "char" else MAX_TEXT_LENGTH
    )
    if len(value) > limit:
        return _("the text is longer than %s characters.") % limit
    if "\x00" in value:
        return _("the text holds a null character.")
    return None


def _binary_problem(self, field, value):
    if isinstance(value, str):
        value = value.encode("ascii", "replace")
    if not isinstance(value, bytes):
        return _("a file (base64 text) is expected.")
    try:
        # Odoo's own encoders may cut base64 in lines.
        base64.b64decode(re.sub(rb"\s+", b"", value), validate=True)
    except (binascii.Error, ValueError):
        return _("a file (base64 text) is expected.")
    return None


def _date_problem(self, field, value):
    if isinstance(value, (date, datetime)):
        return None
    try:
        if field.type == "date":
            moment = fields.Date.from_string(value)
        else:
            moment = fields.Datetime.from_string(value)
    except (TypeError, ValueError, OverflowError, AttributeError):
        moment = None
    if moment is None:
        if field.type == "date":
            return _("a date (YYYY-MM-DD) is expected.")
        return _("a date and time (YYYY-MM-DD HH:MM:SS) is expected.")
    if not 1900 <= moment.year <= 9999:
        return _("the year must be between 1900 and 9999.")
    return None


def _selection_problem(self, field, value):
    if not isinstance(value, str):
        return _("one of the choices is expected.")
    selection = field.selection
    if callable(selection) or isinstance(selection, str):
        return None  # computed choices: checked by the self
    if value not in dict(selection):
        return _("%s is not one of the choices.") % value[:64]
    return None


def _record_id_problem(self, comodel, value):
    if isinstance(value, models.BaseModel):
        value = value.id if len(value) == 1 else None
    if isinstance(value, bool) or not isinstance(value, int):
        return _("a record id is expected.")
    if not 0 < value <= MAX_INTEGER:
        return _("%s is not a record id.") % value
    if not self.env[comodel].sudo().browse(value).exists():
        return _("the record %s does not exist.") % value
    return None


def _record_problem(self, field, value):
    return _record_id_problem(self, field.comodel_name, value)


def _commands_problem(self, field, value):
    if not isinstance(value, (list, tuple)):
        return _("a list of commands is expected.")
    for command in value:
        if not isinstance(command, (list, tuple)) or not command or (
            command[0] not in X2MANY_COMMANDS or isinstance(command[0], bool)
        ):
            return _("a list of commands is expected.")
        code = command[0]
        if code in (0, 1) and (len(command) < 3 or not isinstance(command[2], dict)):
            return _("a list of commands is expected.")
        if code in (1, 2, 3, 4):
            if len(command) < 2:
                return _("a list of commands is expected.")
            problem = _record_id_problem(self, field.comodel_name, command[1])
            if problem:
                return problem
        if code == 6:
            ids = command[2] if len(command) > 2 else None
            if not isinstance(ids, (list, tuple)):
                return _("a list of commands is expected.")
            for record_id in ids:
                problem = _record_id_problem(self, field.comodel_name, record_id)
                if problem:
                    return problem
    return None


def _checked(model_name, checked_values=None, module=__name__):
    """The last extension of ``model_name`` (defined in ``module``): its
    values are checked before any override of create or write sees them;
    ``checked_values(self, vals)``: the part of them to check (all)."""

    def check(self, vals):
        check_input_values(self, checked_values(self, vals) if checked_values else vals)

    @api.model
    def create(self, vals):
        check(self, vals)
        return super(cls, self).create(vals)

    @api.multi
    def write(self, vals):
        check(self, vals)
        return super(cls, self).write(vals)

    cls = type(
        "B2bInputCheck_%s" % model_name.replace(".", "_"),
        (models.Model,),
        {"_inherit": model_name, "create": create, "write": write,
         "__module__": module},
    )
    return cls


INPUT_CHECKS = {
    "integer": _integer_problem,
    "float": _number_problem,
    "monetary": _number_problem,
    "char": _text_problem,
    "text": _text_problem,
    "html": _text_problem,
    "date": _date_problem,
    "datetime": _date_problem,
    "selection": _selection_problem,
    "many2one": _record_problem,
    "one2many": _commands_problem,
    "many2many": _commands_problem,
    "binary": _binary_problem,
}

for _model_name in CHECKED_MODELS:
    _checked(_model_name)
