-- Meetral data model. English identifiers, timestamptz everywhere, CHECK constraints for enums,
-- soft delete with partial unique indexes, an index for every catalogue filter.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can feed generated columns and indexes.
CREATE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- French full-text search that ignores accents ("evenement" finds "événement").
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;

CREATE TABLE users (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    email_verified_at   timestamptz,
    password_hash       text,                          -- NULL for accounts that only use an external identity
    full_name           text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    phone_number        text CHECK (length(phone_number) <= 20),
    locale              text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    role                text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin')),
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    suspended_until     timestamptz,
    suspension_reason   text CHECK (length(suspension_reason) <= 1000),
    organizer_slug      text CHECK (organizer_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    bio                 text CHECK (length(bio) <= 1000),
    avatar_key          text,
    totp_secret         bytea,
    totp_enabled_at     timestamptz,
    trusted_organizer   boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    deleted_at          timestamptz,
    CHECK (status <> 'suspended' OR suspension_reason IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_organizer_slug_unique ON users (organizer_slug) WHERE deleted_at IS NULL;
CREATE INDEX users_role_status ON users (role, status) WHERE deleted_at IS NULL;

-- External identities (OAuth / OpenID Connect) can be attached later without reshaping users.
CREATE TABLE user_identities (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    text NOT NULL CHECK (length(provider) BETWEEN 1 AND 50),
    subject     text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- Single-use tokens (email verification, password reset, email change) stored hashed.
CREATE TABLE user_tokens (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    token_hash  bytea NOT NULL UNIQUE,
    new_email   text,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_tokens_user ON user_tokens (user_id, purpose);

CREATE TABLE categories (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_fr     text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 60),
    name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    position    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX categories_slug_unique ON categories (slug) WHERE deleted_at IS NULL;

-- The seed's event types; admins manage the list later.
INSERT INTO categories (slug, name_fr, name_en, position) VALUES
    ('formation',  'Formation',  'Training',    1),
    ('networking', 'Networking', 'Networking',  2),
    ('lancement',  'Lancement',  'Launch',      3),
    ('culturel',   'Culturel',   'Culture',     4),
    ('promotion',  'Promotion',  'Promotion',   5),
    ('webinaire',  'Webinaire',  'Webinar',     6),
    ('autre',      'Autre',      'Other',       7);

CREATE TABLE events (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug                    text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    organizer_id            bigint NOT NULL REFERENCES users (id),
    category_id             bigint NOT NULL REFERENCES categories (id),
    title                   text NOT NULL CHECK (length(title) BETWEEN 3 AND 120),
    summary                 text NOT NULL DEFAULT '' CHECK (length(summary) <= 280),
    description_md          text NOT NULL DEFAULT '' CHECK (length(description_md) <= 20000),
    status                  text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'cancelled')),
    status_reason           text CHECK (length(status_reason) <= 2000),
    visibility              text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted')),
    attendance_mode         text NOT NULL DEFAULT 'in_person' CHECK (attendance_mode IN ('in_person', 'online', 'hybrid')),
    starts_at               timestamptz NOT NULL,
    ends_at                 timestamptz NOT NULL,
    time_zone               text NOT NULL DEFAULT 'Europe/Paris' CHECK (length(time_zone) BETWEEN 1 AND 64),
    venue_name              text CHECK (length(venue_name) <= 120),
    address_line            text CHECK (length(address_line) <= 200),
    postal_code             text CHECK (length(postal_code) <= 12),
    city                    text CHECK (length(city) <= 80),
    country_code            char(2) NOT NULL DEFAULT 'FR',
    latitude                double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude               double precision CHECK (longitude BETWEEN -180 AND 180),
    online_url              text CHECK (online_url ~ '^https://' AND length(online_url) <= 500),
    price_cents             integer NOT NULL DEFAULT 0 CHECK (price_cents BETWEEN 0 AND 10000000),
    currency                char(3) NOT NULL DEFAULT 'EUR',
    capacity                integer CHECK (capacity > 0),
    seats_taken             integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
    max_seats_per_registration integer NOT NULL DEFAULT 1 CHECK (max_seats_per_registration BETWEEN 1 AND 20),
    registration_deadline   timestamptz,
    waitlist_enabled        boolean NOT NULL DEFAULT false,
    free_food               boolean NOT NULL DEFAULT false,
    free_food_details       text CHECK (length(free_food_details) <= 280),
    dietary_tags            text[] NOT NULL DEFAULT '{}'
                            CHECK (dietary_tags <@ ARRAY['vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free']::text[]),
    cover_image_key         text,
    cover_image_alt         text CHECK (length(cover_image_alt) <= 200),
    organizer_notify        text NOT NULL DEFAULT 'each' CHECK (organizer_notify IN ('each', 'daily', 'none')),
    reminder_offsets_min    integer[] NOT NULL DEFAULT '{1440,120}',
    cancellation_cutoff_min integer NOT NULL DEFAULT 0 CHECK (cancellation_cutoff_min >= 0),
    view_count              bigint NOT NULL DEFAULT 0,
    submitted_at            timestamptz,
    published_at            timestamptz,
    cancelled_at            timestamptz,
    cancellation_message    text CHECK (length(cancellation_message) <= 2000),
    hidden_at               timestamptz,       -- hidden pending review after reports
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    deleted_at              timestamptz,
    search_vector           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce(city, '') || ' ' || coalesce(venue_name, '')), 'B') ||
        setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce(description_md, '')), 'C')
    ) STORED,
    CHECK (ends_at > starts_at),
    CHECK (capacity IS NULL OR seats_taken <= capacity),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (attendance_mode = 'online' OR city IS NOT NULL),
    CHECK (attendance_mode = 'in_person' OR online_url IS NOT NULL),
    CHECK (free_food OR free_food_details IS NULL)
);
CREATE UNIQUE INDEX events_slug_unique ON events (slug) WHERE deleted_at IS NULL;
CREATE INDEX events_organizer ON events (organizer_id, starts_at DESC);
-- The catalogue reads only public, published, visible events: every filter index is partial on that.
CREATE INDEX events_catalogue_start ON events (starts_at)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_category ON events (category_id, starts_at)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_free_food ON events (starts_at)
    WHERE free_food AND status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_free_price ON events (starts_at)
    WHERE price_cents = 0 AND status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_mode ON events (attendance_mode, starts_at)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_city ON events (lower(immutable_unaccent(city)), starts_at)
    WHERE status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_catalogue_geo ON events (latitude, longitude)
    WHERE latitude IS NOT NULL AND status = 'published' AND visibility = 'public' AND deleted_at IS NULL AND hidden_at IS NULL;
