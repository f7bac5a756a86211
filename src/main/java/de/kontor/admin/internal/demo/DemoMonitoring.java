package de.kontor.admin.internal.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kontor.monitoring.MentionIntake;
import de.kontor.monitoring.MentionIntake.Item;

/**
 * Demo social media monitoring: the Service-Team space is the monitoring team, three topics, a webhook source and
 * two polled sources that stay paused (nothing is fetched from the internet at load time), and a few German and
 * English mentions in the inbox. The mentions go through the monitoring module's {@link MentionIntake}, so language,
 * sentiment and topics are what the module itself computes; afterwards some are moved back in time and worked on
 * (assigned, answered, closed). The {@code demo_data} part "monitoring" makes later starts add nothing.
 */
@Component
@Profile("demo")
class DemoMonitoring {

    static final String PART = "monitoring";

    /** A mention: hours ago it arrived, and what the team did (status, person key). */
    record Heard(String url, String author, String text, int hoursAgo, String status, String person) {
    }

    static final List<Heard> MENTIONS = List.of(
            new Heard("https://forum.zerspanung.example/t/mx-400-spindel/1182", "@cnc_lars",
                    "Unsere MX-400 von Muster Maschinenbau steht schon wieder: Spindellager defekt nach 700 "
                            + "Betriebsstunden. Sehr enttäuschend, der Service ruft nicht zurück.", 3, "NEW", null),
            new Heard("https://social.example/@fertigung_nord/113", "@fertigung_nord@social.example",
                    "Großes Lob an Muster Maschinenbau: Ersatzteil für die MX-400 am nächsten Tag geliefert, "
                            + "Techniker kompetent und freundlich. So muss Service sein!", 26, "CLOSED", "thomas.kessler"),
            new Heard("https://news.example/industry/2026/muster-mx500-launch", "@metalworking_news",
                    "Muster Maschinenbau presents the MX-500 at EMO: a five-axis machining center with a new "
                            + "control unit. Deliveries start in spring.", 50, "CLOSED", "jens.hoffmann"),
            new Heard("https://forum.zerspanung.example/t/ersatzteile-lieferzeit/1190", "@instandhaltung_sued",
                    "Wartet noch jemand auf Ersatzteile von Muster Maschinenbau? Bei uns sind es jetzt drei Wochen, "
                            + "das ist inakzeptabel.", 30, "ASSIGNED", "murat.yilmaz"),
            new Heard("https://social.example/@precision_parts/88", "@precision_parts@social.example",
                    "Really impressed by the MX-400 from Muster Maschinenbau: precise, quiet and reliable after "
                            + "two years in three-shift operation. Highly recommend.", 72, "ANSWERED", "ayse.kaya"),
            new Heard("https://forum.cnc.example/threads/mx-400-control-update", "@shopfloor_tom",
                    "Since the latest control update our Muster Maschinenbau MX-400 keeps crashing during tool "
                            + "change. Not good at all, anyone else?", 6, "NEW", null),
            new Heard("https://social.example/@einkauf_bayern/41", "@einkauf_bayern@social.example",
                    "Vergleichen gerade Angebote für Bearbeitungszentren: Hat jemand Erfahrung mit der MX-500 "
                            + "von Muster Maschinenbau?", 20, "NEW", null),
            new Heard("https://forum.zerspanung.example/t/schulung/1201", "@azubi_werkzeugbau",
                    "Die Bedienerschulung bei Muster Maschinenbau war leider nicht gut vorbereitet, die Unterlagen "
                            + "passten nicht zur Steuerung.", 96, "IGNORED", null));

    private final JdbcClient jdbc;
    private final MentionIntake intake;

    DemoMonitoring(JdbcClient jdbc, MentionIntake intake) {
        this.jdbc = jdbc;
        this.intake = intake;
    }

