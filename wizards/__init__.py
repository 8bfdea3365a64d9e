# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
from . import b2b_confirmation_email_wizard
from . import b2b_scope_unlock_wizard
