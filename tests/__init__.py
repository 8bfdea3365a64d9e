# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import test_install
from . import test_skeleton
from . import test_http
from . import test_plan_dates
from . import test_delivery_plan
from . import test_delivery_project
from . import test_delivery_report
