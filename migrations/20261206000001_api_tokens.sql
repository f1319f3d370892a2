-- Personal access tokens for the REST API (/api/v1): made and revoked in the profile, shown once.
-- Only the SHA-256 of the secret is kept; `prefix` (its first characters) lets the owner tell them apart.
CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    prefix        text NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
    token_hash    bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    scopes        text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 3
                                         AND scopes <@ ARRAY['read', 'write', 'checkin']),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    expires_at    timestamptz,
    revoked_at    timestamptz
);
-- The profile's list (live tokens of one account) and the per-account cap.
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at DESC) WHERE revoked_at IS NULL;
