-- Event authoring: drafts kept as typed (valid or not) so closing the tab loses nothing.

CREATE TABLE event_drafts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- NULL: the organizer's next new event; otherwise unsaved edits of that event.
    event_id    bigint REFERENCES events (id) ON DELETE CASCADE,
    fields      jsonb NOT NULL CHECK (pg_column_size(fields) <= 65536),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX event_drafts_new_event ON event_drafts (user_id) WHERE event_id IS NULL;
CREATE UNIQUE INDEX event_drafts_edit ON event_drafts (user_id, event_id) WHERE event_id IS NOT NULL;

-- The organizer's own list, newest first, and co-organizer lookups.
CREATE INDEX events_organizer_recent ON events (organizer_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX event_images_kind ON event_images (event_id, kind, position);
