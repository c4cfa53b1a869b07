--liquibase formatted sql

--changeset ailock:014-attachment-retention
--comment: Buyers' attachments are purged when their transfer's access period ends (expires_at), like the key envelope: the ciphertext is deleted from the store under a lease (purge_leased_at), then the row is marked purged_at; the row stays for the record.
ALTER TABLE dist_transfer_attachments ADD COLUMN purge_leased_at timestamptz;
ALTER TABLE dist_transfer_attachments ADD COLUMN purged_at timestamptz;
CREATE INDEX dist_transfer_attachments_unpurged ON dist_transfer_attachments (transfer_id) WHERE purged_at IS NULL;
