# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import test_install
from . import test_skeleton
from . import test_http
from . import test_vietnamese
from . import test_crm_checkpoints
from . import test_crm_touchpoints
from . import test_crm_security
from . import test_crm_performance
from . import test_kpi_periods
from . import test_kpi
from . import test_kpi_access
from . import test_skill
from . import test_contract
from . import test_scope
from . import test_scope_change
from . import test_scope_http
from . import test_scope_report
from . import test_scope_utils
from . import test_plan_dates
from . import test_delivery_plan
from . import test_delivery_project
from . import test_delivery_report
