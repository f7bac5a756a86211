-- Social media monitoring: sources that are polled or pushed to, topics with keyword queries, the mentions heard,
-- and the customer-service inbox around them (status, assignee, comments, answers).

-- One row: the space whose members form the monitoring team (administrators always belong to it).
create table monitoring_settings (
    id            boolean primary key default true check (id),
    team_space_id bigint references spaces (id) on delete set null,
    updated_at    timestamptz not null default now()
);
insert into monitoring_settings (id) values (true);

create table monitoring_sources (
    id              bigint generated always as identity primary key,
    -- the public, unguessable name of the source in its webhook URL
    source_key      text not null unique,
    kind            text not null check (kind in ('FEED', 'MASTODON_TAG', 'MASTODON_ACCOUNT', 'WEBHOOK')),
    name            text not null check (length(name) between 1 and 120),
    -- feed URL, or the Mastodon instance's base URL; null for webhooks
    url             text check (length(url) <= 2000),
    -- the hashtag or the account id on the instance
    target          text check (length(target) <= 200),
    -- HMAC-SHA256 key of a webhook source
    secret          text,
    interval_secs   int not null default 900 check (interval_secs between 60 and 86400),
    enabled         boolean not null default true,
    etag            text,
    last_modified   text,
    -- the newest status id seen on Mastodon (the next poll asks only for newer ones)
    since_id        text,
    next_fetch_at   timestamptz not null default now(),
    failures        int not null default 0,
    last_error      text,
    last_error_at   timestamptz,
    last_fetched_at timestamptz,
    created_by      bigint references users (id) on delete set null,
    created_at      timestamptz not null default now()
);
create index monitoring_sources_due_idx on monitoring_sources (next_fetch_at) where enabled and kind <> 'WEBHOOK';

create table monitoring_topics (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 80),
    query      text not null check (length(query) between 1 and 1000),
    -- first reaction due within this many working hours (Mon–Fri 8–17 Europe/Berlin)
    sla_hours  int not null default 4 check (sla_hours between 1 and 200),
    created_at timestamptz not null default now()
);
create unique index monitoring_topics_name_uk on monitoring_topics (lower(name));

create table monitoring_topic_followers (
    topic_id bigint not null references monitoring_topics (id) on delete cascade,
    user_id  bigint not null references users (id) on delete cascade,
    primary key (topic_id, user_id)
);

create table monitoring_mentions (
    id                 bigint generated always as identity primary key,
    source_id          bigint not null references monitoring_sources (id) on delete cascade,
    url                text,
    canonical_url      text,
    -- the external author's handle as shown publicly, nothing more
    author             text not null default '' check (length(author) <= 200),
    -- plain text; null once the retention period passed (the row stays for the figures)
    text               text,
    fingerprint        text not null,
    language           text check (language in ('de', 'en')),
    sentiment_score    real not null default 0,
    sentiment          text not null check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    sentiment_words    text not null default '',
    published_at       timestamptz not null,
    received_at        timestamptz not null default now(),
    status             text not null default 'NEW'
                       check (status in ('NEW', 'ASSIGNED', 'ANSWERED', 'CLOSED', 'IGNORED')),
    ignore_reason      text,
    assignee_user_id   bigint references users (id) on delete set null,
    assignee_space_id  bigint references spaces (id) on delete set null,
    due_at             timestamptz not null,
    first_reaction_at  timestamptz,
    reminded_at        timestamptz,
    text_deleted_at    timestamptz
);
-- the same item heard twice (another source, a repost with the same text) is stored once
create unique index monitoring_mentions_url_uk on monitoring_mentions (canonical_url);
create unique index monitoring_mentions_fingerprint_uk on monitoring_mentions (fingerprint);
create index monitoring_mentions_published_idx on monitoring_mentions (published_at desc, id desc);
create index monitoring_mentions_open_idx on monitoring_mentions (due_at) where status = 'NEW';

create table monitoring_mention_topics (
    mention_id bigint not null references monitoring_mentions (id) on delete cascade,
    topic_id   bigint not null references monitoring_topics (id) on delete cascade,
    primary key (mention_id, topic_id)
);
create index monitoring_mention_topics_topic_idx on monitoring_mention_topics (topic_id, mention_id);

create table monitoring_comments (
    id         bigint generated always as identity primary key,
    mention_id bigint not null references monitoring_mentions (id) on delete cascade,
    author_id  bigint references users (id) on delete set null,
    text       text not null check (length(text) between 1 and 5000),
    created_at timestamptz not null default now()
);
create index monitoring_comments_mention_idx on monitoring_comments (mention_id, id);

-- an answer drafted in Kontor and posted by hand on the external network, recorded as sent
create table monitoring_answers (
    id         bigint generated always as identity primary key,
    mention_id bigint not null references monitoring_mentions (id) on delete cascade,
    author_id  bigint references users (id) on delete set null,
    text       text not null check (length(text) between 1 and 5000),
    link       text check (length(link) <= 2000),
    sent_at    timestamptz not null default now()
);
create index monitoring_answers_mention_idx on monitoring_answers (mention_id, id);

-- a spike alert is sent once per topic, kind and window
create table monitoring_alerts (
    topic_id   bigint not null references monitoring_topics (id) on delete cascade,
    kind       text not null check (kind in ('VOLUME', 'NEGATIVE', 'VOLUME_DAY', 'NEGATIVE_DAY')),
    window_at  timestamptz not null,
    primary key (topic_id, kind, window_at)
);
