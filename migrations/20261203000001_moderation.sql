-- Moderation and the back-office: automated checks with a risk score, editable word and domain lists,
-- platform settings, report threshold hiding, sanctions (events of suspended or deleted organizers
-- hidden), partner labels.

-- "Changes requested" is its own state: the organizer edits and submits again.
ALTER TABLE events DROP CONSTRAINT events_status_check;
ALTER TABLE events ADD CONSTRAINT events_status_check
    CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'changes_requested', 'cancelled'));

-- The automated checks' verdict at the last submission, shown to moderators.
ALTER TABLE events
    ADD COLUMN risk_score   integer CHECK (risk_score BETWEEN 0 AND 100),
    ADD COLUMN risk_reasons jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN reviewed_at  timestamptz,
    ADD COLUMN reviewed_by  bigint REFERENCES users (id),
    -- Why it is hidden: too many reports, its organizer suspended or deleted, or a moderator.
    ADD COLUMN hidden_reason text CHECK (hidden_reason IN ('reports', 'organizer', 'moderator'));
ALTER TABLE events ADD CONSTRAINT events_hidden_has_reason CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL));
CREATE INDEX events_moderation_risk ON events (risk_score DESC, submitted_at)
    WHERE status = 'pending_review' AND deleted_at IS NULL;
CREATE INDEX events_hidden ON events (hidden_at) WHERE hidden_at IS NOT NULL;
-- Admin lists: by status and date, by organizer (events_organizer exists), deleted ones.
CREATE INDEX events_admin_status ON events (status, starts_at DESC);
CREATE INDEX events_deleted ON events (deleted_at) WHERE deleted_at IS NOT NULL;
-- The burst check counts a new account's submissions of the last day.
CREATE INDEX events_submissions_by_organizer ON events (organizer_id, submitted_at) WHERE submitted_at IS NOT NULL;

ALTER TABLE moderation_actions DROP CONSTRAINT moderation_actions_action_check;
ALTER TABLE moderation_actions ADD CONSTRAINT moderation_actions_action_check
    CHECK (action IN ('approve', 'reject', 'request_changes', 'auto_approve', 'auto_flag', 'hide', 'unhide',
                      'suspend_user', 'restore_user', 'delete_event', 'restore_event', 'delete_user',
                      'dismiss_reports', 'resubmit'));
ALTER TABLE moderation_actions ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
CREATE INDEX moderation_actions_recent ON moderation_actions (created_at DESC);

-- Forbidden words (per language) and blocked link domains, edited by admins.
CREATE TABLE moderation_terms (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('word_fr', 'word_en', 'domain')),
    term        text NOT NULL CHECK (length(term) BETWEEN 2 AND 80 AND term = lower(term)),
    created_by  bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, term)
);
INSERT INTO moderation_terms (kind, term) VALUES
    ('word_fr', 'arnaque'), ('word_fr', 'argent facile'), ('word_fr', 'gagnez de l''argent'),
    ('word_fr', 'crypto garantie'), ('word_fr', 'pyramide'), ('word_fr', 'casino'), ('word_fr', 'viagra'),
    ('word_fr', 'escort'), ('word_fr', 'porno'), ('word_fr', 'connard'), ('word_fr', 'salope'),
    ('word_en', 'get rich quick'), ('word_en', 'easy money'), ('word_en', 'guaranteed returns'),
    ('word_en', 'casino'), ('word_en', 'viagra'), ('word_en', 'escort'), ('word_en', 'porn'),
    ('word_en', 'bitch'), ('word_en', 'wire transfer only'),
    ('domain', 'bit.ly'), ('domain', 'tinyurl.com'), ('domain', 'goo.gl'), ('domain', 't.ly'),
    ('domain', 'grabify.link'), ('domain', 'iplogger.org');

-- One row of settings (typed in `admin::model::PlatformSettings`; missing keys take their defaults).
CREATE TABLE platform_settings (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    settings    jsonb NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  bigint REFERENCES users (id)
);
INSERT INTO platform_settings DEFAULT VALUES;

-- A report counts once per person (account, or hashed address for visitors) while it is open.
ALTER TABLE reports ADD COLUMN reporter_key text NOT NULL DEFAULT '' CHECK (length(reporter_key) <= 100);
CREATE UNIQUE INDEX reports_one_open_per_reporter ON reports (event_id, reporter_key)
    WHERE status = 'open' AND reporter_key <> '';
CREATE INDEX reports_recent ON reports (status, created_at DESC);
ALTER TABLE reports ADD COLUMN locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en'));

-- Labels an admin gives events (FreeFood is built in; partners such as "Partenaire Ville de Lyon").
CREATE TABLE labels (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
    name_fr         text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 60),
    name_en         text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    description_fr  text NOT NULL DEFAULT '' CHECK (length(description_fr) <= 280),
    description_en  text NOT NULL DEFAULT '' CHECK (length(description_en) <= 280),
    built_in        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX labels_slug_unique ON labels (slug) WHERE deleted_at IS NULL;
INSERT INTO labels (slug, name_fr, name_en, description_fr, description_en, built_in) VALUES
    ('freefood', 'FreeFood', 'FreeFood',
     'On vous offre à manger ou à grignoter sur place.', 'Food or snacks are offered on site.', true);

CREATE TABLE event_labels (
    event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    label_id    bigint NOT NULL REFERENCES labels (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, label_id)
);
CREATE INDEX event_labels_label ON event_labels (label_id);

-- Admin lists of users: newest first, search by name or email.
CREATE INDEX users_recent ON users (created_at DESC);
CREATE INDEX users_name_email_trgm ON users USING gin ((lower(full_name || ' ' || email)) gin_trgm_ops);

-- Announcements an admin sends to a segment of users (each mail goes through the outbox).
CREATE TABLE announcements (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id   bigint NOT NULL REFERENCES users (id),
    segment     text NOT NULL CHECK (segment IN ('all', 'organizers', 'participants', 'staff')),
    subject     text NOT NULL CHECK (length(subject) BETWEEN 3 AND 120),
    body        text NOT NULL CHECK (length(body) BETWEEN 3 AND 5000),
    recipients  integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);
