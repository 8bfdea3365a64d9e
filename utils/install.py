# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The addon's columns on Odoo's big tables (crm_lead, sale_order,
project_task ...), created so that installing on a loaded database does not
touch every row.

Odoo's ``_auto_init`` creates a new column empty, then fills it row by row:
``_init_column`` writes the field's default with one ``UPDATE`` of the whole
table (every row rewritten, every index updated), and a stored computed
field is computed in Python for every record. Called from a model's
``_auto_init`` before ``super()``, these helpers create the column first, so
that Odoo finds it there and leaves the rows alone:

- ``add_columns_with_default``: ``ALTER TABLE ... ADD COLUMN ... DEFAULT``
  with the field's constant default, which PostgreSQL (11+) records in its
  catalog without rewriting the table, then ``DROP DEFAULT`` (new rows get
  their value from the ORM, as before). Every existing row reads the
  default, exactly what ``_init_column`` would have written.
- ``add_computed_column``: the column, and the computation of the field
  marked only for the rows a condition names (the others' value is empty).
"""

from odoo.tools import SQL, sql


def add_columns_with_default(model, field_names):
    """Create the columns of ``field_names`` (stored fields of ``model``
    with a constant default) that do not exist yet, existing rows reading
    the default."""
    cr = model.env.cr
    if not sql.table_exists(cr, model._table):
        return  # a new table: Odoo creates it, with no rows to fill
    columns = sql.table_columns(cr, model._table)
    for name in field_names:
        if name in columns:
            continue
        field = model._fields[name]
        value = field.convert_to_column_insert(
            field.convert_to_write(field.default(model), model), model
        )
        cr.execute(SQL(
            "ALTER TABLE %(table)s ADD COLUMN %(column)s %(type)s DEFAULT %(value)s;"
            " ALTER TABLE %(table)s ALTER COLUMN %(column)s DROP DEFAULT;"
            " COMMENT ON COLUMN %(commented)s IS %(comment)s",
            table=SQL.identifier(model._table),
            column=SQL.identifier(name),
            type=SQL(field.column_type[1]),
            value=value,
            commented=SQL.identifier(model._table, name),
            comment=field.string,
        ))


def add_computed_column(model, field_name, where):
    """Create the column of the stored computed ``field_name`` if it does
    not exist yet, and mark for computation only the existing rows of the
    table meeting ``where`` (an ``SQL`` condition: the compute gives the
    others an empty value, the column's NULL)."""
    cr = model.env.cr
    if not sql.table_exists(cr, model._table) or sql.column_exists(
        cr, model._table, field_name
    ):
        return
    field = model._fields[field_name]
    sql.create_column(cr, model._table, field_name, field.column_type[1], field.string)
    cr.execute(SQL("SELECT id FROM %s WHERE %s", SQL.identifier(model._table), where))
    records = model.browse(row[0] for row in cr.fetchall())
    if records:
        model.env.add_to_compute(field, records)
