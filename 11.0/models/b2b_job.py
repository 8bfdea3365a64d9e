# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scheduled actions that survive one bad record."""
import logging

from psycopg2.extensions import TransactionRollbackError

from odoo import _

_logger = logging.getLogger(__name__)


def failure_message(error):
    """What went wrong, in words a user can act on."""
    return getattr(error, "name", None) or str(error) or repr(error)


def run_each(records, step, job_name, user_of, target_of=None):
    """Run ``step(record)`` for each record in its own savepoint.

    A record that fails is rolled back alone, logged, and becomes an
    activity for ``user_of(record)`` on ``target_of(record)`` (default: the
    record), ``job_name`` saying which job; the others run. Returns the
    records that succeeded.
    """
    done = records.browse()
    env = records.env
    for record in records:
        env[record._name].recompute()
        try:
            with env.cr.savepoint():
                step(record)
                env[record._name].recompute()
        except TransactionRollbackError:
            raise  # a concurrent update: the job runs again later
        except Exception as error:  # pylint: disable=broad-except
            _logger.exception("%s failed for %s", job_name, record)
            env.clear()
            report_failure(
                record, job_name, error, user_of(record),
                target_of(record) if target_of else record,
            )
        else:
            done |= record
    return done


def report_failure(record, job_name, error, user, target):
    """The failure of ``job_name`` on ``record`` as an activity of ``user``
    on ``target`` (a document with activities)."""
    env = record.env
    if not target or "activity_ids" not in target._fields:
        _logger.error("%s failed for %s: %s", job_name, record,
                      failure_message(error))
        return False
    return env["mail.activity"]._b2b_schedule(
        target.sudo(),
        _("%s failed") % job_name,
        _("%(job)s failed on %(record)s: %(error)s") % {
            "job": job_name, "record": record.sudo().display_name,
            "error": failure_message(error),
        },
        user,
    )
