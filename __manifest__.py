# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "B2B Sales & Delivery",
    "summary": "Win B2B customers through a pipeline whose stages hold their "
    "checkpoints, then deliver, get accepted and paid",
    "version": "19.0.1.0.0",
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
        "sale_project",
        "project",
        "account",
        "portal",
        "calendar",
        "mail",
    ],
    "data": [
        "security/b2b_security.xml",
        "security/ir.model.access.csv",
        "security/b2b_checkpoint_security.xml",
        "data/crm_stage_data.xml",
        "views/b2b_checkpoint_views.xml",
        "views/crm_stage_views.xml",
        "views/crm_team_views.xml",
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/b2b_stage_force_wizard_views.xml",
        "views/b2b_menus.xml",
    ],
    "demo": [
        "demo/crm_lead_demo.xml",
    ],
    "uninstall_hook": "uninstall_hook",
}