CREATE INDEX events_search ON events USING gin (search_vector);
CREATE INDEX events_title_trgm ON events USING gin (lower(immutable_unaccent(title)) gin_trgm_ops);
CREATE INDEX events_moderation_queue ON events (submitted_at) WHERE status = 'pending_review' AND deleted_at IS NULL;

CREATE TABLE event_images (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('cover', 'flyer')),
    storage_key  text NOT NULL,
    alt_text     text NOT NULL CHECK (length(alt_text) BETWEEN 1 AND 200),
    widths       integer[] NOT NULL DEFAULT '{}',
    position     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_images_event ON event_images (event_id, position);

-- Co-organizers invited to check people in or manage an event.
CREATE TABLE event_organizers (
    event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        text NOT NULL DEFAULT 'checkin' CHECK (role IN ('checkin', 'manager')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_organizers_user ON event_organizers (user_id);

-- A registration (with or without an account). One per email and event while not cancelled.
CREATE TABLE event_participants (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id            bigint NOT NULL REFERENCES events (id),
    user_id             bigint REFERENCES users (id),
    email               text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    full_name           text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    phone_number        text CHECK (length(phone_number) <= 20),
    locale              text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    status              text NOT NULL DEFAULT 'registered'
                        CHECK (status IN ('registered', 'waitlisted', 'offered', 'cancelled')),
    seats               integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 20),
    answers             jsonb NOT NULL DEFAULT '{}',
    manage_token_hash   bytea UNIQUE,
    consent_at          timestamptz NOT NULL DEFAULT now(),
    waitlisted_at       timestamptz,
    offer_expires_at    timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    cancelled_at        timestamptz,
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL)
);
CREATE UNIQUE INDEX event_participants_one_per_email ON event_participants (event_id, lower(email))
    WHERE status <> 'cancelled';
CREATE INDEX event_participants_user ON event_participants (user_id, created_at DESC);
CREATE INDEX event_participants_waitlist ON event_participants (event_id, waitlisted_at)
    WHERE status = 'waitlisted';

CREATE TABLE tickets (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text NOT NULL UNIQUE CHECK (length(code) >= 22),   -- >= 128 random bits, base64url
    event_id            bigint NOT NULL REFERENCES events (id),
    participant_id      bigint NOT NULL REFERENCES event_participants (id),
    attendee_name       text NOT NULL CHECK (length(attendee_name) BETWEEN 1 AND 100),
    status              text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'used', 'cancelled')),
    checked_in_at       timestamptz,
    checked_in_by       bigint REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    cancelled_at        timestamptz,
    CHECK ((status = 'used') = (checked_in_at IS NOT NULL))
);
CREATE INDEX tickets_event_status ON tickets (event_id, status);
CREATE INDEX tickets_participant ON tickets (participant_id);

