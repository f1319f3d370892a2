-- A counter of writes that can change the catalogue: the servers keep a catalogue page for a couple of
-- seconds and only while this counter has not moved (app/src/discovery/server/cache.rs). A sequence, not a
-- row: bumping it takes no lock, so registrations on different events never wait on each other. Bumped at
-- commit (deferred) so that a reader rarely sees the new number before the new rows.
CREATE SEQUENCE catalogue_changes;

CREATE FUNCTION bump_catalogue_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('catalogue_changes');
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER events_catalogue_changes
  AFTER INSERT OR UPDATE OR DELETE ON events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_changes();

CREATE CONSTRAINT TRIGGER categories_catalogue_changes
  AFTER INSERT OR UPDATE OR DELETE ON categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_changes();
