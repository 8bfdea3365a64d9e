# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import b2b_kpi_achievement, b2b_kpi_event, b2b_lead_stage_time, b2b_skill_matrix
