"""On PostgreSQL, make the database itself refuse to rewrite or delete audit entries.

Only ``actor_id`` may change, to NULL, when a user account is removed (ON DELETE SET NULL);
``actor_name`` keeps the author. SQLite relies on the model and queryset guards, because the
test runner empties its tables with DELETE between transactional tests.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'The audit trail is append-only.';
    END IF;
    IF (NEW.id, NEW.at, NEW.actor_name, NEW.action, NEW.model, NEW.object_id,
        NEW.object_repr, NEW.changes::text, NEW.reason)
       IS DISTINCT FROM
       (OLD.id, OLD.at, OLD.actor_name, OLD.action, OLD.model, OLD.object_id,
        OLD.object_repr, OLD.changes::text, OLD.reason)
       OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id) THEN
        RAISE EXCEPTION 'The audit trail is append-only.';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""


def _run(sql: str):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
