-- Kontor benchmark data generator. Fills an empty, migrated Kontor database directly with SQL (one session,
-- serial plans, fixed seed: the same size gives the same data). Run by bench/generate.sh, which passes
--   -v posts=N -v users=N -v spaces=N -v tags=N -v tokens=N -v vocab=N
-- Shape (see bench/README.md): 5 company-wide public spaces that every employee belongs to, the rest team spaces
-- (70 % public, 20 % private, 10 % secret) with 5..200 members; a few very active people and spaces, most quiet
-- (power-law choices); 3 comments and 5 reactions per post on average, skewed; 30 % of posts tagged, 5 % mention
-- someone. Foreign-key triggers are off during the load (session_replication_role = replica) because the generator
-- derives every reference from ids it created; secondary indexes are dropped and rebuilt from their own
-- definitions afterwards, which is several times faster than maintaining them row by row.
\set ON_ERROR_STOP on
\timing on
set max_parallel_workers_per_gather = 0;
set maintenance_work_mem = '512MB';
set work_mem = '64MB';
set session_replication_role = replica;
select setseed(0.4242);

do $$ begin
    if exists (select 1 from users) or exists (select 1 from posts) then
        raise exception 'the database is not empty: generate only into a freshly migrated Kontor database';
    end if;
end $$;

-- Keep the exact index definitions of the migrations, drop them, rebuild them at the end.
create temp table bench_indexes as
select i.indexname, i.indexdef from pg_indexes i
where i.schemaname = 'public'
  and i.tablename in ('posts', 'comments', 'reactions', 'post_tags', 'mentions', 'follows', 'space_members')
  and i.indexname not in (select conname from pg_constraint where contype in ('p', 'u'));
do $$ declare r record; begin
    for r in select indexname from bench_indexes loop execute format('drop index %I', r.indexname); end loop;
end $$;

-- Vocabulary for names and texts (German demo company, DEMO.md).
create temp table words as
select array['Angebot','Kunde','Lieferung','Montage','Wartung','Prüfstand','Qualität','Termin','Projekt','Anlage',
    'Steuerung','Software','Update','Schulung','Messe','Auftrag','Rechnung','Vertrag','Feedback','Ersatzteil',
    'Produktion','Logistik','Einkauf','Vertrieb','Service','Team','Planung','Abnahme','Inbetriebnahme','Dokumentation',
    'Sicherheit','Energie','Kosten','Budget','Ziel','Ergebnis','Bericht','Protokoll','Frage','Idee','Vorschlag',
    'heute','morgen','diese','Woche','nächste','bitte','danke','prüfen','fertig','erledigt','offen','wichtig','neu',
    'läuft','wir','haben','sind','ist','und','oder','mit','für','beim','nach','vor','im','am','der','die','das',
    'ein','eine','noch','schon','gut','sehr','schnell','Kollegen','Standort','Halle','Linie','Schicht','Material',
    'Maschine','Roboter','Sensor','Antrieb','Getriebe','Spindel','Fräse','Presse','Lager','Versand','Kalkulation',
    'Angebotsphase','Kundenfeedback','Rahmenvertrag','Lieferant','Muster','Prototyp','Serie','Freigabe','Änderung',
    'Zeichnung','Stückliste','Fehler','Störung','Lösung','Analyse','Test','Version','Release','Workshop','Meeting'
    ] as w,
    array['Anna','Lukas','Katrin','Jonas','Sabine','Tobias','Julia','Stefan','Laura','Michael','Sarah','Thomas',
    'Lena','Andreas','Marie','Daniel','Sophie','Markus','Hannah','Florian','Petra','Jan','Nina','Felix','Claudia',
    'Max','Eva','Tim','Ute','Paul'] as first,
    array['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann','Koch',
    'Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Zimmermann','Braun','Krüger','Hofmann','Hartmann',
    'Lange','Schmitt','Werner','Krause','Meier','Lehmann','Albers','Lang'] as last;

-- A sentence of n random words.
create or replace function pg_temp.bench_text(n int) returns text language sql volatile as $$
    select string_agg(w[1 + floor(random() * array_length(w, 1))::int], ' ') from words, generate_series(1, n)
$$;

-- Search vocabulary (issue 7): hundreds of thousands of distinct terms, Zipf-distributed. Rank r is drawn
-- log-uniformly from 1..:vocab (P(r) ~ 1/r, Zipf with s = 1). The first ranks are real words (German for German
-- texts, English for English ones; 3 of every 10 texts are English), the rest synthetic words of 2-4 syllables.
create temp table base_words (lang text, rank int, word text, primary key (lang, rank));
insert into base_words
select 'de', i, (array['und','der','die','das','mit','für','ist','wir','nicht','auch','ein','eine','den','bitte',
    'danke','noch','schon','beim','nach','vor'] || w)[i] from words,
    generate_series(1, 20 + array_length(w, 1)) i;
