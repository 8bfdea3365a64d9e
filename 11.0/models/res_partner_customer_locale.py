# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from ..utils.arguments import check_integer_argument
from ..utils.confirmation_link import MAX_RECORD_ID

# The language of a document when nobody chose one.
FALLBACK_LANG = "en_US"


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_customer_lang(self, company=None, default=None):
        """The language a customer reads the documents of this partner in:
        the partner's, else its commercial partner's, else the company
        partner's, else ``default`` (the request's language on a page), each
        only when installed; English when none is."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        partner = self[:1].sudo()
        for code in (
            partner.lang,
            partner.commercial_partner_id.lang,
            company and company.sudo().partner_id.lang,
            default,
        ):
            if code and code in installed:
                return code
        return FALLBACK_LANG

    def _b2b_customer_tz(self, company=None):
        """The time zone a customer reads the dates and times of this
        partner's documents in: the contact's, else its commercial
        partner's, else the one ``company`` configured (its partner's);
        False when none is set (the reader's own then)."""
        partner = self[:1].sudo()
        for tz in (
            partner.tz,
            partner.commercial_partner_id.tz,
            company and company.sudo().partner_id.tz,
        ):
            if tz:
                return tz
        return False

    def _b2b_customer_context(self, company, default_lang=None):
        """The context a customer page or document of this partner renders
        in: the customer's language (``_b2b_customer_lang``), and times in
        the customer's time zone (``_b2b_customer_tz``; the reader's own
        when neither the customer nor the company set one)."""
        context = {"lang": self._b2b_customer_lang(company, default_lang)}
        tz = self._b2b_customer_tz(company)
        if tz:
            context.update(tz=tz)
        return context

    @api.multi
    def b2b_customer_lang(self, company=None):
        """The language a customer reads the documents of this partner in,
        for a document of ``company`` (a company record, or its id): the
        ``lang`` of the addon's mail templates, so that a mail speaks the
        language of the page and the PDF it brings."""
        return self._b2b_customer_lang(self._b2b_company_argument(company))

    @api.multi
    def b2b_customer_tz(self, company=None):
        """The time zone a customer reads the times of this partner's
        documents in (``_b2b_customer_tz``), for a document of ``company``
        (a company record, or its id): what the addon's mail templates
        format times in, as the page and the PDF do; UTC when none is set."""
        return self._b2b_customer_tz(self._b2b_company_argument(company)) or "UTC"

    def _b2b_company_argument(self, company):
        """``company`` (a record, an id, or nothing) as a company record."""
        if not isinstance(company, models.BaseModel):
            if company is None or company is False:
                company = []
            else:
                company = check_integer_argument(
                    self, company, _("The company"), 1, MAX_RECORD_ID)
            company = self.env["res.company"].browse(company).exists()
        return company
