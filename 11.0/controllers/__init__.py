# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import scope_confirmation
from . import b2b_acceptance
from . import b2b_acceptance_portal
