# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon's views, and who clicks it in the browser.

``CLICKS`` drives ``test_every_button.py``: each role's narrowest user opens
the record (made by its ``records`` fixture) in the state where the button
shows, clicks it once and sees the outcome. ``JOURNEYS`` lists the buttons
another role's journey already clicks (the file that does), ``HIDDEN`` the
buttons an inheriting view makes invisible for everyone. The unit test
``tests/test_every_button_listed.py`` parses the addon's views and fails
when a button is in neither list: a new button cannot come without a click.

A button is ``(view, name, label)``: the view's xml id (in the addon), the
button's ``name`` as written in the view, its ``string`` (None without).

A click is ``(role, record, button, outcome)``:

- ``record``: a key of the records the test made, opened in a form first;
  ``None`` for a button of the dialog the click before opened;
- ``outcome``: ``state:<value>`` the status bar shows the state;
  ``dialog`` a dialog (wizard or mail preview) opens; ``close`` the dialog
  closes (a wizard's button); ``download`` a PDF comes; ``opens:<model>``
  the screen shows that model's records; ``refused`` a refusal dialog says
  why (never an error with a traceback); ``confirm:<outcome>`` a question
  first, answered Ok.
"""

# role: the login of its narrowest user (tests_browser/seed.py)
SALESPERSON, SALES_MANAGER, PROJECT_MANAGER, ACCOUNTANT = "thu", "lan", "minh", "hoa"

CLICKS = (
    # ---- the salesperson
    (SALESPERSON, "lead", ("crm_lead_view_form", "action_view_touchpoints", None),
     "opens:b2b.touchpoint"),
    (SALESPERSON, "lead", ("crm_lead_view_form", "action_view_risks", None),
     "opens:b2b.risk"),
    (SALESPERSON, "lead", ("crm_lead_view_form_contract", "action_view_b2b_proposals", None),
     "opens:sale.order"),
    (SALESPERSON, "lead", ("crm_lead_view_form_contract", "action_view_b2b_contracts", None),
     "opens:b2b.contract"),
    (SALESPERSON, "lead", ("crm_lead_view_form", "action_add_stakeholder_contact",
                           "Add a Contact"), "dialog"),
    (SALESPERSON, None, ("b2b_stakeholder_contact_wizard_view_form", "action_add", "Add"),
     "close"),
    (SALESPERSON, "meeting", ("b2b_touchpoint_view_form", "action_mark_held", "Mark Held"),
     "state:held"),
    (SALESPERSON, "meeting2", ("b2b_touchpoint_view_form", "action_cancel_meeting",
                               "Cancel Meeting"), "state:cancelled"),
    # the scope of a quotation: sent, sent again, its link revoked, confirmed by mail
    (SALESPERSON, "scope_order", ("sale_order_view_form_scope", "action_preview_scope",
                                  "Send Again"), "dialog"),
    (SALESPERSON, "scope_order", ("sale_order_view_form_scope", "action_revoke_scope_link",
                                  "Revoke the Link"), "done"),
    (SALESPERSON, "scope_order", ("sale_order_view_form_scope",
                                  "%(b2b_confirmation_email_wizard_action_scope)d",
                                  "Confirmed by Email"), "dialog"),
    (SALESPERSON, None, ("b2b_confirmation_email_wizard_view_form", "action_record",
                         "Record the Confirmation"), "close"),
    (SALESPERSON, "plan_order", ("sale_order_view_form_payment_plan",
                                 "action_generate_payment_plan",
                                 "Generate from the phases"), "done"),
    (SALESPERSON, "plan_order", ("sale_order_view_form_payment_plan",
                                 "action_view_payment_plan", None),
     "opens:b2b.payment.plan.line"),
    (SALESPERSON, "contract_order", ("sale_order_view_form_contract",
                                     "action_view_b2b_contract", None),
     "opens:b2b.contract"),
    # a change request: sent, sent again, its link revoked, approved;
    # another (sent) approved by mail (the dialog), rejected, back to draft
    (SALESPERSON, "change", ("b2b_change_request_view_form", "action_preview_send",
                             "Send to the Customer"), "dialog"),
    (SALESPERSON, None, ("b2b_mail_preview_view_form", "action_send", "Send"), "close"),
    (SALESPERSON, "change", ("b2b_change_request_view_form", "action_preview_send",
                             "Send Again"), "dialog"),
    (SALESPERSON, "change", ("b2b_change_request_view_form", "action_revoke_link",
                             "Revoke the Link"), "done"),
    (SALESPERSON, "change", ("b2b_change_request_view_form", "button_approve", "Approved"),
     "state:approved"),
    (SALESPERSON, "change2", ("b2b_change_request_view_form",
                              "%(b2b_confirmation_email_wizard_action_change)d",
                              "Approved by Email"), "dialog"),
    (SALESPERSON, "change2", ("b2b_change_request_view_form", "button_reject", "Rejected"),
     "state:rejected"),
    (SALESPERSON, "change2", ("b2b_change_request_view_form", "action_draft",
                              "Set to Draft"), "state:draft"),
    # a contract through its states
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_view_lead", None),
     "opens:crm.lead"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_view_orders", None),
     "opens:sale.order"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_view_projects", None),
     "opens:project.project"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_negotiate", "Negotiate"),
     "state:negotiation"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_draft", "Set to Draft"),
     "state:draft"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "button_sign", "Signed"),
     "state:signed"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_start", "Start Delivery"),
     "state:in_progress"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_cancel", "Cancel"),
     "state:cancel"),
    (SALESPERSON, "ready_contract", ("b2b_contract_liquidation_view_form",
                                     "action_close_open", "Close and Liquidate"),
     "download"),
    (SALESPERSON, "project", ("project_project_view_form_contract",
                              "%(project_project_action_open_sale_order)d", None),
     "opens:sale.order"),
    (SALESPERSON, "project", ("project_project_view_form_contract",
                              "%(project_project_action_open_contract)d", None),
     "opens:b2b.contract"),
    (SALESPERSON, "project", ("project_project_view_form",
                              "%(crm_lead_action_upsell_project)d", None),
     "opens:crm.lead"),
    (SALESPERSON, "project", ("project_project_view_form",
                              "%(sale_order_action_upsell_project)d", None),
     "opens:sale.order"),

    # ---- the sales manager
    (SALES_MANAGER, "locked_order", ("sale_order_view_form_scope",
                                     "%(b2b_scope_unlock_wizard_action)d",
                                     "Unlock the Scope"), "dialog"),
    (SALES_MANAGER, None, ("b2b_scope_unlock_wizard_view_form", "action_unlock", "Unlock"),
     "close"),
    (SALES_MANAGER, "gated_order", ("sale_order_view_form_scope_gate",
                                    "%(b2b_scope_waiver_wizard_action)d",
                                    "Waive the Scope"), "dialog"),
    (SALES_MANAGER, None, ("b2b_scope_waiver_wizard_view_form", "action_waive",
                           "Waive the Scope"), "close"),
    (SALES_MANAGER, "open_contract", ("b2b_contract_liquidation_view_form",
                                      "action_close_open", "Close Early"), "dialog"),
    (SALES_MANAGER, None, ("b2b_contract_close_wizard_view_form", "action_close",
                           "Close the Contract"), "close"),
    (SALES_MANAGER, "open_contract", ("b2b_contract_liquidation_view_form",
                                      "%(action_report_b2b_contract_liquidation)d",
                                      "Print Liquidation Minutes"), "download"),
    # no target in the period before (the wizard's default: this month's)
    (SALES_MANAGER, "kpi_copy", ("b2b_kpi_target_copy_view_form", "action_copy", "Copy"),
     "refused"),

    # ---- the project manager
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "%(b2b_phase_action_project)d", "Phases"),
     "opens:b2b.phase"),
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "%(b2b_resource_line_action_project)d", None),
     "opens:b2b.resource.line"),
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "%(b2b_weekly_goal_action_project)d", "Weekly Goals"),
     "opens:b2b.weekly.goal"),
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "%(b2b_question_action_project)d", None),
     "opens:b2b.question"),
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "%(b2b_delivery_report_action_project)d", None),
     "opens:b2b.delivery.report"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_acceptance",
                                  "%(b2b_acceptance_action)d", "Acceptance"),
     "opens:b2b.acceptance"),
    (PROJECT_MANAGER, "project", ("project_project_review_view_form",
                                  "%(b2b_sales_delivery.b2b_review_action_project)d",
                                  None), "opens:b2b.review"),
    (PROJECT_MANAGER, "project", ("project_project_view_form", "action_reset_agreement",
                                  "Ask Everyone Again"), "done"),
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "action_acknowledge_agreement",
                                  "I Agree to the Plan"), "refused"),  # not in the team
    (PROJECT_MANAGER, "project", ("project_project_view_form",
                                  "action_preview_delivery_report", "Send Report"),
     "dialog"),
    (PROJECT_MANAGER, "project", ("project_project_view_form", "action_schedule_review",
                                  "Schedule Review"), "opens:calendar.event"),
    (PROJECT_MANAGER, "project_order_delivery", (
        "sale_order_view_form_delivery", "action_view_projects", None),
     "opens:project.project"),
    (PROJECT_MANAGER, "phase", ("b2b_phase_view_form", "action_start", "Start"),
     "state:in_progress"),
    (PROJECT_MANAGER, "phase", ("b2b_phase_view_form", "action_to_accept",
                                "Ready for Acceptance"), "state:to_accept"),
    (PROJECT_MANAGER, "phase", ("b2b_phase_view_form", "%(project_task_action_phase)d",
                                None), "opens:project.task"),
    (PROJECT_MANAGER, "phase", ("b2b_phase_view_form_acceptance",
                                "action_view_acceptances", None),
     "opens:b2b.acceptance"),
    (PROJECT_MANAGER, "phase", ("b2b_phase_view_form_acceptance",
                                "action_request_acceptance", "Request Acceptance"),
     "opens:b2b.acceptance"),
    (PROJECT_MANAGER, "phase2", ("b2b_phase_view_form", "action_start_anyway",
                                 "Start Anyway"), "state:in_progress"),
    (PROJECT_MANAGER, "minutes", ("b2b_acceptance_view_form", "action_preview_send",
                                  "Send by Email"), "dialog"),
    (PROJECT_MANAGER, None, ("b2b_mail_preview_view_form", "action_send", "Send"),
     "close"),
    (PROJECT_MANAGER, "minutes", ("b2b_acceptance_view_form", "action_preview_send",
                                  "Send Again"), "dialog"),
    (PROJECT_MANAGER, "minutes", ("b2b_acceptance_view_form",
                                  "%(action_report_b2b_acceptance)d", "Print"),
     "download"),
    (PROJECT_MANAGER, "rejected_minutes", ("b2b_acceptance_view_form", "action_draft",
                                           "Back to Draft"), "state:draft"),
    (PROJECT_MANAGER, "report", ("b2b_delivery_report_view_form", "action_preview_send",
                                 "Send to Customer"), "dialog"),
    (PROJECT_MANAGER, None, ("b2b_mail_preview_view_form", "action_send", "Send"),
     "close"),
    (PROJECT_MANAGER, "report", ("b2b_delivery_report_view_form",
                                 "action_preview_send_again", "Send Again"), "dialog"),
    (PROJECT_MANAGER, "report", ("b2b_delivery_report_view_form", "action_print", "Print"),
     "download"),
    (PROJECT_MANAGER, "question", ("b2b_question_view_form", "action_answer",
                                   "Mark Answered"), "state:answered"),
    (PROJECT_MANAGER, "question", ("b2b_question_view_form", "action_reopen", "Reopen"),
     "state:open"),
    (PROJECT_MANAGER, "review", ("b2b_review_view_form", "action_hold", "Held"),
     "state:held"),
    (PROJECT_MANAGER, "review2", ("b2b_review_view_form", "action_cancel", "Cancel"),
     "state:cancelled"),
    (PROJECT_MANAGER, "goal", ("b2b_weekly_goal_view_form", "action_done", "Done"),
     "state:done"),
    (PROJECT_MANAGER, "goal", ("b2b_weekly_goal_view_form", "action_reset", "Reopen"),
     "state:todo"),
    (PROJECT_MANAGER, "goal", ("b2b_weekly_goal_view_form", "action_missed", "Missed"),
     "state:missed"),

    # ---- the accountant
    (ACCOUNTANT, "installment", ("b2b_payment_plan_line_view_form",
                                 "%(action_report_b2b_payment_request)d",
                                 "Print Payment Request"), "download"),
    (ACCOUNTANT, "installment", ("b2b_payment_plan_line_view_form", "action_invoice",
                                 "Create Invoice"), "state:invoiced"),
    (ACCOUNTANT, "installment", ("b2b_payment_plan_line_view_form",
                                 "action_view_invoice", None),
     "opens:account.invoice"),
)

# The buttons no user sees: made invisible by the view that replaces them.
HIDDEN = {
    ("b2b_contract_view_form", "action_done", "Done"): "b2b_contract_liquidation_view_form",
}

# The buttons not clicked yet, with why.
PENDING = {
    ("sale_order_view_form_project", "%(b2b_project_create_wizard_action)d",
     "Create Delivery Project"): "on the sales order's own form, shown to a project "
    "manager who also has sales rights (a project manager alone is refused the "
    "form: it reads the invoices); the project manager's journey clicks the same "
    "button on the delivery form",
    ("sale_order_view_form_project", "action_view_projects", None):
        "on the sales order's own form, as above; clicked on the delivery form",
}

# The buttons the roles' journeys click: (file, the text it clicks them by).
JOURNEYS = {
    ("crm_lead_view_form", "action_log_call", "Log a Call"):
        ("test_salesperson.py", "Ghi cuộc gọi"),
    ("b2b_log_call_wizard_view_form", "action_log", "Log"): ("test_salesperson.py", "Ghi"),
    ("sale_order_view_form_scope", "action_preview_scope", "Send the Scope"):
        ("test_salesperson.py", "Gửi phạm vi"),
    ("crm_lead_view_form", "action_force_stage", "Force Stage"):
        ("test_sales_manager.py", "Force Stage"),
    ("b2b_stage_force_wizard_view_form", "action_force", "Force"):
        ("test_sales_manager.py", "Force"),
    ("sale_order_view_form_delivery", "%(b2b_project_create_wizard_action)d",
     "Create Delivery Project"): ("test_project_manager.py", "Create Delivery Project"),
    ("b2b_project_create_wizard_view_form", "action_create", "Create and Open"):
        ("test_project_manager.py", "Create and Open"),
    ("project_project_view_form", "%(action_report_delivery_plan)d",
     "Print Customer Plan"): ("test_project_manager.py", "Print Customer Plan"),
    ("project_project_view_form", "action_create_upsell", "Follow-up Opportunity"):
        ("test_project_manager.py", "Follow-up Opportunity"),
    ("b2b_acceptance_view_form", "button_accept", "Record Acceptance"):
        ("test_project_manager.py", "Record Acceptance"),
    ("b2b_acceptance_view_form", "button_reject", "Record Rejection"):
        ("test_project_manager.py", "Record Rejection"),
}
