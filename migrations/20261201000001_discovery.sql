-- Discovery: indexes for the catalogue's other orders, and public organizer pages.

-- "Newest first" and "most popular" walk these in order and stop after a page (see docs/DISCOVERY.md).
CREATE INDEX events_catalogue_newest ON events (published_at DESC NULLS LAST)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_popular ON events (seats_taken DESC, starts_at)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;

-- Every organizer gets a public page at /organizers/{slug}: accounts that already have events get a
-- slug from their name (accents and punctuation folded) with a random tail, like new organizers do.
UPDATE users u
SET organizer_slug = coalesce(nullif(trim(BOTH '-' FROM left(
        regexp_replace(lower(immutable_unaccent(u.full_name)), '[^a-z0-9]+', '-', 'g'), 60)), ''), 'organisateur')
    || '-' || substr(md5(random()::text || u.id::text), 1, 6)
WHERE u.organizer_slug IS NULL AND u.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM events e WHERE e.organizer_id = u.id);

-- The event form refuses events longer than 31 days; the database says so too, which lets the catalogue
-- bound its scans: an event still running at T started after T − 32 days (a day of margin for
-- time-zone changes).
ALTER TABLE events ADD CONSTRAINT events_at_most_31_days CHECK (ends_at - starts_at <= interval '31 days 1 hour');

-- Typo tolerance: the words of published titles (accent-free, lower case, 4 letters or more), so a
-- misspelt query word can be replaced by its nearest known word before the full-text search; the search
-- itself then stays one GIN-indexed condition that combines with the other filters' indexes.
CREATE TABLE search_words (word text PRIMARY KEY CHECK (word ~ '^[a-z]{4,40}$'));
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);
CREATE FUNCTION remember_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(lower(immutable_unaccent(NEW.title)), '[^a-z]+') AS w
    WHERE length(w) BETWEEN 4 AND 40
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER events_title_words AFTER INSERT OR UPDATE OF title, status ON events
    FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION remember_title_words();
INSERT INTO search_words (word)
SELECT DISTINCT w FROM events, regexp_split_to_table(lower(immutable_unaccent(title)), '[^a-z]+') AS w
WHERE status = 'published' AND length(w) BETWEEN 4 AND 40
ON CONFLICT DO NOTHING;
-- Replaced by the word list.
DROP INDEX events_title_trgm;

-- Statistics of partial expression indexes are not used for estimates: without these the planner takes a
-- big city for a small one and picks the wrong plan for "text + city".
CREATE STATISTICS events_city_folded ON (lower(immutable_unaccent(city))) FROM events;

-- "Near me" in a dense area reads thousands of events by their coordinates: with the columns the filters
-- and the date order need in the index, that is an index-only scan instead of one heap page per event.
DROP INDEX events_catalogue_geo;
CREATE INDEX events_catalogue_geo ON events (latitude, longitude)
    INCLUDE (id, starts_at, ends_at, price_cents, free_food, attendance_mode, category_id)
    WHERE latitude IS NOT NULL AND status = 'published' AND visibility = 'public' AND deleted_at IS NULL
      AND hidden_at IS NULL;

-- Text and city together: one GIN scan finds the events with both (btree_gin indexes the folded city),
-- where walking the city's events in date order would check each against the text.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX events_catalogue_search_city ON events USING gin (lower(immutable_unaccent(city)), search_vector)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