insert into base_words
select 'en', i, (array['the','and','for','with','is','we','not','also','a','an','to','of','please','thanks',
    'still','already','at','after','before','on','customer','delivery','order','machine','service','quality',
    'meeting','project','update','training','contract','invoice','feedback','spare','part','maintenance',
    'production','release','test','issue','solution','report','plan','team','week','today','tomorrow','new',
    'open','done','important','fast','good','very','plant','sensor','drive','spindle','robot','line','shift'])[i]
from generate_series(1, 61) i;
create temp table vocab as
select b.lang, b.rank, b.word from base_words b
union all
select '*', r, initcap(s[1 + r % 40] || s[1 + (r / 40) % 40]
                || case when r >= 1600 then s[1 + (r / 1600) % 40] else '' end
                || case when r >= 64000 then s[1 + (r / 64000) % 40] else '' end)
from (select array['ka','ro','mel','tor','sen','bau','lin','dra','fer','gu','ne','stan','ri','vo','ler','mu','sa',
                   'ten','ber','ko','pla','ni','dur','we','zel','ha','mo','kri','en','ta','schu','li','gen','ar','be',
                   'do','wi','ster','ul','fa'] as s) x, generate_series(1, :vocab) r;
create index on vocab (rank);

-- Text pools: making every text word by word costs ~0.25 ms a row (4 minutes for size M), so posts take one of
-- 200,000 and comments one of 10,000 pre-made texts (varied length and words), chosen per row.
create temp table post_draws as
select t.n, i.i, case when t.n % 10 < 3 then 'en' else 'de' end as lang,
       least(:vocab, floor(exp(random() * ln(:vocab)))::int) as r
from generate_series(0, 199999) t(n), generate_series(1, 48) i(i)
where i.i <= 8 + (t.n * 7 % 41);
create temp table post_texts as
select d.n, string_agg(coalesce(b.word, v.word, '?'), ' ' order by d.i) as body
from post_draws d
left join base_words b on b.lang = d.lang and b.rank = d.r
left join vocab v on v.lang = '*' and v.rank = d.r and b.word is null
group by d.n;
drop table post_draws;
create unique index on post_texts (n);
create temp table comment_texts as
select g as n, pg_temp.bench_text(4 + (g * 5 % 13)) as body from generate_series(0, 9999) g;
create unique index on comment_texts (n);

insert into org_units (name) select 'Bereich ' || g from generate_series(1, 20) g;

-- Users: 1 is the admin, 2 % guests (external), the rest members.
insert into users (id, email, password_hash, display_name, role, org_unit_id, locale, job_title, created_at)
overriding system value
select g, 'u' || g || '@bench.kontor.test',
       '{bcrypt}$2b$10$kTBPVeS/CQJXMyzlymXY5eOZOFxM7VKWk5ldmctgkDjSarlmwEm2O',
       first[1 + (g * 7) % 30] || ' ' || last[1 + (g * 13 / 7) % 30] || ' ' || g,
       case when g = 1 then 'ADMIN' when g % 50 = 0 then 'GUEST' else 'MEMBER' end,
       case when g % 50 = 0 then null else 1 + g % 20 end, 'de', 'Mitarbeiter',
       now() - interval '800 days'
from words, generate_series(1, :users) g;
select setval(pg_get_serial_sequence('users', 'id'), :users);

-- Spaces 1..5 company-wide (public), the rest team spaces.
insert into spaces (id, name, description, visibility, created_by, created_at, updated_at) overriding system value
select g,
       case when g <= 5 then (array['Unternehmen','Neuigkeiten','IT-Support','Kantine','Marktplatz'])[g]
            else 'Team ' || g end,
       'Bench-Bereich ' || g,
       case when g <= 5 then 'PUBLIC' when g % 10 = 0 then 'SECRET' when g % 5 = 0 then 'PRIVATE' else 'PUBLIC' end,
       1, now() - interval '800 days', now() - interval '800 days'
from generate_series(1, :spaces) g;
select setval(pg_get_serial_sequence('spaces', 'id'), :spaces);

-- Team space sizes: 5..200, most small.
create temp table team_size as
select g as space_id, 5 + floor(195 * power(random(), 3))::int as members from generate_series(6, :spaces) g;

-- Member i of team space s is user (s*7919 + i*104729) mod users + 1: distinct for i < users because 104729 is a
-- prime that does not divide the user count; member 0 owns the space.
insert into space_members (space_id, user_id, role, joined_at, guest)
select t.space_id, ((t.space_id * 7919 + i * 104729) % :users) + 1,
       case when i = 0 then 'OWNER' when i = 1 then 'MODERATOR' else 'MEMBER' end,
       now() - interval '700 days', (((t.space_id * 7919 + i * 104729) % :users) + 1) % 50 = 0
from team_size t, generate_series(0, 199) i where i < t.members;
insert into space_members (space_id, user_id, role, joined_at, guest)
select s, u, case when u = 1 then 'OWNER' else 'MEMBER' end, now() - interval '700 days', false
from generate_series(1, 5) s, generate_series(1, :users) u where u % 50 <> 0;

-- Tags: 2k names; popularity is a power law over the tag number.
create temp table tag_names as
select g as n, lower(w[1 + g % array_length(w, 1)]) || g as tag from words, generate_series(1, :tags) g;

