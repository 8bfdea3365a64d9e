# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.0.2: a customer mail speaks the language of the page and the PDF
it brings (``res.partner.b2b_customer_lang``: the contact's, else its
company's, else the selling company's), no longer the contact's alone.

The mail templates are the company's to change (``noupdate``): a template's
language is set only where it is still the one the addon wrote."""

CONTACT_LANG = "${object.partner_id.lang}"
CUSTOMER_LANG = "${object.partner_id.b2b_customer_lang(object.company_id)}"
TEMPLATES = {
    "mail_template_scope": (CONTACT_LANG, CUSTOMER_LANG),
    "mail_template_change_request": (CONTACT_LANG, CUSTOMER_LANG),
    "mail_template_b2b_acceptance": (CONTACT_LANG, CUSTOMER_LANG),
    "mail_template_b2b_payment_reminder_before": (CONTACT_LANG, CUSTOMER_LANG),
    "mail_template_b2b_payment_reminder_overdue": (CONTACT_LANG, CUSTOMER_LANG),
    "mail_template_delivery_report": (
        "${object.project_id.partner_id.lang}",
        "${object.project_id.partner_id.b2b_customer_lang(object.project_id.company_id)}",
    ),
}


def migrate(cr, version):
    if not version:
        return
    for name, (old, new) in TEMPLATES.items():
        cr.execute(
            "UPDATE mail_template template SET lang = %s FROM ir_model_data data "
            "WHERE data.module = 'b2b_sales_delivery' AND data.model = 'mail.template' "
            "AND data.name = %s AND data.res_id = template.id AND template.lang = %s",
            (new, name, old),
        )
