package de.kontor.admin.internal.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kontor.decisions.DecisionDeadlines;
import de.kontor.shared.Markdown;
import de.kontor.stream.PostText;

/**
 * Demo decisions and polls: three proposals whose deadline has passed, one still open, and two polls in posts.
 * Like the rest of the demo load it writes plain SQL into the module's tables. The passed decisions are written OPEN
 * and then closed through the decisions module ({@link DecisionDeadlines}), so their outcome, the record page in the
 * space's wiki and the announcement in the stream are exactly what a real closing writes. People are asked and answer
 * only where they really are members; decisions are keyed by space and title, polls by their post's text, and the
 * {@code demo_data} part "decisions" makes later starts add nothing.
 */
@Component
@Profile("demo")
class DemoDecisions {

    static final String PART = "decisions";

    /** One answer: a person's key, an option's index (OPTIONS) or a position (CONSENT), and a reason. */
    record Answer(String person, Integer option, String position, String reason, int hoursAgo) {
    }

    /** A decision: deadline in hours from now (negative: passed), asked null means the whole space. */
    record Proposal(String space, String proposer, String title, String context, String kind, List<String> options,
                    List<String> asked, Integer quorum, int createdHoursAgo, int deadlineInHours,
                    List<Answer> answers) {
    }

    /** A poll in a post: closes in hours from now (negative: closed), votes as person key → option index. */
    record Poll(String space, String author, String question, List<String> options, boolean anonymous,
                String results, int createdHoursAgo, int closesInHours, Map<String, Integer> votes) {
    }

    static final List<Proposal> PROPOSALS = List.of(
            new Proposal("Qualitätszirkel", "sabine.krueger",
                    "Prüfintervall der Spindeln auf 500 Betriebsstunden verkürzen", """
                    Seit Juli hatten wir **vier Reklamationen** wegen Spindellagern an der MX-400, alle zwischen \
                    600 und 800 Betriebsstunden. Vorschlag: Das Prüfintervall im Wartungsplan sinkt von 1.000 auf \
                    500 Betriebsstunden, der Service prüft dabei Temperatur und Schwingung.

                    Mehraufwand: ca. 30 Minuten pro Wartung. Der Service-Leitfaden wird angepasst, sobald die \
                    Entscheidung gefallen ist.""", "CONSENT", List.of(), null, null, 150, -20, List.of(
                    new Answer("robert.hahn", null, "AGREE", "Die Messwerte aus Q3 sprechen klar dafür.", 140),
                    new Answer("murat.yilmaz", null, "AGREE", "", 120),
                    new Answer("lukas.weber", null, "DISAGREE",
                            "Mehr Aufwand im Außendienst, aber vertretbar – ich stehe nicht im Weg.", 96),
                    new Answer("ahmet.celik", null, "ABSTAIN", "Betrifft den Einkauf nur am Rand.", 90),
                    new Answer("markus.bauer", null, "AGREE", "Ersatzlager sind vorrätig.", 60))),
            new Proposal("Projekt MX-500", "benedikt.huber", "Steuerung für den Prototyp der MX-500", """
                    Für den Prototyp müssen wir uns bis Monatsende auf eine Steuerung festlegen, damit die \
                    Schaltschrankplanung starten kann. Die Bewertungsmatrix liegt im Projektordner; alle drei \
                    Hersteller liefern rechtzeitig.""", "OPTIONS",
                    List.of("Siemens Sinumerik ONE", "Heidenhain TNC7", "Fanuc 31i-B5"),
                    List.of("frank.zimmermann", "lukas.weber", "mei-lin.zhang", "andreas.schulz", "fatma.oeztuerk",
                            "oleksandr.bondarenko"), 50, 200, -30, List.of(
                    new Answer("frank.zimmermann", 1, null, "Beste Bedienung für unsere Werkzeugbau-Kunden.", 190),
                    new Answer("lukas.weber", 0, null, "Im Service kennen wir die Sinumerik am besten.", 170),
                    new Answer("mei-lin.zhang", 1, null, "", 150),
                    new Answer("andreas.schulz", 1, null, "Die Schnittstelle zur Messtechnik ist erprobt.", 100),
                    new Answer("fatma.oeztuerk", 0, null, "", 80))),
            new Proposal("Kantine & Freizeit", "miriam.engel", "Firmenlauf: Startgebühr übernimmt die Firma", """
                    Beim Stuttgarter Firmenlauf im Mai waren wir letztes Jahr 23 Läuferinnen und Läufer. Die \
                    Geschäftsführung ist bereit, die Startgebühr (25 €) zu übernehmen, wenn das Team zustimmt, \
                    dass wir dafür auf die Team-Shirts verzichten.""", "CONSENT", List.of(),
                    List.of("lea.schmitt", "kevin.schaefer", "tim.frank", "sophie.wagner", "johanna.brandl",
                            "katrin.albers"), null, 100, -4, List.of(
                    new Answer("lea.schmitt", null, "AGREE", "Super, dann laufe ich wieder mit!", 90),
                    new Answer("kevin.schaefer", null, "AGREE", "", 80),
                    new Answer("tim.frank", null, "DISAGREE", "Die Shirts waren ein schönes Erkennungszeichen.", 70),
                    new Answer("johanna.brandl", null, "AGREE", "", 30),
                    new Answer("katrin.albers", null, "AGREE", "Gerne – Gesundheit geht vor Merchandising.", 20))),
            new Proposal("Qualitätszirkel", "robert.hahn", "Neue Vorlage für 8D-Reports einführen", """
                    Die neue 8D-Vorlage hat einen eigenen Abschnitt für das **Ishikawa-Diagramm** und verlinkt die \
                    Maßnahmen direkt mit dem Ticket im Service. Vorschlag: Ab dem nächsten Monat nutzen wir nur \
                    noch die neue Vorlage; laufende Reports werden in der alten abgeschlossen.""", "CONSENT",
                    List.of(), null, null, 20, 72, List.of(
                    new Answer("sabine.krueger", null, "AGREE", "", 18),
                    new Answer("murat.yilmaz", null, "AGREE", "Endlich mit Ishikawa-Abschnitt.", 6))));

