"""Alembic environment, run from code only (see composer.storage.database.migrate).

The caller passes an open connection in `config.attributes["connection"]`; there is no
alembic.ini and no fileConfig, so the app's own logging stays as configured.
"""

from __future__ import annotations

from alembic import context

from composer.storage.models import Base, include_name

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Composer's migrations run from code with a connection attached")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_name=include_name,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