CREATE TABLE moderation_actions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    moderator_id    bigint REFERENCES users (id),     -- NULL for automated decisions
    event_id        bigint REFERENCES events (id),
    target_user_id  bigint REFERENCES users (id),
    action          text NOT NULL CHECK (action IN ('approve', 'reject', 'request_changes', 'auto_approve',
                        'auto_flag', 'hide', 'unhide', 'suspend_user', 'restore_user', 'delete_event',
                        'restore_event', 'delete_user', 'dismiss_reports')),
    reason          text CHECK (length(reason) <= 2000),
    risk_score      integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (event_id IS NOT NULL OR target_user_id IS NOT NULL)
);
CREATE INDEX moderation_actions_event ON moderation_actions (event_id, created_at DESC);
CREATE INDEX moderation_actions_user ON moderation_actions (target_user_id, created_at DESC);

CREATE TABLE reports (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id            bigint NOT NULL REFERENCES events (id),
    reporter_user_id    bigint REFERENCES users (id),
    reporter_email      text CHECK (length(reporter_email) <= 254),
    reason              text NOT NULL CHECK (reason IN ('spam', 'fraud', 'inappropriate', 'misleading_food',
                            'wrong_information', 'other')),
    details             text NOT NULL DEFAULT '' CHECK (length(details) <= 2000),
    status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    resolved_at         timestamptz,
    resolved_by         bigint REFERENCES users (id)
);
CREATE INDEX reports_open_by_event ON reports (event_id, created_at) WHERE status = 'open';

CREATE TABLE notifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id    bigint REFERENCES events (id),
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 50),
    payload     jsonb NOT NULL DEFAULT '{}',
    link        text,
    read_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_recent ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE notification_preferences (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 50),
    by_email    boolean NOT NULL DEFAULT true,
    in_app      boolean NOT NULL DEFAULT true,
    PRIMARY KEY (user_id, kind)
);

CREATE TABLE activity_logs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_user_id   bigint REFERENCES users (id),
    action          text NOT NULL CHECK (length(action) BETWEEN 1 AND 80),
    target_type     text CHECK (length(target_type) <= 40),
    target_id       bigint,
    details         jsonb NOT NULL DEFAULT '{}',       -- before/after for admin actions; never secrets
    ip_address      inet,
    request_id      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_logs_actor ON activity_logs (actor_user_id, created_at DESC);
CREATE INDEX activity_logs_target ON activity_logs (target_type, target_id, created_at DESC);
CREATE INDEX activity_logs_recent ON activity_logs (created_at DESC);

-- Transactional outbox: written in the same transaction as its cause, sent by a worker after commit.
CREATE TABLE email_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key  text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    to_address       text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
    locale           text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    template         text NOT NULL CHECK (length(template) BETWEEN 1 AND 60),
    payload          jsonb NOT NULL DEFAULT '{}',
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX email_outbox_failed ON email_outbox (created_at DESC) WHERE status = 'failed';

-- Scheduled jobs (reminders, waitlist expiry, retention). dedupe_key makes scheduling idempotent.
CREATE TABLE jobs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
    dedupe_key  text UNIQUE,
    payload     jsonb NOT NULL DEFAULT '{}',
    run_at      timestamptz NOT NULL,
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text,
    done_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;

CREATE TABLE contact_messages (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint REFERENCES users (id),
    full_name   text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    subject     text NOT NULL CHECK (length(subject) BETWEEN 1 AND 150),
    message     text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
    locale      text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    handled_at  timestamptz
);
CREATE INDEX contact_messages_open ON contact_messages (created_at) WHERE handled_at IS NULL;

CREATE TABLE settings (
    key         text PRIMARY KEY CHECK (key ~ '^[a-z0-9_.]+$'),
    value       jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  bigint REFERENCES users (id)
);

-- Sessions: the table layout tower-sessions' PostgreSQL store expects, plus the user-facing list of
-- signed-in devices (so a session can be shown and revoked).
CREATE SCHEMA IF NOT EXISTS tower_sessions;
CREATE TABLE tower_sessions.session (
    id           text PRIMARY KEY NOT NULL,
    data         bytea NOT NULL,
    expiry_date  timestamptz NOT NULL
);
CREATE INDEX session_expiry ON tower_sessions.session (expiry_date);

CREATE TABLE user_sessions (
    session_id    text PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip_address    inet,
    user_agent    text CHECK (length(user_agent) <= 500),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX user_sessions_user ON user_sessions (user_id, last_seen_at DESC) WHERE revoked_at IS NULL;