    static final List<Poll> POLLS = List.of(
            new Poll("Kantine & Freizeit", "miriam.engel", """
                    Die Kantine fragt: Welches Gericht soll im Dezember zusätzlich auf den Speiseplan?""",
                    List.of("Grünkohl mit Pinkel", "Käsespätzle mit Röstzwiebeln", "Linsen-Curry (vegan)"), false,
                    "AFTER_VOTE", 30, 96, Map.of("lea.schmitt", 1, "kevin.schaefer", 1, "tim.frank", 0,
                    "giuseppe.russo", 2, "sophie.wagner", 2, "johanna.brandl", 1, "katrin.albers", 1)),
            new Poll("Alle", "katrin.albers", """
                    Weihnachtsfeier: Feiern wir lieber am Freitagabend oder am Samstag?""",
                    List.of("Freitag, 12. Dezember", "Samstag, 13. Dezember"), true, "AFTER_CLOSE", 240, -48,
                    Map.of("lea.schmitt", 0, "kevin.schaefer", 1, "tim.frank", 0, "nina.petrovic", 0,
                            "jens.hoffmann", 0, "thomas.kessler", 1, "anja.richter", 0, "lukas.weber", 0)));

    private final JdbcClient jdbc;
    private final DecisionDeadlines deadlines;

    DemoDecisions(JdbcClient jdbc, DecisionDeadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /** Loads the decisions and polls unless they were loaded before; returns how many of each, or null. */
    int[] load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return null;
        }
        Map<String, Long> people = people();
        Map<String, Long> spaces = spaces();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int decisions = 0;
        for (Proposal p : PROPOSALS) {
            decisions += decision(p, people, spaces, now) ? 1 : 0;
        }
        int polls = 0;
        for (Poll p : POLLS) {
            polls += poll(p, people, spaces, now) ? 1 : 0;
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return new int[] {decisions, polls};
    }

    /**
     * Closes the passed decisions through the decisions module's real path, each in its own transaction; called
     * after the load committed, so that a failing one is simply left to the deadline job.
     */
    int closePassed() {
        return deadlines.closeDue();
    }

