# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon's views, and who clicks it in the browser.

``CLICKS`` drives ``test_every_button.py``: each role's narrowest user opens
the record (made by its ``records`` fixture) in the state where the button
shows, clicks it once and sees the outcome. ``JOURNEYS`` lists the buttons
a role's journey already clicks (the file and the text it clicks them by),
``HIDDEN`` the buttons an inheriting view replaces or makes invisible for
everyone, ``PENDING`` the buttons not clicked yet, each with its reason. The
unit test ``tests/test_every_button_listed.py`` parses the addon's views and
fails when a button is in no list: a new button cannot come without a click.

A button is ``(view, name, label)``: the view's xml id (in the addon), the
button's ``name`` as written in the view, its ``string`` (None without).

A click is ``(role, record, button, outcome)``:

- ``record``: a key of the records the test made, opened first (in a
  form, or a list for a list's button); ``None`` for a button of the
  dialog the click before opened;
- ``outcome``: ``state:<value>`` the status bar shows the state; ``done``
  the step is taken, the form stays; ``dialog`` a dialog (wizard or mail
  composer) opens; ``close`` the dialog closes (a wizard's button);
  ``download`` a PDF comes; ``opens:<model>`` the screen shows that
  model's records; ``url:<path>`` the browser goes to that page;
  ``refused`` a refusal dialog says why, naming the record (never an error
  with a traceback); ``confirm:<outcome>`` a question first, answered Ok.
"""

# role: the login of its narrowest user (tests_browser/seed.py, and the
# project manager and the accountant made by test_every_button.py)
SALESPERSON, SALES_MANAGER = "b2b_thu", "b2b_lan"
PROJECT_MANAGER, ACCOUNTANT = "b2b_btn_pm", "b2b_btn_accountant"

CLICKS = (
    # ---- the salesperson: an opportunity, its touchpoints and approvals
    (SALESPERSON, "lead", ("crm_lead_view_form_committee", "action_view_touchpoints", None),
     "opens:b2b.touchpoint"),
    (SALESPERSON, "lead", ("crm_lead_view_form_committee", "action_view_risks", None),
     "opens:b2b.risk"),
    (SALESPERSON, "lead", ("crm_lead_view_form_contract", "action_view_proposals", None),
     "opens:b2b.proposal"),
    (SALESPERSON, "lead", ("crm_lead_view_form_contract", "action_view_b2b_contracts", None),
     "opens:b2b.contract"),
    (SALESPERSON, "lead", ("crm_lead_view_form_committee", "action_mark_held", "Held"),
     "done"),
    (SALESPERSON, "lead", ("crm_lead_view_form_decision", "action_approve", "Approved"),
     "done"),
    (SALESPERSON, "lead", ("crm_lead_view_form_decision", "action_reset_pending",
                           "Reset to Pending"), "done"),
    (SALESPERSON, "lead", ("crm_lead_view_form_decision", "action_reject", "Rejected"),
     "done"),
    (SALESPERSON, "lead", ("crm_lead_view_form_contract", "action_create_b2b_contract",
                           "New Contract"), "opens:b2b.contract"),
    (SALESPERSON, "meeting", ("b2b_touchpoint_view_form", "action_mark_held",
                              "Mark as Held"), "done"),
    (SALESPERSON, "meetings", ("b2b_touchpoint_view_tree", "action_mark_held", "Held"),
     "done"),
    # a proposal sent: declined only on the customer's mail; another
    # answered by mail: accepted, its quotation made and listed
    (SALESPERSON, "proposal", ("b2b_proposal_view_form", "action_decline", "Decline"),
     "refused"),
    (SALESPERSON, "accepted_proposal", ("b2b_proposal_view_form", "action_accept", "Accept"),
     "state:accepted"),
    (SALESPERSON, "accepted_proposal", ("b2b_proposal_view_form", "action_open_quotation",
                                        "Create Quotation"), "opens:sale.order"),
    (SALESPERSON, "accepted_proposal", ("b2b_proposal_view_form", "action_view_quotations",
                                        None), "opens:sale.order"),
    # the scope of a quotation: sent, its confirmation waits for the mail
    (SALESPERSON, "scope_order", ("sale_order_view_form_scope", "action_open_scope_composer",
                                  "Send Scope"), "dialog"),
    (SALESPERSON, "sent_order", ("sale_order_view_form_scope", "action_confirm_scope",
                                 "Record Customer's Mail Confirmation"), "confirm:refused"),
    (SALESPERSON, "changed_order", ("sale_order_view_form_scope",
                                    "action_view_change_requests", None),
     "opens:b2b.change.request"),
    # change requests: one sent, one sent again and waiting for the mail
    (SALESPERSON, "change", ("b2b_change_request_view_form", "action_open_composer", "Send"),
     "dialog"),
    (SALESPERSON, "change2", ("b2b_change_request_view_form", "action_open_composer",
                              "Send Again"), "dialog"),
    (SALESPERSON, "change2", ("b2b_change_request_view_form", "action_approve",
                              "Record Customer's Mail Approval"), "confirm:refused"),
    (SALESPERSON, "change2", ("b2b_change_request_view_form", "action_reject",
                              "Record Customer's Mail Rejection"), "confirm:refused"),
    # a contract through its states, another liquidated
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_view_orders", None),
     "opens:sale.order"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_sign", "Sign"),
     "state:signed"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_cancel", "Cancel"),
     "state:cancel"),
    (SALESPERSON, "contract", ("b2b_contract_view_form", "action_draft", "Reset to Draft"),
     "state:draft"),
    (SALESPERSON, "delivered_contract", ("b2b_contract_view_form", "action_view_projects",
                                         None), "opens:project.project"),
    (SALESPERSON, "ready_contract", ("b2b_contract_view_form_liquidation",
                                     "action_open_close_wizard", "Close the Contract"),
     "dialog"),
    (SALESPERSON, None, ("b2b_contract_close_wizard_view_form", "action_confirm",
                         "Liquidate and Print the Minutes"), "download"),
    # a confirmed order: its project, its installments invoiced
    (SALESPERSON, "confirmed_order", ("sale_order_view_form", "action_create_delivery_project",
                                      "Create Delivery Project"), "done"),
    (SALESPERSON, "billed_order", ("sale_order_view_form_payment_plan",
                                   "action_invoice_payment_plan_open",
                                   "Invoice Installments"), "opens:account.move"),
    (SALESPERSON, "billed_order2", ("sale_order_view_form_payment_plan", "action_invoice_open",
                                    "Invoice"), "opens:account.move"),

    # ---- the sales manager
    (SALES_MANAGER, "locked_order", ("sale_order_view_form_scope", "action_open_scope_unlock",
                                     "Unlock Scope"), "dialog"),
    (SALES_MANAGER, None, ("b2b_scope_unlock_wizard_view_form", "action_unlock", "Unlock"),
     "close"),
    (SALES_MANAGER, "gated_order", ("sale_order_view_form_scope_waiver",
                                    "action_open_scope_waiver", "Waive Scope Gate"),
     "dialog"),
    (SALES_MANAGER, None, ("b2b_scope_waiver_wizard_view_form", "action_waive", "Waive"),
     "close"),
    # no target in the period typed
    (SALES_MANAGER, "kpi_copy", ("b2b_kpi_target_copy_view_form", "action_copy", "Copy"),
     "refused"),

    # ---- the project manager: the delivery project
    (PROJECT_MANAGER, "project", ("project_project_view_form", "action_view_phases", None),
     "opens:b2b.phase"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_acceptance",
                                  "action_view_acceptances", None), "opens:b2b.acceptance"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_questions",
                                  "action_view_b2b_questions", None), "opens:b2b.question"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_review", "action_view_reviews",
                                  None), "opens:b2b.review"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_review",
                                  "action_view_b2b_reports", None), "opens:project.update"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_delivery",
                                  "action_view_weekly_goals", None),
     "opens:b2b.weekly.goal"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_risk", "action_view_b2b_risks",
                                  None), "opens:b2b.risk"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_review",
                                  "action_b2b_schedule_reviews", "Schedule Reviews"), "done"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_delivery", "action_b2b_sync_team",
                                  "Ask the Team"), "done"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_delivery", "action_b2b_agree_plan",
                                  "Agree to the Plan"), "done"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_delivery",
                                  "action_create_upsell_lead", "Follow-up Opportunity"),
     "confirm:done"),
    (PROJECT_MANAGER, "project", ("project_project_view_form_review",
                                  "action_b2b_prepare_report", "Prepare Customer Report"),
     "opens:project.update"),
    # the phase and its acceptance minutes: sent, rejected, back to draft
    (PROJECT_MANAGER, "phase", ("b2b_phase_view_form_acceptance", "action_view_acceptances",
                                None), "opens:b2b.acceptance"),
    (PROJECT_MANAGER, "minutes", ("b2b_acceptance_view_form", "action_record_answer",
                                  "Record the Answer"), "dialog"),
    (PROJECT_MANAGER, None, ("b2b_acceptance_answer_wizard_view_form", "action_confirm",
                             "Record"), "close"),
    (PROJECT_MANAGER, "minutes", ("b2b_acceptance_view_form", "action_draft",
                                  "Back to Draft"), "state:draft"),
    (PROJECT_MANAGER, "minutes", ("b2b_acceptance_view_form", "action_preview_acceptance",
                                  "Preview"), "url:/report/html/"),
    # a question answered and reopened
    (PROJECT_MANAGER, "question", ("b2b_question_view_form", "action_open_answer_wizard",
                                   "Answer"), "dialog"),
    (PROJECT_MANAGER, None, ("b2b_question_answer_wizard_view_form", "action_answer",
                             "Answer"), "close"),
    (PROJECT_MANAGER, "question", ("b2b_question_view_form", "action_reopen", "Reopen"),
     "state:open"),
    # reviews: one held, one cancelled
    (PROJECT_MANAGER, "review", ("b2b_review_view_form", "action_hold", "Hold"),
     "state:held"),
    (PROJECT_MANAGER, "review2", ("b2b_review_view_form", "action_cancel", "Cancel"),
     "confirm:state:cancelled"),
    # weekly goals, on their form and in their list
    (PROJECT_MANAGER, "goal", ("b2b_weekly_goal_view_form", "action_done", "Done"),
     "state:done"),
    (PROJECT_MANAGER, "goal", ("b2b_weekly_goal_view_form", "action_reopen", "Reopen"),
     "state:todo"),
    (PROJECT_MANAGER, "goal", ("b2b_weekly_goal_view_form", "action_missed", "Missed"),
     "state:missed"),
    (PROJECT_MANAGER, "goals", ("b2b_weekly_goal_view_list", "action_done", "Done"), "done"),
    (PROJECT_MANAGER, "goals2", ("b2b_weekly_goal_view_list", "action_missed", "Missed"),
     "done"),
    # the report to the customer: reviewed, back, reviewed again, sent, printed
    (PROJECT_MANAGER, "report", ("project_update_view_form_b2b_report",
                                 "action_b2b_mark_reviewed", "Mark Reviewed"), "done"),
    (PROJECT_MANAGER, "report", ("project_update_view_form_b2b_report",
                                 "action_b2b_reset_draft", "Back to Review"), "done"),
    (PROJECT_MANAGER, "reviewed_report", ("project_update_view_form_b2b_report",
                                          "action_b2b_send_compose", "Send by Email"),
     "dialog"),
    (PROJECT_MANAGER, "reviewed_report", ("project_update_view_form_b2b_report",
                                          "action_b2b_print", "Print"), "download"),

    # ---- the accountant: installments due, invoiced from their form and list
    (ACCOUNTANT, "installment", ("b2b_payment_plan_line_view_form", "action_invoice_open",
                                 "Invoice"), "opens:account.move"),
    (ACCOUNTANT, "installments", ("b2b_payment_plan_line_view_tree", "action_invoice_open",
                                  "Invoice"), "opens:account.move"),
)

# The buttons no user sees: {button: the inheriting view that replaces it
# or makes it invisible}.
HIDDEN = {
    ("b2b_contract_view_form", "action_done", "Done"): "b2b_contract_view_form_liquidation",
}

# The buttons not clicked yet: {button: why}.
PENDING = {
    ("project_project_view_form_delivery", "action_view_upsell_leads", None):
        "shown with Sales rights only (the follow-up opportunities open in CRM) "
        "on the project's form, which needs Project rights: none of the four "
        "roles has both",
    ("res_config_settings_view_form", "%(b2b_checkpoint_action)d", "Stage Checkpoints"):
        "on the CRM settings page, which only the administrator (Settings "
        "rights) opens; none of the four roles does",
}

# The buttons the roles' journeys click: {button: (file, the text it clicks
# them by)}.
JOURNEYS = {
    ("crm_lead_view_form_committee", "action_log_call", "Log a Call"):
        ("test_salesperson.py", "button[name=action_log_call]"),
    ("b2b_log_call_wizard_view_form", "action_log", "Log"):
        ("test_salesperson.py", "button[name=action_log]"),
    ("crm_lead_view_form_proposal", "action_new_b2b_proposal", "New Proposal"):
        ("test_salesperson.py", "button[name=action_new_b2b_proposal]"),
    ("b2b_proposal_view_form", "action_send", "Send"):
        ("test_salesperson.py", "button[name=action_send]"),
    ("b2b_proposal_view_form", "action_revise", "Revise"):
        ("test_salesperson.py", "button[name=action_revise]"),
    ("crm_lead_view_form", "action_force_stage", "Force Stage"):
        ("test_sales_manager.py", "button[name=action_force_stage]"),
    ("b2b_stage_force_wizard_view_form", "action_force", "Force"):
        ("test_sales_manager.py", "button[name=action_force]"),
    ("b2b_phase_view_form", "action_start", "Start"):
        ("test_project_manager.py", "button[name=action_start]"),
    ("b2b_phase_view_form", "action_to_accept", "Ready for Acceptance"):
        ("test_project_manager.py", "button[name=action_to_accept]"),
    ("b2b_phase_view_form_acceptance", "action_request_acceptance", "Request Acceptance"):
        ("test_project_manager.py", "button[name=action_request_acceptance]"),
    ("b2b_acceptance_view_form", "action_send_wizard", "Send by Email"):
        ("test_project_manager.py", "button[name=action_send_wizard]"),
    ("project_project_view_form_team_gate", "action_open_plan_waiver", "Waive the Agreement"):
        ("test_project_manager.py", "button[name=action_open_plan_waiver]"),
    ("b2b_plan_waiver_wizard_view_form", "action_waive", "Waive"):
        ("test_project_manager.py", "button[name=action_waive]"),
}
