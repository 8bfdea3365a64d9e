# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Odoo 11's Vietnamese translation of the subject of mail's default
# notification template drops the "%s" of "Re: %s": rendering it raises a
# TypeError, so every notification mailed to a Vietnamese follower of a
# record without a subject fails ("Failed to render template"). Terms loaded
# from mail's vi.po are repaired whenever translations are (re)loaded.
REPAIRED_TERMS = [
    # (xml id of the record, translated field, English, Vietnamese)
    (
        "mail.mail_template_data_notification_email_default",
        "mail.template,subject",
        "'Re: %s'",
        "'Trả lời: %s'",
    ),
]


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    @api.model
    def load_module_terms(self, modules, langs):
        result = super().load_module_terms(modules, langs)
        self.repair_vietnamese_terms()
        return result

    @api.model
    def repair_vietnamese_terms(self):
        """Replace the known broken Vietnamese terms of Odoo 11 by working ones.

        Returns the number of terms repaired.
        """
        repaired = 0
        for xml_id, name, english, vietnamese in REPAIRED_TERMS:
            record = self.env.ref(xml_id, raise_if_not_found=False)
            if not record:
                continue
            terms = self.sudo().search(
                [
                    ("type", "=", "model"),
                    ("name", "=", name),
                    ("res_id", "=", record.id),
                    ("lang", "=like", "vi%"),
                ]
            )
            for term in terms:
                fixed = term.src.replace(english, vietnamese)
                if term.value != fixed and term.value.count("%s") != fixed.count("%s"):
                    term.value = fixed
                    repaired += 1
        return repaired
