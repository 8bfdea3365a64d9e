# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What every customer link route shares: the door (the document found by
its link, or 404), the page (rendered in the customer's language, times in
the company's timezone) and the answer (the step run, its refusal shown in
the page, never an internal error)."""
import logging

import werkzeug.exceptions
from psycopg2 import OperationalError

from odoo import _, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from ..utils.confirmation_link import MAX_NAME_LENGTH, MAX_TEXT_LENGTH, clean_text

_logger = logging.getLogger(__name__)
# What a step may refuse with; its message is for the customer.
REFUSALS = (UserError, ValidationError, AccessError)


def find_or_404(model, record_id, token, kind=None):
    """The document (as superuser) the link opens, in its customer's context
    (``as_customer``), or 404: a wrong, other document's, expired, revoked
    or spent token shows nothing."""
    record = request.env[model]._find_by_link_token(record_id, token, kind=kind)
    if not record:
        raise werkzeug.exceptions.NotFound()
    return as_customer(record)


def customer_context(document):
    """The context the customer pages of ``document`` render in: the rule of
    ``res.partner._b2b_customer_context`` (the customer's language, else the
    request's; the company's timezone)."""
    return document.partner_id._b2b_customer_context(
        document.company_id, default_lang=request.context.get("lang")
    )


def as_customer(document):
    """Put the request in the customer's context of ``document`` (the
    page's terms, the answers' messages in their language) and return the
    document in it (its fields: translated terms, dates in the language's
    format, times in the company's timezone)."""
    context = customer_context(document)
    request.context = dict(request.context, **context)
    return document.with_context(**context)


def _customer_values(document, values):
    """``values`` with their records in the customer's context."""
    context = as_customer(document).env.context
    return {
        key: value.with_context(context)
        if isinstance(value, models.BaseModel) else value
        for key, value in values.items()
    }


def render_page(template, document, values):
    """The response of a customer page: every customer route renders
    through here, so every page follows one rule. The page says its language
    (``<html lang>``): the browser's scripts read their terms in it."""
    values = _customer_values(document, values)  # the request in the customer's context
    lang = request.context.get("lang") or "en_US"
    values.setdefault("html_data", {"lang": lang.replace("_", "-")})
    return request.render(template, values)


def render_html(template, document, values):
    """The same, as HTML to put into the page already shown (JSON answers)."""
    html = request.env["ir.ui.view"].render_template(
        template, _customer_values(document, values)
    )
    return html.decode() if isinstance(html, bytes) else html


def typed_name(value):
    """The name the customer typed, or an error message."""
    name = clean_text(value, MAX_NAME_LENGTH) if value else ""
    if name is None:
        return None, _("Your name must be a text of at most %s characters.") % (
            MAX_NAME_LENGTH
        )
    if not name:
        return None, _("Please enter your name.")
    return name, None


def typed_text(value):
    """A reason the customer typed, or an error message."""
    text = clean_text(value, MAX_TEXT_LENGTH) if value else ""
    if text is None:
        return None, _("The text must be at most %s characters.") % MAX_TEXT_LENGTH
    return text, None


def is_concurrency_error(error):
    """A serialization failure or deadlock: the request is worth retrying."""
    return isinstance(error, OperationalError) and (
        error.pgcode in PG_CONCURRENCY_ERRORS_TO_RETRY
    )


def run_step(step):
    """Run the customer's answer; return the error to show (the step's own
    message, or a general one: the customer never sees an internal error),
    or None. A refused step leaves nothing written: the request's
    transaction, which holds nothing else, is rolled back. A concurrent
    update (another user's step on the same records) is raised again: Odoo
    retries the whole request on a new transaction, so the customer's answer
    is recorded, not lost behind a general error."""
    try:
        step()
    except REFUSALS as error:
        request.env.cr.rollback()
        request.env.clear()
        return error.name
    except Exception as error:  # pylint: disable=broad-except
        if is_concurrency_error(error):
            raise
        request.env.cr.rollback()
        request.env.clear()
        _logger.exception("Customer link step failed")
        return _("Your answer could not be recorded. Please try again later or "
                 "contact us.")
    return None
