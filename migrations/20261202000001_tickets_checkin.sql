-- Registration, waitlist and check-in (issue 8).

-- Up to five questions the organizer asks at registration: [{"label": "…", "choices": ["…", …]}]
-- (no choices: a short text answer). Answers live in event_participants.answers, keyed by position.
ALTER TABLE events
    ADD COLUMN registration_questions jsonb NOT NULL DEFAULT '[]'
        CHECK (jsonb_typeof(registration_questions) = 'array' AND jsonb_array_length(registration_questions) <= 5),
    -- How long a freed seat stays held for the next person on the waitlist.
    ADD COLUMN waitlist_offer_min integer NOT NULL DEFAULT 1440 CHECK (waitlist_offer_min BETWEEN 30 AND 10080);

-- The offer link of a waitlisted person (hash only; the token travels in their mail).
ALTER TABLE event_participants ADD COLUMN offer_token_hash bytea UNIQUE;
CREATE INDEX event_participants_offers_due ON event_participants (offer_expires_at) WHERE status = 'offered';
-- The participants page searches by name and email and counts per status.
CREATE INDEX event_participants_event_status ON event_participants (event_id, status, created_at);
CREATE INDEX event_participants_name_trgm ON event_participants
    USING gin (lower(immutable_unaccent(full_name || ' ' || email)) gin_trgm_ops);
CREATE INDEX tickets_attendee_trgm ON tickets USING gin (lower(immutable_unaccent(attendee_name)) gin_trgm_ops);

-- Co-organizer invitations: a link mailed to an address; whoever signs in and opens it joins the door team.
CREATE TABLE event_invitations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    email        text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    role         text NOT NULL DEFAULT 'checkin' CHECK (role IN ('checkin', 'manager')),
    token_hash   bytea NOT NULL UNIQUE,
    invited_by   bigint NOT NULL REFERENCES users (id),
    expires_at   timestamptz NOT NULL,
    accepted_by  bigint REFERENCES users (id),
    accepted_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_invitations_event ON event_invitations (event_id, created_at DESC);

-- Messages an organizer sent to all participants (rate limit and history).
CREATE TABLE event_messages (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    sender_id   bigint NOT NULL REFERENCES users (id),
    subject     text NOT NULL CHECK (length(subject) BETWEEN 3 AND 120),
    body        text NOT NULL CHECK (length(body) BETWEEN 10 AND 5000),
    recipients  integer NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_messages_event ON event_messages (event_id, created_at DESC);
