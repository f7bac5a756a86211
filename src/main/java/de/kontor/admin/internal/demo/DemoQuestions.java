package de.kontor.admin.internal.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kontor.stream.PostText;

/**
 * Demo questions and answers: a service question that Lukas answers (he becomes the expert for "Spindellager"), an
 * SAP question in the IT-Helpdesk, an open SPS question and one without answers. Plain SQL into the questions
 * module's tables like the rest of the demo load; answers only by people who may write where the question lives;
 * questions are keyed by title and the {@code demo_data} part "questions" makes later starts add nothing.
 */
@Component
@Profile("demo")
class DemoQuestions {

    static final String PART = "questions";

    record Answer(String author, String text, int hoursAgo, boolean accepted, List<String> voters,
                  List<String[]> comments) {
    }

    /** A question; {@code space} null for a company-wide one. */
    record Question(String space, String author, String title, String text, List<String> tags, int hoursAgo,
                    List<String> voters, List<Answer> answers) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question(null, "murat.yilmaz",
                    "Spindel der MX-400 wird nach ca. 2.000 Betriebsstunden laut – Lager oder Schmierung?", """
                    Beim Kunden Berger Automotive läuft eine MX-400 seit gut 2.000 Betriebsstunden. Seit letzter \
                    Woche ist die Spindel ab 8.000 U/min deutlich lauter, die Temperatur ist aber im grünen \
                    Bereich. Nachschmieren hat nichts gebracht. Hat jemand so etwas schon gesehen?""",
                    List.of("spindellager", "mx-400", "wartung"), 160, List.of("sabine.krueger", "thomas.kessler"),
                    List.of(new Answer("lukas.weber", """
                            Das klingt nach den Spindellagern der ersten Charge: Bei den Lagern bis Seriennummer \
                            **SL-2210** ist der Käfig zu weich, das Geräusch kommt typischerweise zwischen 1.800 und \
                            2.500 Stunden.

                            1. Schwingung am vorderen Lager messen (Grenzwert 2,8 mm/s)
                            2. Liegt der Wert darüber: Lagersatz **MX4-SP-07** tauschen, nicht nur nachschmieren
                            3. Im Wartungsplan MX-400 ist der Ablauf beschrieben""", 150, true,
                                    List.of("murat.yilmaz", "sabine.krueger", "thomas.kessler"),
                                    List.<String[]>of(new String[] {"murat.yilmaz",
                                            "Danke! Schwingung lag bei 3,4 mm/s – Lager getauscht, jetzt ist "
                                                    + "Ruhe."})),
                            new Answer("thomas.kessler", """
                                    Bitte auch den Riementrieb prüfen – bei einem Kunden in Ulm war es am Ende die \
                                    Riemenspannung.""", 140, false, List.of(), List.of()))),
            new Question("IT-Helpdesk", "lea.schmitt", "Wie buche ich in SAP einen Wareneingang zur Bestellung?", """
                    Ich bin in der Ausbildung gerade im Einkauf und soll Wareneingänge buchen. Welche Transaktion \
                    nehme ich, und muss ich die Bestellnummer vorher kennen?""", List.of("sap", "einkauf"), 90,
                    List.of("giuseppe.russo"),
                    List.of(new Answer("tobias.brandt", """
                            Transaktion **MIGO**, oben links „Wareneingang“ und „Bestellung“ wählen, dann die \
                            Bestellnummer eingeben (steht auf dem Lieferschein). Positionen prüfen, bei „Position \
                            OK“ einen Haken setzen und buchen. Bei Teillieferungen die Menge anpassen.""", 85, true,
                            List.of("lea.schmitt", "amira.haddad"), List.of()))),
            new Question(null, "lea.schmitt", "Wer kennt sich mit SPS-Programmierung im TIA Portal aus?", """
                    Für mein Projekt in der Berufsschule programmiere ich eine Schrittkette für eine \
                    Sortieranlage. Gibt es hier jemanden, der mir eine halbe Stunde zeigen kann, wie man \
                    Transitionen sauber aufbaut?""", List.of("sps-programmierung", "tia-portal"), 30,
                    List.of("andreas.schulz"),
                    List.of(new Answer("andreas.schulz", """
                            Gern! Ich programmiere die Steuerung der Prüfstände. Schreib mir, dann schauen wir \
                            uns das am Donnerstag in der Mittagspause an.""", 26, false, List.of("lea.schmitt"),
                            List.of()))),
            new Question(null, "kevin.schaefer", "Gibt es eine Vorlage für die Reisekostenabrechnung?", """
                    Ich war zwei Tage auf der Messe in Hannover. Wo finde ich das aktuelle Formular, und bis wann \
                    muss ich die Belege abgeben?""", List.of("reisekosten"), 5, List.of(), List.of()));

    private final JdbcClient jdbc;

    DemoQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the questions unless they were loaded before; returns how many, or -1 when loaded before. */
    int load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return -1;
        }
        Map<String, Long> people = people();
        Map<String, Long> spaces = new HashMap<>();
        jdbc.sql("select id, name from spaces where archived_at is null")
                .query((rs, n) -> Map.entry(rs.getString("name"), rs.getLong("id"))).list()
                .forEach(e -> spaces.putIfAbsent(e.getKey(), e.getValue()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int count = 0;
        for (Question q : QUESTIONS) {
            count += question(q, people, spaces, now) ? 1 : 0;
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return count;
    }

    private boolean question(Question q, Map<String, Long> people, Map<String, Long> spaces, Instant now) {
        Long space = q.space() == null ? null : spaces.get(q.space());
        Long author = people.get(q.author());
        if (author == null || (q.space() != null && (space == null || !writes(space, author)))
                || jdbc.sql("select exists (select 1 from questions where title = :t)").param("t", q.title())
                .query(Boolean.class).single()) {
            return false;
        }
        String text = q.text().strip();
        long id = jdbc.sql("""
                        insert into questions (space_id, author_id, title, body, body_html, tags, created_at)
                        values (:s, :a, :t, :b, :h, :tags, :at) returning id""")
                .param("s", space).param("a", author).param("t", q.title()).param("b", text)
                .param("h", PostText.render(text).html()).param("tags", q.tags().toArray(String[]::new))
                .param("at", at(now, q.hoursAgo())).query(Long.class).single();
        for (String voter : q.voters()) {
            if (people.containsKey(voter)) {
                jdbc.sql("insert into question_votes (question_id, user_id) values (:q, :u) on conflict do nothing")
                        .param("q", id).param("u", people.get(voter)).update();
            }
        }
        for (Answer a : q.answers()) {
            Long by = people.get(a.author());
            if (by == null || (space != null && !writes(space, by))) {
                continue;
            }
            String body = a.text().strip();
            long answer = jdbc.sql("""
                            insert into question_answers (question_id, author_id, body, body_html, created_at)
                            values (:q, :a, :b, :h, :at) returning id""")
                    .param("q", id).param("a", by).param("b", body).param("h", PostText.render(body).html())
                    .param("at", at(now, a.hoursAgo())).query(Long.class).single();
            for (String voter : a.voters()) {
                if (people.containsKey(voter)) {
                    jdbc.sql("insert into answer_votes (answer_id, user_id) values (:a, :u) on conflict do nothing")
                            .param("a", answer).param("u", people.get(voter)).update();
                }
            }
            for (String[] c : a.comments()) {
                if (people.containsKey(c[0])) {
                    jdbc.sql("""
                                    insert into question_answer_comments (answer_id, author_id, body, body_html,
                                                                          created_at)
                                    values (:a, :u, :b, :h, :at)""")
                            .param("a", answer).param("u", people.get(c[0])).param("b", c[1])
                            .param("h", PostText.render(c[1]).html()).param("at", at(now, a.hoursAgo() - 2))
                            .update();
                }
            }
            if (a.accepted()) {
                jdbc.sql("update questions set accepted_answer_id = :a where id = :q")
                        .param("a", answer).param("q", id).update();
            }
        }
        jdbc.sql("""
                        update questions set
                            answer_count = (select count(*) from question_answers where question_id = :q),
                            vote_count = (select count(*) from question_votes where question_id = :q)
                        where id = :q""").param("q", id).update();
        jdbc.sql("""
                        update question_answers a set vote_count = (select count(*) from answer_votes v
                                                                    where v.answer_id = a.id)
                        where a.question_id = :q""").param("q", id).update();
        return true;
    }

    private boolean writes(long space, long user) {
        return jdbc.sql("select exists (select 1 from space_members where space_id = :s and user_id = :u)")
                .param("s", space).param("u", user).query(Boolean.class).single();
    }

    private static Timestamp at(Instant now, int hoursAgo) {
        return Timestamp.from(now.minus(hoursAgo, ChronoUnit.HOURS));
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
}
