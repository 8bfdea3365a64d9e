# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_contract
from . import b2b_phase
from . import b2b_risk
from . import b2b_touchpoint
from . import crm_lead
from . import project_project
from . import sale_order
from . import ir_translation
from . import b2b_stakeholder
from . import b2b_checkpoint
from . import crm_stage
from . import mail_activity
from . import calendar_event
from . import b2b_kpi_target
from . import res_users
from . import b2b_skill
from . import b2b_confirmation_link_mixin
from . import sale_order_line
from . import b2b_scope_item
from . import b2b_change_request
