-- Accounts and security: terms acceptance, TOTP replay guard, one-time recovery codes, and the IP of
-- activity logged at sign-in.

ALTER TABLE users ADD COLUMN terms_accepted_at timestamptz;
-- The last 30-second TOTP step accepted: a code is never accepted twice.
ALTER TABLE users ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD CONSTRAINT users_totp_consistent CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);

-- One-time recovery codes for two-factor sign-in, stored as SHA-256 digests (each holds 50 random bits).
CREATE TABLE user_recovery_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   bytea NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, code_hash)
);

-- Per-account limits count recent events of one kind for one account.
CREATE INDEX activity_logs_target_action ON activity_logs (target_id, action, created_at DESC) WHERE target_type = 'user';
CREATE INDEX user_tokens_expiry ON user_tokens (expires_at) WHERE used_at IS NULL;

-- A handle for each signed-in device, so the security page can revoke one without showing its secret id.
ALTER TABLE user_sessions ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;
