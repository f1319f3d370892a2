-- Dashboards, the public organizer profile and personal data (issue 10).

-- Page views per event and day: a counter, nothing about the visitor (no cookie, no address).
CREATE TABLE event_page_views (
    event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    day       date NOT NULL,
    views     integer NOT NULL DEFAULT 0 CHECK (views >= 0),
    PRIMARY KEY (event_id, day)
);

-- The public organizer profile: a display name (the full name stays private) and up to 3 links.
ALTER TABLE users
    ADD COLUMN display_name text CHECK (length(display_name) BETWEEN 1 AND 80),
    ADD COLUMN profile_links text[] NOT NULL DEFAULT '{}' CHECK (cardinality(profile_links) <= 3),
    -- Set when the person deleted their account: the row stays (ids in logs and past events point
    -- to it) but holds nothing personal.
    ADD COLUMN erased_at timestamptz,
    ADD CONSTRAINT users_erased_is_deleted CHECK (erased_at IS NULL OR deleted_at IS NOT NULL);

-- Guests' personal data is erased a while after their event (see platform_settings); this marks
-- the rows the retention job has done.
ALTER TABLE event_participants ADD COLUMN anonymised_at timestamptz;
CREATE INDEX event_participants_guests_to_erase ON event_participants (event_id)
    WHERE user_id IS NULL AND anonymised_at IS NULL;

-- Dashboard: an account's registrations by event date is served by event_participants_user;
-- organizer statistics read participants per event (event_participants_event_status) and
-- tickets per event (below).
CREATE INDEX IF NOT EXISTS tickets_event_checked_in ON tickets (event_id, checked_in_at)
    WHERE checked_in_at IS NOT NULL;

-- Global search: organizers by display name or full name, accents and case ignored.
CREATE INDEX users_organizer_name_trgm ON users
    USING gin ((lower(immutable_unaccent(coalesce(display_name, full_name)))) gin_trgm_ops)
    WHERE organizer_slug IS NOT NULL AND deleted_at IS NULL;
