# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_contract
from . import b2b_phase
from . import b2b_risk
from . import b2b_touchpoint
from . import crm_lead
from . import project_project
from . import sale_order
from . import b2b_acceptance
from . import b2b_payment_plan_line
from . import b2b_payment_reminder_level
from . import b2b_payment_reminder
from . import account_invoice
from . import res_company
from . import res_config_settings
