# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_kpi_report
from . import b2b_kpi_achievement
from . import b2b_skill_matrix
from . import b2b_receivable_report
from . import b2b_contract_liquidation
