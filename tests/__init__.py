# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_acceptance,
    test_acceptance_http,
    test_change_request,
    test_checkpoint_kinds,
    test_checkpoints,
    test_contract,
    test_delivery_plan,
    test_delivery_project,
    test_kpi,
    test_kpi_periods,
    test_pipeline,
    test_plan_dates,
    test_rpc,
    test_scope,
    test_scope_http,
    test_scope_lock,
    test_scope_rpc,
    test_stakeholders,
    test_touchpoints,
    test_vietnamese_views,
)
