# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A refusal met while a document of the addon renders (a record its
reader may not read, a step's rule) reaches the user as that refusal, not
as Odoo 11's QWebException, which the web client shows as a server error
with a traceback."""
from odoo import api, models
from odoo.exceptions import except_orm

from odoo.addons.base.ir.ir_qweb.qweb import QWebException

ADDON_REPORTS = "b2b_sales_delivery."


def _refusal_of(error):
    """The refusal (an Odoo exception meant for the user) a QWebException
    wraps, or None."""
    while isinstance(error, QWebException):
        error = error.error
    return error if isinstance(error, except_orm) else None


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def render_qweb_html(self, docids, data=None):
        try:
            return super().render_qweb_html(docids, data=data)
        except QWebException as error:
            refusal = _refusal_of(error)
            if refusal is None or not (self.report_name or "").startswith(ADDON_REPORTS):
                raise
            raise refusal
