# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The choices the addon's models take from Odoo's mixins (the activities'
state of ``mail.activity.mixin``...) read in the user's language.

Odoo names the choices of an inherited selection field after the module of
the mixin (``mail.selection__b2b_contract__activity_state__overdue``), and
only that module's catalogue would translate them: Odoo's catalogues list
Odoo's models, never the addon's. Each time terms are loaded, the addon's
models take the mixin's translations of the same choices."""

from odoo import models

ADDON = "b2b_sales_delivery"


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False):
        result = super()._load_module_terms(modules, langs, overwrite=overwrite)
        self._b2b_translate_mixin_choices()
        return result

    def _b2b_mixin_selection_fields(self):
        """[(addon's field, mixin's field)] as ``ir.model.fields``: the
        selection fields the addon's models take from a mixin."""
        Field = self.env["ir.model.fields"].sudo()
        data = self.env["ir.model.data"].sudo().search([("module", "=", ADDON), ("model", "=", "ir.model")])
        model_names = self.env["ir.model"].sudo().browse(data.mapped("res_id")).mapped("model")
        pairs = []
        for model_name in model_names:
            model = self.env.get(model_name)
            if model is None or model._abstract:
                continue
            for name, field in model._fields.items():
                if field.type != "selection" or field._module in (ADDON, None) or callable(field.selection):
                    continue
                source = self._b2b_mixin_of(model, name)
                if source:
                    pairs.append((Field._get(model_name, name), Field._get(source, name)))
        return [(ours, theirs) for ours, theirs in pairs if ours and theirs]

    def _b2b_mixin_of(self, model, name):
        """The model that first defined the field ``name`` of ``model``: the
        most basic of its parents (in the class hierarchy) with the field."""
        source = None
        for cls in type(model).mro():
            parent = getattr(cls, "_name", None)
            if parent and parent != model._name and parent in self.env and name in self.env[parent]._fields:
                source = parent
        return source

    def _b2b_translate_mixin_choices(self):
        pairs = self._b2b_mixin_selection_fields()
        if not pairs:
            return
        # The mixin's translations of each choice, under those the addon's
        # model already has (a translation of its own wins).
        self.env.cr.execute(
            """
            UPDATE ir_model_fields_selection AS ours
               SET name = theirs.name || ours.name
              FROM ir_model_fields_selection AS theirs
             WHERE (ours.field_id, theirs.field_id) IN %s
               AND ours.value = theirs.value
               AND ours.name->>'en_US' = theirs.name->>'en_US'
               AND NOT (theirs.name - 'en_US') <@ ours.name
            """,
            [tuple((ours.id, theirs.id) for ours, theirs in pairs)],
        )
        if self.env.cr.rowcount:
            self.env["ir.model.fields.selection"].invalidate_model(["name"])
            self.env.registry.clear_cache("stable")
