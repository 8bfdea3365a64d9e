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

    def _b2b_customer_context(self, company, default_lang=None):
        """The context a customer page or document of this partner renders
        in: the customer's language (``_b2b_customer_lang``), and times in
        the timezone of ``company`` (its partner's; the reader's own when the
        company set none)."""
        context = {"lang": self._b2b_customer_lang(company, default_lang)}
        tz = company.sudo().partner_id.tz if company else False
        if tz:
            context.update(tz=tz)
        return context

    @api.multi
    def b2b_customer_lang(self, company=None):
        """The language a customer reads the documents of this partner in,
        for a document of ``company`` (a company record, or its id): the
        ``lang`` of the addon's mail templates, so that a mail speaks the
        language of the page and the PDF it brings."""
        if not isinstance(company, models.BaseModel):
            if company is None or company is False:
                company = []
            else:
                company = check_integer_argument(
                    self, company, _("The company"), 1, MAX_RECORD_ID)
            company = self.env["res.company"].browse(company).exists()
        return self._b2b_customer_lang(company)
