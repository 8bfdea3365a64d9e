# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    b2b_acceptance_portal,
    b2b_question_portal,
    change_request_portal,
    scope_portal,
)
