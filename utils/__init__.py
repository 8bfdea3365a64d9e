# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rules that need no database, as plain functions with their own fast tests."""
from . import plan_dates, steps
