# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_checkpoint_kinds,
    test_checkpoints,
    test_contract,
    test_delivery_plan,
    test_delivery_project,
    test_kpi,
    test_kpi_periods,
    test_kpi_rpc,
    test_pipeline,
    test_plan_dates,
    test_rpc,
    test_stakeholders,
    test_touchpoints,
)
