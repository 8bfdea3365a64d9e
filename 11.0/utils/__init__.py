# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain functions of the business rules that need no database."""
