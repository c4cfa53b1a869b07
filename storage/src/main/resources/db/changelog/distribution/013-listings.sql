--liquibase formatted sql

--changeset ailock:013-listings
--comment: products-list and transfers-list page newest first by (created_at, id). The party indexes of 003 led with (ailock, status), which no query used; they become (ailock, created_at, id), so a page is an index range scan, and a transfer update still maintains the same number of indexes.
DROP INDEX dist_product_transfers_seller;
DROP INDEX dist_product_transfers_buyer;
CREATE INDEX dist_product_transfers_seller ON dist_product_transfers (from_ailock_id, created_at DESC, id DESC);
CREATE INDEX dist_product_transfers_buyer ON dist_product_transfers (to_ailock_id, created_at DESC, id DESC);