    private boolean decision(Proposal p, Map<String, Long> people, Map<String, Long> spaces, Instant now) {
        Long space = spaces.get(p.space());
        Long proposer = people.get(p.proposer());
        Set<Long> members = members(space);
        if (space == null || proposer == null || !members.contains(proposer) || jdbc.sql(
                        "select exists (select 1 from decisions where space_id = :s and title = :t)")
                .param("s", space).param("t", p.title()).query(Boolean.class).single()) {
            return false;
        }
        List<Long> asked = p.asked() == null ? members.stream().sorted().toList()
                : p.asked().stream().map(people::get).filter(members::contains).toList();
        long id = jdbc.sql("""
                        insert into decisions (space_id, proposer_id, title, context, context_html, kind, audience,
                                               deadline, quorum, created_at)
                        values (:s, :p, :t, :c, :h, :k, :a, :d, :q, :created) returning id""")
                .param("s", space).param("p", proposer).param("t", p.title()).param("c", p.context().strip())
                .param("h", Markdown.toSafeHtml(p.context().strip())).param("k", p.kind())
                .param("a", p.asked() == null ? "SPACE" : "PEOPLE")
                .param("d", Timestamp.from(now.plus(p.deadlineInHours(), ChronoUnit.HOURS))).param("q", p.quorum())
                .param("created", Timestamp.from(now.minus(p.createdHoursAgo(), ChronoUnit.HOURS)))
                .query(Long.class).single();
        List<Long> options = p.options().stream().map(label -> jdbc.sql("""
                        insert into decision_options (decision_id, position, label)
                        values (:d, (select count(*) from decision_options where decision_id = :d), :l)
                        returning id""").param("d", id).param("l", label).query(Long.class).single()).toList();
        for (long person : asked) {
            jdbc.sql("insert into decision_asked (decision_id, user_id) values (:d, :u)")
                    .param("d", id).param("u", person).update();
        }
        for (Answer a : p.answers()) {
            Long person = people.get(a.person());
            if (person == null || !asked.contains(person)) {
                continue;
            }
            jdbc.sql("""
                            insert into decision_answers (decision_id, user_id, option_id, position, reason, answered_at)
                            values (:d, :u, :o, :p, :r, :at)""")
                    .param("d", id).param("u", person).param("o", a.option() == null ? null : options.get(a.option()))
                    .param("p", a.position()).param("r", a.reason())
                    .param("at", Timestamp.from(now.minus(a.hoursAgo(), ChronoUnit.HOURS))).update();
        }
        return true;
    }

    private boolean poll(Poll p, Map<String, Long> people, Map<String, Long> spaces, Instant now) {
        Long space = spaces.get(p.space());
        Long author = people.get(p.author());
        Set<Long> members = members(space);
        String body = p.question().strip();
        if (space == null || author == null || !members.contains(author) || jdbc.sql(
                        "select exists (select 1 from posts where space_id = :s and author_id = :a and body = :b)")
                .param("s", space).param("a", author).param("b", body).query(Boolean.class).single()) {
            return false;
        }
        Timestamp created = Timestamp.from(now.minus(p.createdHoursAgo(), ChronoUnit.HOURS));
        long post = jdbc.sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at)
                        values (:s, :a, :b, :h, :c) returning id""")
                .param("s", space).param("a", author).param("b", body).param("h", PostText.render(body).html())
                .param("c", created).query(Long.class).single();
        long poll = jdbc.sql("""
                        insert into polls (post_id, space_id, author_id, multiple, anonymous, results, closes_at,
                                           created_at)
                        values (:post, :s, :a, false, :anon, :results, :closes, :c) returning id""")
                .param("post", post).param("s", space).param("a", author).param("anon", p.anonymous())
                .param("results", p.results())
                .param("closes", Timestamp.from(now.plus(p.closesInHours(), ChronoUnit.HOURS)))
                .param("c", created).query(Long.class).single();
        List<Long> options = p.options().stream().map(label -> jdbc.sql("""
                        insert into poll_options (poll_id, position, label)
                        values (:p, (select count(*) from poll_options where poll_id = :p), :l) returning id""")
                .param("p", poll).param("l", label).query(Long.class).single()).toList();
        p.votes().forEach((key, option) -> {
            Long voter = people.get(key);
            if (voter != null && members.contains(voter)) {
                jdbc.sql("insert into poll_votes (poll_id, option_id, user_id, voted_at) values (:p, :o, :u, :c)")
                        .param("p", poll).param("o", options.get(option)).param("u", voter).param("c", created)
                        .update();
            }
        });
        return true;
    }

    private Map<String, Long> people() {
        Map<String, String> keyByEmail = new HashMap<>();
        DemoPeople.ALL.forEach(p -> keyByEmail.put(p.email().toLowerCase(Locale.ROOT), p.key()));
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, lower(email) as email from users where lower(email) in (:emails) and active")
                .param("emails", keyByEmail.keySet())
                .query((rs, n) -> Map.entry(keyByEmail.get(rs.getString("email")), rs.getLong("id"))).list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    private Map<String, Long> spaces() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, name from spaces where archived_at is null")
                .query((rs, n) -> Map.entry(rs.getString("name"), rs.getLong("id"))).list()
                .forEach(e -> ids.putIfAbsent(e.getKey(), e.getValue()));
        return ids;
    }

    private Set<Long> members(Long space) {
        if (space == null) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select m.user_id from space_members m join users u on u.id = m.user_id
                        where m.space_id = :s and u.active""").param("s", space).query(Long.class).list());
    }
}
