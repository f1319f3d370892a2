-- Webhooks for organizers: endpoints they register, and each delivery (the outbox of HTTP calls the
-- worker makes, with retries) kept as the delivery log they see.
CREATE TABLE webhook_endpoints (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url         text NOT NULL CHECK (length(url) BETWEEN 10 AND 500 AND url ~ '^https?://'),
    -- HMAC-SHA256 key, sent to the organizer once; needed in clear to sign.
    secret      text NOT NULL CHECK (length(secret) BETWEEN 32 AND 100),
    events      text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 4 AND events <@ ARRAY[
                    'registration.created', 'registration.cancelled', 'checkin.created', 'event.status_changed']),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_user ON webhook_endpoints (user_id, created_at DESC);

CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id      bigint NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type       text NOT NULL,
    payload          jsonb NOT NULL,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz
);
-- The worker's queue, and each endpoint's log (newest first).
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
