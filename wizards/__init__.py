# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    b2b_contract_close_wizard,
    b2b_kpi_target_copy,
    b2b_log_call_wizard,
    b2b_plan_waiver_wizard,
    b2b_scope_unlock_wizard,
    b2b_scope_waiver_wizard,
    b2b_stage_force_wizard,
    mail_compose_message_scope,
)
