package de.kontor.admin.internal.demo;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.admin.internal.demo.DemoPeople.Person;
import de.kontor.admin.internal.demo.DemoSpaces.Space;
import de.kontor.shared.AuditLog;

/**
 * Loads the demo company "Muster Maschinenbau GmbH" at startup when the Spring profile {@code demo} is active.
 * <p>
 * This is the one place that writes into other modules' tables (identity: org units, users, skills; spaces: spaces,
 * members, join requests, invitations) instead of going through their APIs: it runs once, before anyone uses the
 * system, and plain SQL in a single transaction keeps the start fast. Nothing that exists is changed: people are
 * keyed by e-mail, org units and spaces by name, and only what this run created gets skills, members, requests and
 * invitations. The {@code demo_data} row makes later starts skip the whole load.
 * <p>
 * It runs once all beans (and so the Flyway migration) are ready but before the web server accepts requests: a first
 * visitor must never see the setup page of an empty installation.
 */
@Component
@Profile("demo")
class DemoDataLoader implements SmartInitializingSingleton {

    /** The well-known password of every demo account; exists only in the demo profile. */
    static final String PASSWORD = "kontor-demo";
    static final String PART = "company";
    static final int VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final DemoStreamLoader stream;
    private final DemoWiki wiki;
    private final DemoDecisions decisions;
    private final DemoEndorsements endorsements;
    private final DemoLibrary library;
    private final DemoMonitoring monitoring;
    private final DemoQuestions questions;
    private final DemoBlogs blogs;

