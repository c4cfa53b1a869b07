--liquibase formatted sql

--changeset ailock:009-content-reports
--comment: Buyers' content reports (plan §8 malware/moderation checks) are rows of dist_content_checks; one per transfer and kind.
CREATE UNIQUE INDEX dist_content_checks_report
  ON dist_content_checks ((reports ->> 'transfer_id'), (reports ->> 'kind')) WHERE (reports ->> 'transfer_id') IS NOT NULL;
