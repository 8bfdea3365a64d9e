# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import test_install
from . import test_skeleton
from . import test_http
from . import test_payment_utils
from . import test_payment_plan
from . import test_payment_reminder
from . import test_payment_receivable
from . import test_payment_concurrency
from . import test_acceptance
from . import test_acceptance_http
