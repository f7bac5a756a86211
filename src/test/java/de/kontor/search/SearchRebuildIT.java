package de.kontor.search;

import static de.kontor.search.SearchSupport.exactTotal;
import static de.kontor.search.SearchSupport.post;
import static de.kontor.search.SearchSupport.search;
import static de.kontor.search.SearchSupport.total;
import static de.kontor.search.SearchSupport.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * A rebuild from an empty index while people search: search keeps answering, finds everything again at the end,
 * and the administrator sees the progress; and a node whose index was stopped while others wrote catches up from
 * its last commit. Own data directory: these tests empty and stop this node's index.
 */
class SearchRebuildIT extends AbstractIT {

    static final int POSTS = 20_000;
    private static final Path DATA = freshDataDir();

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA::toString);
    }

    @Test
    void rebuildFromEmptyWhileSearching() {
        TestUser admin = data.admin();
        TestUser author = data.member();
        TestSpace space = data.space("PUBLIC", author);
        String w = word();
        // written straight to the table, like data restored from a backup: only a rebuild can find them
        data.jdbc().sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at)
                        select :s, :a,
                               (array['Die Rahmenverträge mit den Lieferanten werden im Quartal neu verhandelt.',
                                      'Das Kundenfeedback zur Fräsmaschine ist überwiegend positiv, die Wartung kritisch.',
                                      'Bitte die Reisekostenabrechnung bis Freitag in der Buchhaltung abgeben.',
                                      'The customer asked for an updated quote for the spare parts and the service contract.',
                                      'Schichtplan für die Montage in Halle 3: Frühschicht beginnt um sechs Uhr.'])[1 + g % 5]
                               || ' Vorgang ' || g || ' ' || :w || ' ' || md5(g::text), '',
                               now() - (g || ' minutes')::interval
                        from generate_series(1, :n) g""")
                .param("s", space.id()).param("a", author.id()).param("w", w).param("n", POSTS).update();

        ApiClient reader = api(author);
        WebSession adminWeb = login(admin);
        assertThat(login(author).post("/admin/search/rebuild", Map.of()).status()).isEqualTo(403);
        Http started = adminWeb.post("/admin/search/rebuild", Map.of());
        assertThat(started.status()).isEqualTo(302);

        List<Long> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long t = exactTotal(reader, w);
            seen.add(t);
            return t == POSTS && !adminWeb.get("/admin/search").body().contains("search.rebuild.progress");
        });
        Http status = adminWeb.get("/admin/search");
        assertThat(status.status()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"search-rebuild\"[^>]*>\\s*([^<]+)").matcher(status.body());
        assertThat(m.find()).isTrue();
        System.out.println("search rebuild: " + m.group(1).strip() + "; totals seen while rebuilding: "
                + seen.stream().distinct().limit(20).toList());
        assertThat(seen).as("search answered while rebuilding").isNotEmpty();
        assertThat(exactTotal(reader, "Vertrag " + w)).isEqualTo(POSTS / 5);

        // a normal search counts up to 1,000 hits and facets the best 1,000
        Http normal = search(reader, w);
        assertThat(normal.json().get("total").asLong()).isEqualTo(1000);
        assertThat(normal.json().get("totalExact").asBoolean()).isFalse();
        assertThat(normal.json().get("facets").get("space").get(0).get("count").asLong()).isEqualTo(1000);
        assertThat(normal.json().get("nextCursor").isNull()).isFalse();
        String page = login(author).get("/search?q=" + w).body();
        assertThat(page).contains("More than 1,000 results").contains("Counts among the best 1,000 results");
    }

    @Test
    void catchesUpAfterBeingStoppedWhileOthersWrote() {
        TestUser author = data.member();
        ApiClient api = api(author);
        String before = word();
        post(api, null, "Vor dem Neustart " + before);
        await().atMost(Duration.ofSeconds(5)).until(() -> total(api, before) == 1);

        // this node's index goes down (closed with a commit); the database keeps taking writes
        SmartLifecycle index = context.getBean("indexApplier", SmartLifecycle.class);
        index.stop();
        Http stopped = search(api, before);
        assertThat(stopped.status()).as("a node without an open index answers 503, not 500").isEqualTo(503);
        assertThat(stopped.header("Content-Type")).contains("application/problem+json");
        String during = word();
        post(api, null, "Während der Wartung " + during);
        index.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> total(api, during) == 1);
        assertThat(total(api, before)).isEqualTo(1);
    }
}
