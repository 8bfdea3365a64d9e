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


# Odoo's mixins whose fields the addon's models take (activities, followers,
# messages, portal link): Odoo 11 exports no term of theirs for the addon's
# models, so their labels and choices stayed English for everyone else.
MIXIN_MODELS = ("mail.thread", "mail.activity.mixin", "portal.mixin")
ADDON = "b2b_sales_delivery"


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    @api.model
    def load_module_terms(self, modules, langs):
        result = super().load_module_terms(modules, langs)
        self.repair_vietnamese_terms()
        self.translate_mixin_fields()
        return result

    @api.model
    def translate_mixin_fields(self):
        """Give the fields the addon's models take from Odoo's mixins the
        mixins' own translations (labels and choices), in every language
        loaded. Returns the number of terms added."""
        Fields = self.env["ir.model.fields"].sudo()
        model_ids = self.env["ir.model.data"].sudo().search(
            [("module", "=", ADDON), ("model", "=", "ir.model")]
        ).mapped("res_id")
        mixin_fields = {f.name: f for f in Fields.search([("model", "in", MIXIN_MODELS)])}
        fields = Fields.search(
            [("model_id", "in", model_ids), ("name", "in", list(mixin_fields))]
        )
        langs = self.env["res.lang"].sudo().search(
            [("code", "!=", "en_US")]).mapped("code")
        Translation = self.sudo()
        added = 0
        for field in fields:
            mixin = mixin_fields[field.name]
            for lang in langs:
                added += Translation._copy_term(
                    "ir.model.fields,field_description", mixin.id, field.id, lang,
                    "model",
                )
                added += Translation._copy_term(
                    "%s,%s" % (mixin.model, field.name), 0, 0, lang, "selection",
                    "%s,%s" % (field.model, field.name),
                )
        return added

    def _copy_term(self, name, res_id, to_res_id, lang, kind, to_name=None):
        """Copy the terms ``name``/``res_id`` in ``lang`` to ``to_name``/
        ``to_res_id`` where they are missing."""
        domain = [("type", "=", kind), ("name", "=", name), ("lang", "=", lang),
                  ("value", "!=", False), ("value", "!=", "")]
        if res_id:
            domain.append(("res_id", "=", res_id))
        added = 0
        for term in self.search(domain):
            target = [("type", "=", kind), ("name", "=", to_name or name),
                      ("lang", "=", lang), ("src", "=", term.src)]
            if to_res_id:
                target.append(("res_id", "=", to_res_id))
            if self.search_count(target):
                continue
            self.create({
                "type": kind, "name": to_name or name, "res_id": to_res_id or 0,
                "lang": lang, "src": term.src, "value": term.value,
                "module": ADDON, "state": "translated",
            })
            added += 1
        return added

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
