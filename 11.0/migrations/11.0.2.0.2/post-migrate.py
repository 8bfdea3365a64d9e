# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.0.2: a customer mail speaks the language of the page and the PDF
it brings (``res.partner.b2b_customer_lang``: the contact's, else its
company's, else the selling company's), no longer the contact's alone.

The payment reminders say the amount due of the installment, VAT included
(``amount_due``), also before its invoice is validated: the untaxed amount of
the installment was shown until then.

The mail templates are the company's to change (``noupdate``): a template's
language, and the amount in a reminder's body (and its translations), are
set only where they are still the ones the addon wrote."""

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

REMINDERS = (
    "mail_template_b2b_payment_reminder_before",
    "mail_template_b2b_payment_reminder_overdue",
)
OLD_AMOUNT = "format_amount(object.invoice_id.residual or object.amount, object.currency_id)"
AMOUNT_DUE = "format_amount(object.amount_due, object.currency_id)"
TEMPLATE_ID = (
    "SELECT res_id FROM ir_model_data WHERE module = 'b2b_sales_delivery' "
    "AND model = 'mail.template' AND name = %s"
)


def migrate(cr, version):
    if not version:
        return
    _customer_lang(cr)
    _amount_due(cr)


def _amount_due(cr):
    for name in REMINDERS:
        cr.execute(
            "UPDATE mail_template SET body_html = replace(body_html, %s, %s) "
            "WHERE id IN (" + TEMPLATE_ID + ")", (OLD_AMOUNT, AMOUNT_DUE, name))
        cr.execute(
            "UPDATE ir_translation SET src = replace(src, %s, %s), "
            "value = replace(value, %s, %s) "
            "WHERE type = 'model' AND name = 'mail.template,body_html' "
            "AND res_id IN (" + TEMPLATE_ID + ")",
            (OLD_AMOUNT, AMOUNT_DUE, OLD_AMOUNT, AMOUNT_DUE, name))


def _customer_lang(cr):
    for name, (old, new) in TEMPLATES.items():
        cr.execute(
            "UPDATE mail_template SET lang = %s "
            "WHERE id IN (" + TEMPLATE_ID + ") AND lang = %s", (new, name, old))