    DemoDataLoader(JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder encoder, AuditLog audit,
                   DemoStreamLoader stream, DemoWiki wiki, DemoDecisions decisions, DemoEndorsements endorsements,
                   DemoLibrary library, DemoMonitoring monitoring, DemoQuestions questions, DemoBlogs blogs) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.encoder = encoder;
        this.audit = audit;
        this.stream = stream;
        this.wiki = wiki;
        this.decisions = decisions;
        this.endorsements = endorsements;
        this.library = library;
        this.monitoring = monitoring;
        this.questions = questions;
        this.blogs = blogs;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    void run() {
        long start = System.nanoTime();
        Boolean loaded = tx.execute(status -> load());
        int closed = decisions.closePassed();
        if (closed > 0) {
            log.info("Demo decisions closed and recorded: {}", closed);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Demo company {} loaded: {} people, {} spaces ({} ms)", DemoPeople.ROOT_UNIT,
                    DemoPeople.ALL.size(), DemoSpaces.SPACES.size(), millis);
        } else {
            log.info("Demo company {} was loaded before; nothing to do", DemoPeople.ROOT_UNIT);
        }
        log.warn("""
                Demo profile: every demo account signs in with the password "{}" - never use this profile with \
                real data. For example: {} (administrator), {} (member), {} (guest)""", PASSWORD,
                email("katrin.albers"), email("lukas.weber"), email("stefanie.lang"));
    }

    /** Loads every part that was not loaded before; returns whether it loaded anything. */
    private boolean load() {
        // a second node starting at the same moment waits here and then sees the markers
        jdbc.sql("lock table demo_data in exclusive mode").update();
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        boolean company = !done && loadCompany();
        // the stream comes after the company: its people and spaces must exist
        DemoStreamLoader.Loaded posts = stream.load();
        if (posts != null) {
            log.info("Demo stream loaded: {} posts, {} comments, {} reactions, {} mentions, {} follows",
                    posts.posts(), posts.comments(), posts.reactions(), posts.mentions(), posts.follows());
            audit.record(null, "demo.loaded", DemoStream.PART, null, posts.posts() + " posts");
        }
        // the wiki after the company as well: its authors and spaces must exist
        int pages = wiki.load();
        if (pages > 0) {
            log.info("Demo wiki loaded: {} page revisions", pages);
            audit.record(null, "demo.loaded", DemoWiki.PART, null, pages + " page revisions");
        }
        // decisions and polls after the stream: a poll's post must not keep the stream out of its space
        int[] votes = decisions.load();
        if (votes != null) {
            log.info("Demo decisions loaded: {} decisions, {} polls", votes[0], votes[1]);
            audit.record(null, "demo.loaded", DemoDecisions.PART, null, votes[0] + " decisions, " + votes[1] + " polls");
        }
        int endorsed = endorsements.load();
        if (endorsed > 0) {
            audit.record(null, "demo.loaded", DemoEndorsements.PART, null, endorsed + " endorsements");
        }
        // bookmarks and files after the company: their people and spaces must exist
        int library = this.library.load();
        if (library > 0) {
            audit.record(null, "demo.loaded", DemoLibrary.PART, null, library + " bookmarks and files");
        }
        // monitoring after the company: the Service-Team space and its people must exist
        int mentions = monitoring.load();
        if (mentions >= 0) {
            audit.record(null, "demo.loaded", DemoMonitoring.PART, null, mentions + " mentions");
        }
        int asked = questions.load();
        if (asked >= 0) {
            audit.record(null, "demo.loaded", DemoQuestions.PART, null, asked + " questions");
        }
        int articles = blogs.load();
        if (articles >= 0) {
            audit.record(null, "demo.loaded", DemoBlogs.PART, null, articles + " blog articles");
        }
        return company || posts != null || pages > 0 || votes != null || endorsed > 0 || library > 0
                || mentions >= 0 || asked >= 0 || articles >= 0;
    }

    private boolean loadCompany() {
        Map<String, Long> units = orgUnits();
        Map<String, Long> people = people(units);
        int spaces = spaces(people);
        jdbc.sql("insert into demo_data (part, version) values (:part, :version)")
                .param("part", PART).param("version", VERSION).update();
        audit.record(null, "demo.loaded", DemoPeople.ROOT_UNIT, null,
                people.size() + " people, " + spaces + " new spaces");
        return true;
    }

    /** The root unit and its departments; returns the id of each department by name. */
    private Map<String, Long> orgUnits() {
        long root = orgUnit(DemoPeople.ROOT_UNIT, null);
        Map<String, Long> ids = new HashMap<>();
        for (String unit : DemoPeople.UNITS) {
            ids.put(unit, orgUnit(unit, root));
        }
        return ids;
    }

    private long orgUnit(String name, Long parent) {
        jdbc.sql("""
                        insert into org_units (name, parent_id, created_at)
                        values (:name, :parent, now() - interval '1600 days')
                        on conflict ((lower(name))) do nothing""")
                .param("name", name).param("parent", parent).update();
        return jdbc.sql("select id from org_units where lower(name) = lower(:name)")
                .param("name", name).query(Long.class).single();
    }

    /** Creates the people that do not exist yet; returns the user id of every demo person by key. */
    private Map<String, Long> people(Map<String, Long> units) {
        String hash = encoder.encode(PASSWORD); // once: bcrypt for each of 60 people would slow the start down
        List<Person> all = DemoPeople.ALL;
        for (int i = 0; i < all.size(); i++) {
            Person p = all.get(i);
            // earlier in the list means longer with the company; everyone joined at least two months ago
            int daysAgo = 1500 - 23 * i;
            Long id = jdbc.sql("""
                            insert into users (email, password_hash, display_name, role, job_title, org_unit_id,
                                               location, phone, company, about, locale, password_changed_at,
                                               created_at, updated_at)
                            values (:email, :hash, :name, :role, :job, :unit, :location, :phone, :company, :about,
                                    :locale, now(), now() - make_interval(days => :days),
                                    now() - make_interval(days => :days))
                            on conflict ((lower(email))) do nothing
                            returning id""")
                    .param("email", p.email()).param("hash", hash).param("name", p.displayName())
                    .param("role", p.role()).param("job", p.jobTitle())
                    .param("unit", p.unit() == null ? null : units.get(p.unit()))
                    .param("location", p.location()).param("phone", p.phone()).param("company", p.company())
                    .param("about", p.about()).param("locale", p.locale()).param("days", daysAgo)
                    .query(Long.class).optional().orElse(null);
            if (id != null && !p.skills().isEmpty()) {
                jdbc.sql("""
                                insert into user_skills (user_id, skill)
                                select :id, unnest(string_to_array(:skills, chr(10)))
                                on conflict do nothing""")
                        .param("id", id).param("skills", String.join("\n", p.skills())).update();
            }
        }
        Map<String, Long> ids = new HashMap<>();
        Map<String, String> keyByEmail = new HashMap<>();
        all.forEach(p -> keyByEmail.put(p.email().toLowerCase(Locale.ROOT), p.key()));
        jdbc.sql("select id, lower(email) as email from users where lower(email) in (:emails)")
                .param("emails", keyByEmail.keySet())
                .query((rs, n) -> Map.entry(keyByEmail.get(rs.getString("email")), rs.getLong("id")))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** Creates the spaces that do not exist yet with their people; returns how many it created. */
    private int spaces(Map<String, Long> people) {
        Map<String, Long> created = new HashMap<>();
        for (Space s : DemoSpaces.SPACES) {
            jdbc.sql("""
                            insert into spaces (name, description, visibility, created_by, created_at, updated_at)
                            values (:name, :description, :visibility, :owner, now() - make_interval(days => :days),
                                    now() - make_interval(days => :days))
                            on conflict ((lower(name))) do nothing
                            returning id""")
                    .param("name", s.name()).param("description", s.description())
                    .param("visibility", s.visibility()).param("owner", id(people, s.owner()))
                    .param("days", s.createdDaysAgo())
                    .query(Long.class).optional()
                    .ifPresent(id -> created.put(s.name(), id));
        }
        for (Space s : DemoSpaces.SPACES) {
            Long space = created.get(s.name());
            if (space == null) {
                continue; // an existing space of the same name stays as its owners made it
            }
            // the first role given to a person wins: owner before moderators before members
            addMembers(space, "OWNER", List.of(id(people, s.owner())));
            addMembers(space, "MODERATOR", s.moderators().stream().map(k -> id(people, k)).toList());
            if (s.members().contains(DemoSpaces.EVERYONE)) {
                jdbc.sql("""
                                insert into space_members (space_id, user_id, role, joined_at, guest)
                                select s.id, u.id, 'MEMBER', greatest(s.created_at, u.created_at), false
                                from spaces s cross join users u
                                where s.id = :space and u.active and u.role <> 'GUEST'
                                on conflict do nothing""")
                        .param("space", space).update();
            }
            addMembers(space, "MEMBER", memberIds(s, people));
        }
        for (DemoSpaces.JoinRequest r : DemoSpaces.JOIN_REQUESTS) {
            Long space = created.get(r.space());
            if (space != null) {
                jdbc.sql("""
                                insert into space_join_requests (space_id, user_id, message, created_at)
                                values (:space, :user, :message, now() - make_interval(hours => :hours))
                                on conflict do nothing""")
                        .param("space", space).param("user", id(people, r.person())).param("message", r.message())
                        .param("hours", r.hoursAgo()).update();
            }
        }
        for (DemoSpaces.Invitation i : DemoSpaces.INVITATIONS) {
            Long space = created.get(i.space());
            if (space != null) {
                jdbc.sql("""
                                insert into space_invitations (space_id, user_id, role, invited_by, created_at)
                                values (:space, :user, :role, :by, now() - make_interval(hours => :hours))
                                on conflict do nothing""")
                        .param("space", space).param("user", id(people, i.person())).param("role", i.role())
                        .param("by", id(people, i.invitedBy())).param("hours", i.hoursAgo()).update();
            }
        }
        return created.size();
    }

    private void addMembers(long space, String role, List<Long> users) {
        if (users.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into space_members (space_id, user_id, role, joined_at, guest)
                        select s.id, u.id, :role, greatest(s.created_at, u.created_at), u.role = 'GUEST'
                        from spaces s cross join users u
                        where s.id = :space and u.id in (:users)
                        on conflict do nothing""")
                .param("space", space).param("role", role).param("users", users).update();
    }

    private static List<Long> memberIds(Space s, Map<String, Long> people) {
        Set<String> keys = new LinkedHashSet<>();
        for (String m : s.members()) {
            if (m.startsWith("@")) {
                String unit = m.substring(1);
                DemoPeople.EMPLOYEES.stream().filter(p -> unit.equals(p.unit())).forEach(p -> keys.add(p.key()));
            } else if (!m.equals(DemoSpaces.EVERYONE)) {
                keys.add(m);
            }
        }
        return keys.stream().map(k -> id(people, k)).toList();
    }

    private static long id(Map<String, Long> people, String key) {
        Long id = people.get(key);
        if (id == null) {
            throw new IllegalStateException("The demo data refers to an unknown person: " + key);
        }
        return id;
    }

    private static String email(String key) {
        return DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().email();
    }
}
