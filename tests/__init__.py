# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_checkpoint_kinds,
    test_checkpoints,
    test_delivery_plan,
    test_delivery_project,
    test_payment_accounting,
    test_payment_plan,
    test_payment_receivable,
    test_payment_reminder,
    test_payment_rpc,
    test_payment_utils,
    test_pipeline,
    test_plan_dates,
    test_rpc,
    test_stakeholders,
    test_touchpoints,
)
