# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language a customer reads the addon's mails in: the contact's own,
else their company's, else the language of the company that writes to
them. Odoo's mail composer renders a template in the language its ``lang``
gives, so the body the user reviews before sending is already the one the
customer gets; the addon's customer mail templates take their ``lang`` from
``b2b_customer_lang``, so that a contact without a language does not get the
sender's."""

from odoo import models

# The language of a document when nobody chose one.
FALLBACK_LANG = "en_US"


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_customer_lang(self, company=None):
        """The language code this partner reads documents of ``company`` in:
        the first installed one of the partner's, its commercial partner's
        and the company's partner's; English when none is."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        partner = self[:1].sudo()
        company = company.sudo() if company else self.env.company.sudo()
        for code in (partner.lang, partner.commercial_partner_id.lang, company.partner_id.lang):
            if code and code in installed:
                return code
        return FALLBACK_LANG

    def b2b_customer_lang(self, company_id=False):
        """The language code this partner reads the documents of the company
        ``company_id`` (an id; the current company when not given) in: the
        ``lang`` of the addon's customer mail templates."""
        company = self.env["res.company"]
        if isinstance(company_id, int) and not isinstance(company_id, bool) and company_id > 0:
            company = company.browse(company_id).exists()
        return self._b2b_customer_lang(company)
