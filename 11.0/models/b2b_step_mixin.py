# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""States and the evidence of the steps change only through the steps."""
from odoo import _, api, models
from odoo.exceptions import UserError

# Context key of the steps' own writes. Its value must be the pass of the
# model (an object made here), which no RPC call can carry.
STEP_KEY = "b2b_step_write"
_STEP_PASSES = {}


def step_pass(model_name):
    """The unforgeable pass of the steps of ``model_name``."""
    return _STEP_PASSES.setdefault(model_name, object())


def initial_value(model, name):
    """The value a new document of ``model`` starts with in field ``name``
    (its declared default; no context or user default)."""
    field = model._fields[name]
    value = field.default(model) if field.default else False
    if isinstance(value, models.BaseModel):
        value = value.id
    return value or False


def check_new_values(model, vals, names, refusal):
    """Refuse a new document of ``model`` whose fields ``names`` do not hold
    their initial values, whatever comes in ``vals``, in the context
    (``default_state``: the kanban's quick create of a column) or from the
    users' defaults. ``refusal(vals)`` gives the message."""
    names = [name for name in names if name in model._fields]
    missing = [name for name in names if name not in vals]
    values = model.default_get(missing) if missing else {}
    values.update({name: vals[name] for name in names if name in vals})
    for name in names:
        value = values.get(name) or False
        if isinstance(value, models.BaseModel):
            value = value.id
        if value != initial_value(model, name):
            raise UserError(refusal({name: value}))
    return True


class B2bStepMixin(models.AbstractModel):
    """A document whose state and evidence (who, when, signature...) only
    its steps write: ``create``, ``write``, ``copy`` and import refuse them
    for every user, administrators and superuser included.

    A kanban card dropped in a column of another state writes the state
    alone: the drop runs the step of that state (``_step_drop_actions``),
    with its rules and messages, or is refused with the button to use.
    """

    _name = "b2b.step.mixin"
    _description = "Document Changed Only Through Its Steps"

    # The state and evidence fields: written only by the steps.
    _step_fields = ()
    # State reached by a kanban drop -> name of the step method to run.
    _step_drop_actions = {}

    @api.model
    def create(self, vals):
        if not self._is_step_write():
            self._check_step_create(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if not self._is_step_write() and set(self._step_fields).intersection(vals):
            if self._is_step_drop(vals):
                return self._run_step_drop(vals["state"])
            raise UserError(self._step_refusal(vals))
        return super().write(vals)

    @api.multi
    def copy_data(self, default=None):
        # A copy starts over: no state nor evidence of the original.
        default = dict(default or {})
        for name in self._step_fields:
            if name not in default:
                default[name] = self._step_initial_value(name)
        return super().copy_data(default)

    def _is_step_write(self):
        return self.env.context.get(STEP_KEY) is step_pass(self._name)

    def _step_write(self, vals):
        """The steps' only way to their fields."""
        return self.with_context(**{STEP_KEY: step_pass(self._name)}).write(vals)

    @api.model
    def _step_create(self, vals):
        """Create a document already past its first step (internal steps)."""
        return self.with_context(**{STEP_KEY: step_pass(self._name)}).create(vals)

    @api.model
    def _step_initial_value(self, name):
        return initial_value(self, name)

    @api.model
    def _check_step_create(self, vals):
        return check_new_values(self, vals, self._step_fields, self._step_refusal)

    def _is_step_drop(self, vals):
        return (
            set(vals) == {"state"} and vals["state"] in self._step_drop_actions
        )

    def _run_step_drop(self, state):
        """Run the step that leads to ``state`` on each record (a kanban
        drop); a record already in that state is left as it is."""
        for record in self.filtered(lambda r: r.state != state):
            getattr(record, self._step_drop_actions[state])()
        return True

    def _step_refusal(self, vals):
        """The message of a refused write of step fields: which field, and
        which buttons change it."""
        labels = ", ".join(
            sorted(self._fields[name].get_description(self.env)["string"]
                   for name in self._step_fields if name in vals)
        )
        return _(
            "%(fields)s of %(document)s change only through its buttons "
            "(%(steps)s), with their rules."
        ) % {
            "fields": labels,
            "document": self.env["ir.model"].sudo().search(
                [("model", "=", self._name)], limit=1).name or self._description,
            "steps": self._step_buttons(),
        }

    def _step_buttons(self):
        """The labels of the buttons that run the steps, for messages."""
        return ""
