# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values written into messages as the user reads them."""
from odoo import fields


def user_datetime(record, value):
    """``value``, a datetime as stored (UTC), in the time zone of the user of
    ``record``'s environment and the date format of their language, to the
    minute: what a message says to that user."""
    if not value:
        return ""
    env = record.env
    moment = fields.Datetime.context_timestamp(record, fields.Datetime.from_string(value))
    lang = env["res.lang"]._lang_get(env.context.get("lang") or env.user.lang or "en_US")
    return moment.strftime("%s %%H:%%M" % (lang.date_format or "%Y-%m-%d"))
