# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the scope's and the change requests' steps share: how the customer
decided, the name they typed, the mail sent from the composer."""

from odoo.exceptions import UserError

CONFIRMED_VIA = [
    ("link", "Customer's Link"),
    ("email", "Customer's Email"),
]
# An approved change request is the only step that changes a locked scope.
CHANGE_STEP_KEY = "b2b_change_request_step"
MAX_NAME_LENGTH = 128


def clean_customer_name(env, name):
    """The name the customer typed, stripped; a clear error when missing or
    too long."""
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise UserError(env._("Enter your name."))
    if not name.isprintable():
        raise UserError(env._("The name holds characters that are not text."))
    if len(name) > MAX_NAME_LENGTH:
        raise UserError(
            env._("The name is too long: at most %(max)s characters.", max=MAX_NAME_LENGTH)
        )
    return name


def composer_action(record, template, **context):
    """The action opening Odoo's mail composer on ``record`` with
    ``template`` (and the composer's further ``context``): sending it is the
    step (see mail.compose.message)."""
    record.ensure_one()
    return {
        "type": "ir.actions.act_window",
        "name": record.env._("Send"),
        "res_model": "mail.compose.message",
        "view_mode": "form",
        "views": [(False, "form")],
        "target": "new",
        "context": {
            "default_model": record._name,
            "default_res_ids": record.ids,
            "default_composition_mode": "comment",
            "default_template_id": template.id,
            "force_email": True,
            **context,
        },
    }


def send_with_template(records, template):
    """Send the mail of ``template`` on each record as the composer does: the
    RPC call's road to the same step as the button's."""
    Composer = records.env["mail.compose.message"].with_context(force_email=True)
    for record in records:
        Composer.create(
            {
                "model": record._name,
                "res_ids": str(record.ids),
                "composition_mode": "comment",
                "template_id": template.id,
            }
        )._action_send_mail()
    return True
