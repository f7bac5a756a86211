-- Questions and answers. A question lives in a space (space_id set) or is company-wide (space_id null: readable by
-- every active member or administrator, never by guests, like profile posts).
create table questions (
    id                 bigint generated always as identity primary key,
    space_id           bigint references spaces (id) on delete cascade,
    author_id          bigint not null references users (id) on delete cascade,
    title              text not null check (length(title) between 1 and 200),
    body               text not null default '' check (length(body) <= 20000),
    body_html          text not null default '',
    tags               text[] not null default '{}',
    accepted_answer_id bigint,
    answer_count       int not null default 0,
    vote_count         int not null default 0,
    created_at         timestamptz not null default now(),
    edited_at          timestamptz
);
create index questions_space_idx on questions (space_id, created_at desc, id desc);
create index questions_created_idx on questions (created_at desc, id desc);
create index questions_tags_idx on questions using gin (tags);

create table question_answers (
    id          bigint generated always as identity primary key,
    question_id bigint not null references questions (id) on delete cascade,
    author_id   bigint not null references users (id) on delete cascade,
    body        text not null check (length(body) between 1 and 20000),
    body_html   text not null,
    vote_count  int not null default 0,
    created_at  timestamptz not null default now(),
    edited_at   timestamptz,
    -- the wiki page this answer was turned into (the page keeps a link back to the question)
    wiki_page_id bigint,
    wiki_url     text
);
create index question_answers_question_idx on question_answers (question_id);
create index question_answers_author_idx on question_answers (author_id);

alter table questions add constraint questions_accepted_fk
    foreign key (accepted_answer_id) references question_answers (id) on delete set null;

create table question_answer_comments (
    id         bigint generated always as identity primary key,
    answer_id  bigint not null references question_answers (id) on delete cascade,
    author_id  bigint not null references users (id) on delete cascade,
    body       text not null check (length(body) between 1 and 2000),
    body_html  text not null,
    created_at timestamptz not null default now()
);
create index question_answer_comments_answer_idx on question_answer_comments (answer_id, created_at, id);

-- One up-vote per person and question / answer: voting twice changes nothing.
create table question_votes (
    question_id bigint not null references questions (id) on delete cascade,
    user_id     bigint not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (question_id, user_id)
);
create table answer_votes (
    answer_id  bigint not null references question_answers (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (answer_id, user_id)
);
