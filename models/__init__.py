# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    b2b_checkpoint,
    b2b_checkpoint_stakeholder,
    b2b_checkpoint_tick,
    b2b_checkpoint_touchpoint,
    b2b_phase,
    b2b_risk,
    b2b_stakeholder,
    b2b_touchpoint,
    calendar_event,
    crm_lead,
    crm_lead_committee,
    crm_stage,
    crm_team,
    mail_activity,
    project_milestone,
    project_project,
    project_task,
    res_config_settings,
    sale_order,
    sale_order_line,
)
