# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_contract
from . import b2b_phase
from . import b2b_risk
from . import b2b_touchpoint
from . import crm_lead
from . import project_project
from . import sale_order
from . import project_task
from . import b2b_resource_line
from . import b2b_weekly_goal
from . import b2b_question
from . import b2b_team_agreement
from . import b2b_delivery_report
from . import b2b_delivery_mixin
