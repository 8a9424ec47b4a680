-- Idempotency: old keys are found and forgotten by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
-- The hash of the answer an answer key came with, so that the same key with another
-- answer is refused (NULL: answered before this was recorded).
ALTER TABLE case_requests ADD COLUMN answer_hash TEXT;
-- Likewise for a payment's request id.
ALTER TABLE payments ADD COLUMN request_hash TEXT;
-- Who uploaded a file still waiting for its application, as a salted hash of the
-- client's address (crate::attachments); cleared when a case claims the file.
ALTER TABLE attachments ADD COLUMN client_tag TEXT;
CREATE INDEX attachments_unclaimed_by_client ON attachments(client_tag, created_at)
    WHERE case_number IS NULL;
