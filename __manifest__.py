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
        "security/crm_security.xml",
        "data/b2b_stakeholder_role_data.xml",
        "data/crm_stage_data.xml",
        "views/crm_lead_views.xml",
        "views/b2b_touchpoint_views.xml",
        "views/b2b_stakeholder_views.xml",
        "views/b2b_risk_views.xml",
        "views/b2b_checkpoint_views.xml",
        "views/crm_stage_views.xml",
        "views/mail_activity_views.xml",
        "wizards/b2b_crm_wizard_views.xml",
        "views/b2b_menus.xml",
    ],
    "demo": [
        "demo/crm_lead_demo.xml",
    ],
}
