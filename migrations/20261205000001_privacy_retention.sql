-- Retention of personal traces: sent mails are deleted after 30 days, security-log IP addresses cleared
-- after a year, and an erased participant's organizer notices found by their participant id.
CREATE INDEX email_outbox_sent ON email_outbox (sent_at) WHERE status = 'sent';
CREATE INDEX email_outbox_organizer_participant ON email_outbox (split_part(idempotency_key, ':', 2))
    WHERE idempotency_key LIKE 'organizer:%';
CREATE INDEX activity_logs_with_ip ON activity_logs (created_at) WHERE ip_address IS NOT NULL;
