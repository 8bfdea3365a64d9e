# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_log_call_wizard
from . import b2b_stage_force_wizard
from . import b2b_stakeholder_contact_wizard
from . import b2b_kpi_target_copy
from . import b2b_confirmation_email_wizard
from . import b2b_scope_unlock_wizard
from . import b2b_project_create_wizard
from . import b2b_contract_close_wizard
from . import sale_advance_payment_inv
from . import account_register_payments
from . import b2b_mail_preview
from . import b2b_scope_waiver_wizard
