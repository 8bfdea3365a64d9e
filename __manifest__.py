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
        "security/scope_security.xml",
        "data/scope_data.xml",
        # the wizards' actions open from buttons of the views below
        "wizards/b2b_confirmation_email_wizard_views.xml",
        "wizards/b2b_scope_unlock_wizard_views.xml",
        "views/b2b_contract_views.xml",
        "views/b2b_change_request_views.xml",
        "views/crm_lead_contract_views.xml",
        "views/project_project_contract_views.xml",
        "views/sale_order_views.xml",
        "views/scope_confirmation_templates.xml",
        "reports/scope_report.xml",
        # after the reports: the mail templates attach the scope PDF
        "data/scope_mail_template_data.xml",
        "views/b2b_menus.xml",
    ],
    "demo": [
        "demo/b2b_contract_demo.xml",
    ],
}
