-- Polls in posts and decisions (proposals) in spaces. post_id / record_page_id point into the stream's and the
-- wiki's tables and have no foreign key on purpose: modules own their tables.

create table polls (
    id           bigint generated always as identity primary key,
    post_id      bigint not null unique,
    space_id     bigint not null references spaces (id) on delete cascade,
    author_id    bigint not null references users (id),
    multiple     boolean not null,
    anonymous    boolean not null,
    -- AFTER_VOTE: a voter sees the results at once; AFTER_CLOSE: everybody sees them once the deadline passed
    results      text not null check (results in ('AFTER_VOTE', 'AFTER_CLOSE')),
    closes_at    timestamptz not null,
    created_at   timestamptz not null default now()
);

create table poll_options (
    id       bigint generated always as identity primary key,
    poll_id  bigint not null references polls (id) on delete cascade,
    position int not null,
    label    text not null check (length(label) between 1 and 200),
    unique (poll_id, position)
);

-- The voter is stored for anonymous polls too (one vote per person, replaceable), but never shown.
create table poll_votes (
    poll_id   bigint not null references polls (id) on delete cascade,
    option_id bigint not null references poll_options (id) on delete cascade,
    user_id   bigint not null references users (id) on delete cascade,
    voted_at  timestamptz not null default now(),
    primary key (poll_id, user_id, option_id)
);
create index poll_votes_option_idx on poll_votes (option_id);

create table decisions (
    id                   bigint generated always as identity primary key,
    space_id             bigint not null references spaces (id) on delete cascade,
    proposer_id          bigint not null references users (id),
    title                text not null check (length(title) between 1 and 200),
    context              text not null default '',
    context_html         text not null default '',
    kind                 text not null check (kind in ('OPTIONS', 'CONSENT')),
    audience             text not null check (audience in ('SPACE', 'PEOPLE', 'UNIT')),
    unit_id              bigint,
    deadline             timestamptz not null,
    -- percentage of the people asked who must answer for a valid outcome
    quorum               int check (quorum between 1 and 100),
    status               text not null default 'OPEN' check (status in ('OPEN', 'DECIDED', 'WITHDRAWN')),
    outcome              text,
    outcome_detail       text,
    closed_at            timestamptz,
    record_page_id       bigint,
    record_url           text,
    announcement_post_id bigint,
    reminded_day_at      timestamptz,
    reminded_hour_at     timestamptz,
    created_at           timestamptz not null default now()
);
create index decisions_space_idx on decisions (space_id, status, created_at desc, id desc);
create index decisions_due_idx on decisions (deadline) where status = 'OPEN';

create table decision_options (
    id          bigint generated always as identity primary key,
    decision_id bigint not null references decisions (id) on delete cascade,
    position    int not null,
    label       text not null check (length(label) between 1 and 200),
    unique (decision_id, position)
);

-- Who is asked, fixed when the decision is proposed
create table decision_asked (
    decision_id bigint not null references decisions (id) on delete cascade,
    user_id     bigint not null references users (id) on delete cascade,
    primary key (decision_id, user_id)
);
create index decision_asked_user_idx on decision_asked (user_id);

-- One answer per person: an option (OPTIONS) or a position (CONSENT), replaced while the decision is open
create table decision_answers (
    decision_id bigint not null references decisions (id) on delete cascade,
    user_id     bigint not null references users (id) on delete cascade,
    option_id   bigint references decision_options (id) on delete cascade,
    position    text check (position in ('AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK')),
    reason      text not null default '' check (length(reason) <= 2000),
    answered_at timestamptz not null default now(),
    primary key (decision_id, user_id),
    check (num_nonnulls(option_id, position) = 1)
);
