# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "B2B Sales & Delivery",
    "summary": "Win B2B customers, lock the scope, deliver by phases, "
    "get accepted and paid, measure it against targets",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/b2b-sales-delivery/b2b_sales_delivery",
    "author": "b2b_sales_delivery contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "crm",
        "sale_management",
        "sale_crm",
        "project",
        "account_invoicing",
        "portal",
        "calendar",
        "mail",
    ],
    "data": [
        "security/b2b_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/b2b_menus.xml",
    ],
    "demo": [],
    "post_init_hook": "post_init_hook",
}
