-- Scheduled jobs know their event, so moving or cancelling an event finds its reminders by index.
ALTER TABLE jobs ADD COLUMN event_id bigint REFERENCES events (id) ON DELETE CASCADE;
CREATE INDEX jobs_event ON jobs (event_id, kind) WHERE event_id IS NOT NULL;

-- Optional mails refused through a one-click unsubscribe link (guests have no preferences row).
CREATE TABLE mail_opt_outs (
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    kind        text NOT NULL CHECK (kind IN ('event_reminder', 'report_update')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (email, kind),
    CHECK (email = lower(email))
);

-- Notification types are a closed list (English identifiers; French only in the UI).
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
    'registration_confirmed', 'event_reminder', 'event_changed', 'event_cancelled', 'waitlist_offer',
    'moderation_decision', 'report_update'));
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_kind_known CHECK (kind IN (
    'registration_confirmed', 'event_reminder', 'event_changed', 'event_cancelled', 'waitlist_offer',
    'moderation_decision', 'report_update'));

-- The same notification is never shown twice (senders pass the key of the mail that goes with it).
ALTER TABLE notifications ADD COLUMN dedupe_key text UNIQUE CHECK (length(dedupe_key) <= 200);