-- Follows: each person follows up to 5 (popular) people and up to 3 (popular) tags.
insert into follows (user_id, target_type, target_key, created_at)
select distinct u, 'USER', (1 + floor(:users * power(random(), 4))::int)::text, now() - interval '600 days'
from generate_series(1, :users) u, generate_series(1, 5) i
where true
on conflict do nothing;
delete from follows where target_type = 'USER' and target_key = user_id::text;
insert into follows (user_id, target_type, target_key, created_at)
select distinct x.u, 'TAG', t.tag, now() - interval '600 days'
from (select u, 1 + floor(:tags * power(random(), 3))::int as n
      from generate_series(1, :users) u, generate_series(1, 3) i) x
join tag_names t on t.n = x.n
on conflict do nothing;

-- Posts, oldest first (ids grow with time) over two years. 3 % on profiles, 40 % in the company-wide spaces, the
-- rest in team spaces with a power-law preference for a few busy ones. Authors are members of the space.
create temp table post_plan as
select g as id,
       now() - interval '730 days' + (interval '730 days' * g / :posts) as created_at,
       random() as r_space, random() as r_author, random() as r_comments, random() as r_reactions,
       random() as r_tag, random() as r_mention
from generate_series(1, :posts) g;

insert into posts (id, space_id, author_id, body, body_html, created_at, comment_count, reaction_count)
overriding system value
select p.id, s.space_id, s.author_id, b.body, '<p>' || b.body || '</p>', p.created_at,
       floor(9 * power(p.r_comments, 2))::int, floor(15 * power(p.r_reactions, 2))::int
from post_plan p
cross join lateral (select case when p.r_space < 0.03 then null
                                when p.r_space < 0.43 then 1 + floor(5 * power((p.r_space - 0.03) / 0.4, 2))::int
                                else 6 + floor((:spaces - 6) * power((p.r_space - 0.43) / 0.57, 3))::int end as sid) x
left join team_size t on t.space_id = x.sid
cross join lateral (select x.sid as space_id,
                           case when t.space_id is null
                                then greatest(1, floor(:users * power(p.r_author, 4))::int)
                                else ((t.space_id * 7919 + floor(t.members * power(p.r_author, 2))::int * 104729)
                                      % :users) + 1 end as author_id) s0
cross join lateral (select s0.space_id, case when t.space_id is null and s0.author_id % 50 = 0
                                             then s0.author_id - 1 else s0.author_id end as author_id) s
join post_texts b on b.n = (p.id::bigint * 7919) % 200000;
select setval(pg_get_serial_sequence('posts', 'id'), :posts);

insert into post_tags (tag, post_id, space_id, created_at)
select t.tag, p.id, x.space_id, p.created_at
from post_plan p join posts x on x.id = p.id
join tag_names t on t.n = 1 + floor(:tags * power(p.r_tag / 0.3, 3))::int
where p.r_tag < 0.3;

insert into mentions (user_id, post_id, space_id, created_at)
select 1 + floor(:users * power(p.r_mention / 0.05, 2))::int, p.id, x.space_id, p.created_at
from post_plan p join posts x on x.id = p.id
where p.r_mention < 0.05;

-- Comments: comment_count per post, by skewed authors, minutes to days after the post.
insert into comments (post_id, author_id, body, body_html, created_at)
select c.post_id, c.author_id, t.body, '<p>' || t.body || '</p>', c.created_at
from (select p.id as post_id, 1 + floor(:users * power(random(), 3))::int as author_id,
             (p.id * 31 + i * 7919) % 10000 as text_n,
             p.created_at + interval '1 minute' * (1 + i * 30 * random()) as created_at
      from posts p, generate_series(1, 8) i
      where i <= p.comment_count) c
join comment_texts t on t.n = c.text_n;

-- Reactions: reaction_count distinct people per post (same stride trick as the members), one reaction each.
insert into reactions (post_id, user_id, reaction, created_at)
select p.id, ((p.id * 7919 + i * 104729) % :users) + 1,
       (array['thumbsup','heart','tada','smile','thinking','eyes'])[1 + floor(6 * power(random(), 2))::int],
       p.created_at + interval '1 minute' * i
from posts p, generate_series(1, 14) i
where i <= p.reaction_count;

-- API tokens for the load driver: the secret of user n is 'bench-token-n' (only its SHA-256 is stored).
insert into api_tokens (user_id, name, token_hash, scopes)
select g, 'bench', encode(sha256(convert_to('bench-token-' || g, 'UTF8')), 'hex'), array['read', 'write']
from generate_series(1, least(:tokens, :users)) g where g % 50 <> 0;

set session_replication_role = origin;
do $$ declare r record; begin
    for r in select indexdef from bench_indexes loop execute r.indexdef; end loop;
end $$;
vacuum analyze;
select (select count(*) from users) as users, (select count(*) from spaces) as spaces,
       (select count(*) from posts) as posts, (select count(*) from comments) as comments,
       (select count(*) from reactions) as reactions, (select count(*) from post_tags) as post_tags,
       (select count(*) from space_members) as memberships,
       pg_size_pretty(pg_database_size(current_database())) as size;
