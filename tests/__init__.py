# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_checkpoint_kinds,
    test_checkpoints,
    test_pipeline,
    test_rpc,
    test_stakeholders,
    test_touchpoints,
)
