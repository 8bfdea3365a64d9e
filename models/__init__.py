# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    b2b_checkpoint,
    b2b_checkpoint_tick,
    b2b_phase,
    crm_lead,
    crm_stage,
    crm_team,
    project_milestone,
    project_project,
    project_task,
    res_config_settings,
    sale_order,
    sale_order_line,
)
