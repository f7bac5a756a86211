-- A folder of the IMAP mailbox (e.g. the shared support address) as a monitoring source; its folder name is the
-- target, and since_id keeps the read position (UIDVALIDITY:last UID).
alter table monitoring_sources drop constraint monitoring_sources_kind_check;
alter table monitoring_sources add constraint monitoring_sources_kind_check
    check (kind in ('FEED', 'MASTODON_TAG', 'MASTODON_ACCOUNT', 'WEBHOOK', 'MAILBOX'));
