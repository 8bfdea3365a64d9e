# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models

from odoo.addons.base.ir.ir_translation import IrTranslationImport

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
# the addon's fields of the same name as a mixin's, with that mixin's field,
# and the languages to translate them into
MIXIN_FIELDS = """
    WITH field AS (
        SELECT own.id, own.model, own.name,
               mixin.id AS mixin_id, mixin.model AS mixin_model
          FROM ir_model_fields own
          JOIN ir_model_data data
            ON data.module = %(addon)s AND data.model = 'ir.model'
           AND data.res_id = own.model_id
          JOIN ir_model_fields mixin
            ON mixin.name = own.name AND mixin.model IN %(mixins)s
    ), lang AS (
        SELECT code FROM res_lang WHERE active AND code != 'en_US'
    )
"""


# The columns a term is loaded with (Odoo's own import, step 3).
TERM_COLUMNS = "name, lang, res_id, src, type, value, module, state, comments"


class B2bTranslationImport(IrTranslationImport):
    """Odoo's import of a .po file, faster for the addon's own terms.

    Odoo inserts the terms that do not exist yet with one condition made of
    alternatives by kind of term; PostgreSQL can then join only on the
    language, the type and the name, and compares every new term with every
    term of that name: each of the addon's thousand field labels with the
    several thousands already there. Installing the addon spent three
    seconds there. The same insertion, split by kind of term, joins on the
    record as well. Only a file of the addon's terms alone is loaded so;
    Odoo's own ``finish`` then does the rest (the terms to overwrite, when
    asked to)."""

    def finish(self):
        cr = self._cr
        cr.execute("SELECT array_agg(DISTINCT module) FROM %s" % self._table)
        if cr.fetchone()[0] != [ADDON]:
            return super().finish()
        # Odoo's step 1: the records of the terms (Odoo repeats it, finding
        # nothing left to do)
        cr.execute("""
            UPDATE {tmp} AS ti SET res_id = imd.res_id, noupdate = imd.noupdate
              FROM ir_model_data AS imd
             WHERE ti.res_id IS NULL AND ti.module IS NOT NULL
               AND ti.imd_name IS NOT NULL AND ti.module = imd.module
               AND ti.imd_name = imd.name AND ti.imd_model = imd.model
        """.format(tmp=self._table))
        cr.execute("DELETE FROM %s WHERE res_id IS NULL AND module IS NOT NULL"
                   % self._table)
        query = """
            WITH new AS (
                SELECT ti.id FROM {tmp} AS ti
                 WHERE ti.type = 'model' AND NOT EXISTS (
                       SELECT 1 FROM ONLY ir_translation AS irt
                        WHERE irt.lang = ti.lang AND irt.type = ti.type
                          AND irt.name = ti.name AND irt.res_id = ti.res_id
                          AND (ti.name NOT IN %(src_fields)s OR irt.src = ti.src))
                UNION ALL
                SELECT ti.id FROM {tmp} AS ti
                 WHERE ti.type != 'model' AND NOT EXISTS (
                       SELECT 1 FROM ONLY ir_translation AS irt
                        WHERE irt.lang = ti.lang AND irt.type = ti.type
                          AND irt.name = ti.name
                          AND (ti.type IN ('field', 'help')
                               OR (ti.type = 'view' AND irt.src = ti.src
                                   AND (irt.res_id IS NULL OR ti.res_id = irt.res_id))
                               OR (ti.type NOT IN ('view', 'field', 'help')
                                   AND irt.src = ti.src)))
            ), inserted AS (
                INSERT INTO ir_translation ({columns})
                SELECT {columns} FROM {tmp} WHERE id IN (SELECT id FROM new)
            )
            DELETE FROM {tmp} WHERE id IN (SELECT id FROM new)
        """.format(tmp=self._table, columns=TERM_COLUMNS)
        cr.execute(query, {"src_fields": tuple(self._source_fields()) or ("",)})
        if not self._overwrite:
            # the terms left exist already: Odoo would keep them as they are
            cr.execute("DELETE FROM %s" % self._table)
        return super().finish()

    def _source_fields(self):
        """The fields whose terms are matched by their source too (Odoo's
        ``src_relevant_fields``)."""
        env = api.Environment(self._cr, SUPERUSER_ID, {})
        return [
            "%s,%s" % (model, name)
            for model in env for name, field in env[model]._fields.items()
            if callable(getattr(field, "translate", None))
        ]


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    @api.model
    def _get_import_cursor(self):
        return B2bTranslationImport(self)

    @api.model
    def load_module_terms(self, modules, langs):
        result = super().load_module_terms(modules, langs)
        self.repair_vietnamese_terms()
        self.translate_mixin_fields()
        self.translate_renamed_field_labels()
        return result

    @api.model
    def translate_renamed_field_labels(self):
        """Give the addon's fields whose label has no term in a language
        the addon's own term of the same label. Odoo 11 names a field's
        record after its model and name, and suffixes it with the field's
        id when two fields meet on one name (``level_id`` of
        b2b.payment.reminder and ``id`` of b2b.payment.reminder.level): the
        .po file's reference holds the id of the database it was exported
        from, so elsewhere the label stayed English. Returns the number of
        terms added."""
        cr = self.env.cr
        cr.execute("""
            INSERT INTO ir_translation
                (type, name, res_id, lang, src, value, module, state)
            SELECT DISTINCT ON (field.id, term.lang)
                   'model', term.name, field.id, term.lang, term.src,
                   term.value, %(addon)s, 'translated'
              FROM ir_model_fields field
              JOIN ir_model_data data
                ON data.module = %(addon)s AND data.model = 'ir.model.fields'
               AND data.res_id = field.id
              JOIN ir_translation term
                ON term.type = 'model'
               AND term.name = 'ir.model.fields,field_description'
               AND term.module = %(addon)s AND term.src = field.field_description
               AND term.res_id != field.id AND COALESCE(term.value, '') != ''
             WHERE NOT EXISTS (
                   SELECT 1 FROM ir_translation own
                    WHERE own.type = 'model' AND own.name = term.name
                      AND own.res_id = field.id AND own.lang = term.lang)
             ORDER BY field.id, term.lang, term.id
        """, {"addon": ADDON})
        added = cr.rowcount
        if added:
            self.clear_caches()
        return added

    @api.model
    def translate_mixin_fields(self):
        """Give the fields the addon's models take from Odoo's mixins the
        mixins' own translations (labels and choices), in every language
        loaded, where the field has none of its own. Returns the number of
        terms added.

        One statement per kind of term: on install it runs for every field
        of every model of the addon, in every language."""
        cr = self.env.cr
        cr.execute(MIXIN_FIELDS + """
            INSERT INTO ir_translation
                (type, name, res_id, lang, src, value, module, state)
            SELECT DISTINCT ON (field.id, term.lang, term.src)
                   'model', term.name, field.id, term.lang, term.src, term.value,
                   %(addon)s, 'translated'
              FROM field
              JOIN ir_translation term
                ON term.type = 'model'
               AND term.name = 'ir.model.fields,field_description'
               AND term.res_id = field.mixin_id
               AND term.lang IN (SELECT code FROM lang)
               AND COALESCE(term.value, '') != ''
             WHERE NOT EXISTS (
                   SELECT 1 FROM ir_translation own
                    WHERE own.type = 'model' AND own.name = term.name
                      AND own.res_id = field.id AND own.lang = term.lang
                      AND own.src = term.src)
             ORDER BY field.id, term.lang, term.src, field.mixin_model
        """, {"addon": ADDON, "mixins": MIXIN_MODELS})
        added = cr.rowcount
        cr.execute(MIXIN_FIELDS + """
            INSERT INTO ir_translation
                (type, name, res_id, lang, src, value, module, state)
            SELECT DISTINCT ON (field.id, term.lang, term.src)
                   'selection', field.model || ',' || field.name, 0, term.lang,
                   term.src, term.value, %(addon)s, 'translated'
              FROM field
              JOIN ir_translation term
                ON term.type = 'selection'
               AND term.name = field.mixin_model || ',' || field.name
               AND term.lang IN (SELECT code FROM lang)
               AND COALESCE(term.value, '') != ''
             WHERE NOT EXISTS (
                   SELECT 1 FROM ir_translation own
                    WHERE own.type = 'selection'
                      AND own.name = field.model || ',' || field.name
                      AND own.lang = term.lang AND own.src = term.src)
             ORDER BY field.id, term.lang, term.src, field.mixin_model
        """, {"addon": ADDON, "mixins": MIXIN_MODELS})
        added += cr.rowcount
        if added:
            self.clear_caches()
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
