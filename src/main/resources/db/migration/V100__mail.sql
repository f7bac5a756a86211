-- E-mail (mail module). Outgoing mails wait in a durable outbox until a cluster-wide job has sent them.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    user_id         bigint references users (id) on delete cascade,
    to_address      text not null,
    kind            text not null check (kind in ('NOTIFICATION', 'DIGEST', 'ANSWER')),
    subject         text not null,
    text_body       text not null,
    html_body       text,
    reply_to        text,
    -- the one-click unsubscribe URL (List-Unsubscribe, RFC 8058); null for mails nobody subscribed to
    unsubscribe_url text,
    -- answers to incoming mail are marked auto-replied so that other robots do not answer them (RFC 3834)
    auto_reply      boolean not null default false,
    status          text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_status_idx on mail_outbox (status);

-- Addresses that refused mail permanently (5xx) or bounced: nothing more is sent to them. Lower-cased.
create table mail_addresses (
    address    text primary key check (address = lower(address)),
    status     text not null check (status in ('FAILED', 'BOUNCING')),
    reason     text not null,
    updated_at timestamptz not null default now()
);

-- Generated secrets (the HMAC key of reply and unsubscribe tokens when kontor.mail.token-secret is not set)
create table mail_secrets (
    name       text primary key,
    value      text not null,
    created_at timestamptz not null default now()
);

-- Digest per person: DAILY or WEEKLY at an hour of their time zone; no row means no digest
create table mail_digest_preferences (
    user_id      bigint primary key references users (id) on delete cascade,
    frequency    text not null check (frequency in ('DAILY', 'WEEKLY')),
    hour         int not null check (hour between 0 and 23),
    zone         text not null,
    last_sent_at timestamptz,
    next_due_at  timestamptz not null
);
create index mail_digest_due_idx on mail_digest_preferences (next_due_at);

-- Incoming mails already handled, by Message-ID: written in the same transaction as their effect (a comment, a
-- post, an answer), so a mail is never handled twice even when the poller dies before flagging it \Seen
create table mail_inbound (
    message_id   text primary key,
    sender       text,
    outcome      text not null,
    processed_at timestamptz not null default now()
);

-- Post-by-email: space+<token>@<reply domain>; a new token replaces the old address
create table mail_space_addresses (
    space_id   bigint primary key references spaces (id) on delete cascade,
    token      text not null unique,
    created_at timestamptz not null default now()
);