    /** Loads the demo monitoring once; returns the number of mentions stored, or -1 when it was loaded before. */
    int load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return -1;
        }
        Long team = jdbc.sql("select id from spaces where lower(name) = lower('Service-Team')").query(Long.class)
                .optional().orElse(null);
        jdbc.sql("update monitoring_settings set team_space_id = :s, updated_at = now()").param("s", team).update();
        long company = topic("Muster Maschinenbau", "\"Muster Maschinenbau\" OR MX-400 OR MX-500", 4);
        topic("Ersatzteile und Service", "ersatzteil* OR service OR \"spare parts\" OR techniker", 8);
        topic("MX-500", "MX-500", 8);
        long hook = source("WEBHOOK", "Branchenforen (Webhook)", null, null, true);
        source("MASTODON_TAG", "Mastodon #maschinenbau", "https://mastodon.social", "maschinenbau", false);
        source("FEED", "Fachpresse (RSS)", "https://fachpresse.example/rss", null, false);
        Instant now = Instant.now();
        int stored = intake.receive(hook, MENTIONS.stream().map(h -> new Item(h.url(), h.author(), h.text(),
                now.minus(h.hoursAgo(), ChronoUnit.HOURS), null)).toList());
        for (Heard h : MENTIONS) {
            work(h);
        }
        Long follower = person("thomas.kessler");
        if (follower != null) {
            jdbc.sql("insert into monitoring_topic_followers (topic_id, user_id) values (:t, :u) on conflict do nothing")
                    .param("t", company).param("u", follower).update();
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return stored;
    }

    /** Moves the mention back to when it was heard and records what the team did with it. */
    private void work(Heard h) {
        Long id = jdbc.sql("select id from monitoring_mentions where url = :url").param("url", h.url())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return;
        }
        Long person = h.person() == null ? null : person(h.person());
        // received h hours ago; the response time counts from then (4 working hours, rounded to the hour here)
        jdbc.sql("""
                        update monitoring_mentions
                        set received_at = now() - make_interval(hours => :h),
                            published_at = now() - make_interval(hours => :h),
                            due_at = now() - make_interval(hours => :h) + interval '4 hours',
                            status = :status, assignee_user_id = :person,
                            ignore_reason = case when :status = 'IGNORED' then 'Schulungsunterlagen bereits überarbeitet'
                                            end,
                            first_reaction_at = case when :status = 'NEW' then null
                                                     else now() - make_interval(hours => :h) + interval '2 hours' end
                        where id = :id""")
                .param("h", h.hoursAgo()).param("status", h.status()).param("person", person).param("id", id)
                .update();
        if (person != null && (h.status().equals("ANSWERED") || h.status().equals("CLOSED"))) {
            jdbc.sql("""
                            insert into monitoring_answers (mention_id, author_id, text, link, sent_at)
                            select :m, :a, :text, :link, now() - make_interval(hours => :h) + interval '2 hours'
                            where not exists (select 1 from monitoring_answers where mention_id = :m)""")
                    .param("m", id).param("a", person)
                    .param("text", h.text().matches("(?s).*\\b(the|and)\\b.*")
                            ? "Thank you for the kind words – we passed them on to our service and production teams."
                            : "Vielen Dank für das Lob, wir haben es an das Team weitergegeben!")
                    .param("link", h.url() + "#reply").param("h", h.hoursAgo()).update();
        }
    }

    private long topic(String name, String query, int sla) {
        jdbc.sql("""
                        insert into monitoring_topics (name, query, sla_hours, created_at)
                        values (:n, :q, :sla, now() - interval '120 days')
                        on conflict ((lower(name))) do nothing""")
                .param("n", name).param("q", query).param("sla", sla).update();
        return jdbc.sql("select id from monitoring_topics where lower(name) = lower(:n)").param("n", name)
                .query(Long.class).single();
    }

    /** The source by name, created when missing (a second load without the marker adds none). */
    private long source(String kind, String name, String url, String target, boolean enabled) {
        jdbc.sql("""
                        insert into monitoring_sources (source_key, kind, name, url, target, secret, enabled)
                        select md5(random()::text || clock_timestamp()::text), :kind, :name, :url, :target,
                               case when :kind = 'WEBHOOK' then md5(random()::text) || md5(random()::text) end,
                               :enabled
                        where not exists (select 1 from monitoring_sources where name = :name)""")
                .param("kind", kind).param("name", name).param("url", url).param("target", target)
                .param("enabled", enabled).update();
        return jdbc.sql("select min(id) from monitoring_sources where name = :name").param("name", name)
                .query(Long.class).single();
    }

    private Long person(String key) {
        return jdbc.sql("select id from users where lower(email) = lower(:e)")
                .param("e", DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().email())
                .query(Long.class).optional().orElse(null);
    }
}
