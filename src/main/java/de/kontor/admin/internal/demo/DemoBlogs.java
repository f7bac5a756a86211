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

import de.kontor.shared.Markdown;
import de.kontor.stream.PostText;

/**
 * Demo blog articles: Katrin Albers in the blog of "Alle", Murat Yılmaz in the Service-Team's. Each is published
 * with its announcement post in the stream (as a real publication writes it), so comments and reactions have their
 * place. Plain SQL like the rest of the demo load; articles are keyed by title and the {@code demo_data} part
 * "blogs" makes later starts add nothing.
 */
@Component
@Profile("demo")
class DemoBlogs {

    static final String PART = "blogs";

    /** An article in a space's blog (the demo stream keeps every post in a space). */
    record Article(String space, String author, String title, String teaser, String text, List<String> tags,
                   int hoursAgo) {
    }

    static final List<Article> ARTICLES = List.of(
            new Article("Alle", "katrin.albers", "Fragen stellen ist keine Schwäche",
                    "Warum ich mir wünsche, dass wir mehr Fragen im Intranet stellen – und weniger E-Mails "
                            + "schreiben.",
                    """
                    Letzte Woche hat mich eine Auszubildende gefragt, ob sie „so eine einfache Frage“ wirklich \
                    im Intranet stellen darf. Meine Antwort: **Ja, bitte!**

                    ## Warum?

                    - Eine Frage im Intranet beantwortet jemand **einmal** – und alle nach uns finden die Antwort.
                    - Eine E-Mail beantwortet jemand einmal – und der Nächste fragt wieder.
                    - Wer antwortet, zeigt, was er weiß. Unser Expertenverzeichnis lebt davon.

                    Die Frage zur Spindel der MX-400 hat Lukas in einer Stunde beantwortet. Die Antwort steht \
                    jetzt im Wiki, und der Service hat sie beim nächsten Kunden schon zweimal gebraucht.

                    Also: Fragen Sie. Ich tue es auch.""", List.of("unternehmenskultur", "wissen"), 72),
            new Article("Service-Team", "murat.yilmaz",
                    "Spindellager der MX-400: Was wir aus 2.000 Stunden gelernt haben",
                    "Lautere Spindeln nach rund 2.000 Betriebsstunden – Ursache, Messung und Tausch in fünf "
                            + "Schritten.",
                    """
                    Seit dem Sommer hatten wir mehrere Kunden, bei denen die Spindel der MX-400 nach etwa 2.000 \
                    Betriebsstunden lauter wurde. Gemeinsam mit Lukas aus der Konstruktion und Sabine aus dem QM \
                    haben wir die Ursache gefunden: Lager der ersten Charge (bis Seriennummer SL-2210).

                    ## So gehen wir beim Kunden vor

                    1. Schwingung am vorderen Lager messen (Grenzwert **2,8 mm/s**)
                    2. Temperatur nach 20 Minuten Warmlauf notieren
                    3. Über dem Grenzwert: Lagersatz MX4-SP-07 tauschen – Nachschmieren hilft nicht
                    4. Tausch im Serviceprotokoll mit Seriennummer festhalten
                    5. Kunden auf das verkürzte Prüfintervall (500 Stunden) hinweisen

                    Der Ablauf steht auch im Wiki unter „Wartungsplan MX-400“. Fragen gern in die Kommentare!""",
                    List.of("spindellager", "mx-400", "service"), 20));

    private final JdbcClient jdbc;

    DemoBlogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the articles unless they were loaded before; returns how many, or -1 when loaded before. */
    int load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return -1;
        }
        Map<String, Long> people = people();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int count = 0;
        for (Article a : ARTICLES) {
            count += article(a, people, now) ? 1 : 0;
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return count;
    }

    private boolean article(Article a, Map<String, Long> people, Instant now) {
        Long author = people.get(a.author());
        Long space = jdbc.sql("select id from spaces where name = :n and archived_at is null")
                .param("n", a.space()).query(Long.class).optional().orElse(null);
        if (author == null || space == null || !member(space, author) || exists(a.title())) {
            return false;
        }
        Timestamp at = Timestamp.from(now.minus(a.hoursAgo(), ChronoUnit.HOURS));
        String text = a.text().strip();
        long id = jdbc.sql("""
                        insert into blog_articles (space_id, author_id, title, teaser, body, body_html, tags, state,
                                                   published_at, created_at, updated_at)
                        values (:s, :a, :t, :teaser, :b, :h, :tags, 'PUBLISHED', :at, :at, :at) returning id""")
                .param("s", space).param("a", author).param("t", a.title()).param("teaser", a.teaser())
                .param("b", text).param("h", Markdown.toSafeHtml(text)).param("tags", a.tags().toArray(String[]::new))
                .param("at", at).query(Long.class).single();
        String announcement = "**Neuer Blogartikel:** [" + a.title() + "](/articles/" + id + ")\n\n" + a.teaser();
        long post = jdbc.sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at)
                        values (:s, :a, :b, :h, :at) returning id""")
                .param("s", space).param("a", author).param("b", announcement)
                .param("h", PostText.render(announcement).html()).param("at", at).query(Long.class).single();
        jdbc.sql("update blog_articles set post_id = :p where id = :id").param("p", post).param("id", id).update();
        return true;
    }

    /** Articles are keyed by title: loading again without the marker adds nothing. */
    private boolean exists(String title) {
        return jdbc.sql("select exists (select 1 from blog_articles where title = :t)").param("t", title)
                .query(Boolean.class).single();
    }

    private boolean member(long space, long user) {
        return jdbc.sql("select exists (select 1 from space_members where space_id = :s and user_id = :u)")
                .param("s", space).param("u", user).query(Boolean.class).single();
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
