# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrQweb(models.AbstractModel):
    _inherit = "ir.qweb"

    def _get_asset_content(self, xmlid, options):
        """Leave out the files of an asset bundle that are missing on disk.

        Odoo 11's ``web.report_assets_common`` (the Bootstrap style of every
        PDF) links a stylesheet of the ``website`` module. Where that module
        is not shipped, the whole bundle fails to compile and every PDF
        prints unstyled (no columns, no tables). Without the missing file the
        bundle compiles and the documents keep their layout.
        """
        files, remains = super()._get_asset_content(xmlid, options)
        files = [
            asset for asset in files
            if asset["filename"] or asset["content"]
        ]
        return files, remains
