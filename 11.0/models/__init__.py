# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_state_columns_mixin
# Part A, win the customer: the opportunity, its committee, touchpoints,
# risks and the stage checkpoints.
from . import b2b_step_mixin
from . import b2b_job
from . import b2b_contract
from . import b2b_contract_liquidation
from . import b2b_phase
from . import b2b_risk
from . import b2b_touchpoint
from . import crm_lead
from . import crm_lead_checkpoint
from . import crm_lead_pipeline
from . import crm_lead_contract
from . import crm_lead_team_win
from . import crm_lead_upsell
from . import ir_translation
from . import b2b_stakeholder
from . import b2b_checkpoint
from . import crm_stage
from . import crm_team
from . import crm_stage_guidance
from . import crm_lead_stage_time
from . import crm_stage_upsell
from . import mail_activity
from . import calendar_event
# Indicators, targets and skills.
from . import b2b_kpi_target
from . import res_users
from . import b2b_skill
# Proposal, contract, scope locked with the customer, change requests.
from . import b2b_mail_preview_mixin
from . import b2b_confirmation_link_mixin
from . import sale_order_contract
from . import sale_order_committee
from . import sale_order_project
from . import sale_order_scope
from . import sale_order_line_scope
from . import b2b_scope_item
from . import b2b_change_request
from . import b2b_change_request_decision
# Part B, deliver: the project, its plan, team, reviews and reports.
from . import project_project
from . import project_project_team
from . import project_project_review
from . import project_project_upsell
from . import project_task
from . import b2b_resource_line
from . import b2b_weekly_goal
from . import b2b_question
from . import b2b_team_agreement
from . import b2b_delivery_report
from . import b2b_review
from . import b2b_delivery_mixin
# Customer dates from the confirmed timeline, internal dates earlier.
from . import project_project_timeline
from . import project_task_timeline
from . import b2b_phase_timeline
from . import b2b_scope_item_timeline
from . import sale_order_timeline
# Acceptance and payment.
from . import b2b_acceptance
from . import b2b_acceptance_customer
from . import b2b_phase_acceptance
from . import b2b_phase_order
from . import sale_order_phase
from . import b2b_contract_payment_plan
from . import b2b_change_request_payment_plan
from . import project_project_acceptance
from . import b2b_payment_plan_line
from . import sale_order_payment_plan
from . import b2b_payment_plan_line_scope
from . import b2b_payment_reminder_level
from . import b2b_payment_reminder
from . import account_invoice
from . import account_invoice_order_total
from . import ir_sequence
from . import account_move
from . import account_payment
from . import res_company
from . import res_partner_customer_locale
from . import res_currency
from . import res_config_settings
from . import res_config_settings_pipeline
from . import ir_qweb
from . import b2b_input_check
