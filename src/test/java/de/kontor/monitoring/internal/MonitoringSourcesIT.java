package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;

/**
 * Sources against real HTTP servers on loopback (JDK {@code HttpServer}): RSS with conditional GET, a
 * Mastodon-compatible JSON API with since_id/max_id paging and 429, malformed and oversized answers, dedupe across
 * sources, signed webhooks, overdue reminders, spike alerts and retention. The jobs run only when a test calls them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringSourcesIT extends AbstractIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", () -> freshDataDir().toString());
        registry.add("kontor.outbound.allowed-hosts", () -> "127.0.0.1");
        registry.add("kontor.outbound.max-size", () -> "64KB");
        registry.add("kontor.monitoring.poll-interval", () -> "1h");
        registry.add("kontor.monitoring.check-interval", () -> "1h");
        registry.add("kontor.monitoring.mastodon-page-size", () -> "2");
    }

    @Autowired
    Poller poller;
    @Autowired
    Watch watch;

    private HttpServer server;
    private String base;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final List<Long> statuses = Collections.synchronizedList(new ArrayList<>());
    private volatile String statusWord = "x";
    private TestUser admin;
    private ApiClient api;

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        admin = data.admin();
        api = api(admin);
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @BeforeEach
    void nothingDueFromEarlierTests() {
        data.jdbc().sql("update monitoring_sources set enabled = false").update();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestURI().toString());
        if (path.startsWith("/feed/")) {
            String etag = "\"v1\"";
            String seen = ex.getRequestHeaders().getFirst("If-None-Match");
            if (seen != null) {
                ifNoneMatch.add(seen);
            }
            if (etag.equals(seen)) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", etag);
            ex.getResponseHeaders().add("Last-Modified", "Wed, 25 Nov 2026 08:00:00 GMT");
            send(ex, 200, "application/rss+xml", bodies.getOrDefault(path, ""));
        } else if (path.equals("/api/v1/timelines/tag/" + statusWord)) {
            send(ex, 200, "application/json", mastodonPage(ex.getRequestURI().getQuery()));
        } else if (path.equals("/api/v1/accounts/42/statuses")) {
            ex.getResponseHeaders().add("X-RateLimit-Reset", Instant.now().plus(Duration.ofMinutes(30)).toString());
            send(ex, 429, "application/json", "{\"error\":\"Too many requests\"}");
        } else if (path.equals("/api/v1/timelines/tag/broken")) {
            send(ex, 200, "application/json", "[{\"id\": \"1\", \"content\": ");
        } else {
            send(ex, 404, "text/plain", "no");
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    /** Mastodon semantics: newest first; since_id excludes older, max_id excludes newer-or-equal; limit. */
    private String mastodonPage(String query) {
        Map<String, String> q = query == null ? Map.of() : java.util.Arrays.stream(query.split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        long since = Long.parseLong(q.getOrDefault("since_id", "0"));
        long max = Long.parseLong(q.getOrDefault("max_id", Long.toString(Long.MAX_VALUE)));
        int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
        List<Long> page;
        synchronized (statuses) {
            page = statuses.stream().filter(id -> id > since && id < max).sorted(Collections.reverseOrder())
                    .limit(limit).toList();
        }
        return page.stream().map(id -> """
                {"id":"%d","url":"https://social.example/@kunde/%d","visibility":"public","language":"de",
                 "created_at":"2026-11-24T10:00:00.000Z","account":{"acct":"kunde%d@social.example"},
                 "content":"<p>Status %d zu #%s: die Spindel ist <b>leider</b> defekt</p>"}"""
                .formatted(id, id, id, id, statusWord)).collect(Collectors.joining(",", "[", "]"));
    }

    private String topic(String query) {
        Http r = api.post("/api/v1/monitoring/topics", """
                {"name":"%s","query":"%s","slaHours":4}""".formatted(TestData.unique("Topic"), query.replace("\"",
                "\\\"")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private long source(String kind, String url, String target) {
        Http r = api.post("/api/v1/monitoring/sources", """
                {"kind":"%s","name":"%s","url":"%s","target":"%s","intervalMinutes":15}"""
                .formatted(kind, TestData.unique("Source"), url, target));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Long.parseLong(r.json().path("id").asString());
    }

    private void makeDue(long sourceId) {
        data.jdbc().sql("update monitoring_sources set next_fetch_at = now() - interval '1 second' where id = :id")
                .param("id", sourceId).update();
    }

    private Map<String, Object> sourceRow(long id) {
        return data.jdbc().sql("select * from monitoring_sources where id = :id").param("id", id).query().singleRow();
    }

    private int mentionsOf(long sourceId) {
        return data.jdbc().sql("select count(*) from monitoring_mentions where source_id = :s").param("s", sourceId)
                .query(Integer.class).single();
    }

    private static String rss(String... items) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Presse</title>
                <link>https://news.example</link><description>d</description>""");
        for (int i = 0; i < items.length; i += 2) {
            sb.append("<item><title>").append(items[i]).append("</title><link>").append(items[i + 1])
                    .append("</link><description>&lt;p&gt;").append(items[i])
                    .append("&lt;/p&gt;</description><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    @Test
    void feedWithConditionalGetAndDedupeAcrossSources() {
        String word = TestData.unique("Fraese").replaceAll("[^A-Za-z0-9]", "");
        topic(word + " OR \"" + word + "x neu\"");
        bodies.put("/feed/a", rss(
                "Die " + word + " ist hervorragend, sehr zufrieden", "https://news.example/a/1?utm_source=x",
                "Nichts zum Thema hier", "https://news.example/a/2",
                "Ärger mit der " + word + ": nicht gut", "https://news.example/a/3"));
        long feed = source("FEED", base + "/feed/a", "");
        poller.pollDue();
        assertThat(mentionsOf(feed)).isEqualTo(2);
        Map<String, Object> row = sourceRow(feed);
        assertThat(row.get("etag")).isEqualTo("\"v1\"");
        assertThat((Integer) row.get("failures")).isZero();
        assertThat(data.jdbc().sql("select sentiment from monitoring_mentions where source_id = :s order by id")
                .param("s", feed).query(String.class).list()).containsExactly("POSITIVE", "NEGATIVE");

        // the same feed again: If-None-Match goes out, 304 comes back, nothing new and no error
        makeDue(feed);
        poller.pollDue();
        assertThat(ifNoneMatch).contains("\"v1\"");
        assertThat(mentionsOf(feed)).isEqualTo(2);
        assertThat((Integer) sourceRow(feed).get("failures")).isZero();

        // a second feed carrying the same article (tracking parameter differs) and a repost of the same text
        bodies.put("/feed/b", rss(
                "Die " + word + " ist hervorragend, sehr zufrieden", "https://NEWS.example/a/1/",
                "Ärger   mit der " + word.toUpperCase() + ": nicht gut!", "https://other.example/repost"));
        long second = source("FEED", base + "/feed/b", "");
        poller.pollDue();
        assertThat(mentionsOf(second)).isZero();
        assertThat((Integer) sourceRow(second).get("failures")).isZero();
    }

    @Test
    void mastodonPagesWithSinceIdAndMaxId() {
        statusWord = TestData.unique("tag").replaceAll("[^A-Za-z0-9]", "");
        topic("spindel AND " + statusWord);
        for (long i = 1; i <= 5; i++) {
            statuses.add(i);
        }
        long src = source("MASTODON_TAG", base, "#" + statusWord);
        poller.pollDue();
        // the first poll takes only the newest page
        assertThat(mentionsOf(src)).isEqualTo(2);
        assertThat(sourceRow(src).get("since_id")).isEqualTo("5");

        for (long i = 6; i <= 10; i++) {
            statuses.add(i);
        }
        requests.clear();
        makeDue(src);
        poller.pollDue();
        assertThat(mentionsOf(src)).isEqualTo(7);
        assertThat(sourceRow(src).get("since_id")).isEqualTo("10");
        assertThat(requests).anyMatch(r -> r.contains("since_id=5") && r.contains("max_id=9"))
                .anyMatch(r -> r.contains("since_id=5") && r.contains("max_id=7"));
        Map<String, Object> m = data.jdbc().sql("""
                        select author, text, language, url from monitoring_mentions where source_id = :s
                        order by id desc limit 1""").param("s", src).query().singleRow();
        assertThat(m.get("author")).asString().startsWith("@kunde");
        assertThat(m.get("text")).asString().doesNotContain("<").contains("leider defekt");
        assertThat(m.get("language")).isEqualTo("de");
    }

    @Test
    void rateLimitPostponesWithoutError() {
        long src = source("MASTODON_ACCOUNT", base, "42");
        poller.pollDue();
        Map<String, Object> row = sourceRow(src);
        assertThat((Integer) row.get("failures")).isZero();
        assertThat(((java.sql.Timestamp) row.get("next_fetch_at")).toInstant())
                .isAfter(Instant.now().plus(Duration.ofMinutes(25)));
    }

    @Test
    void malformedAndOversizedAnswersBecomeSourceErrorsWithBackOff() {
        bodies.put("/feed/broken", "<rss><channel><item><title>kaputt");
        bodies.put("/feed/huge", rss("x".repeat(70_000), "https://news.example/huge"));
        long broken = source("FEED", base + "/feed/broken", "");
        long json = source("MASTODON_TAG", base, "broken");
        long huge = source("FEED", base + "/feed/huge", "");
        long unreachable = source("FEED", "http://127.0.0.1:1/feed", "");
        assertThat(poller.pollDue()).isGreaterThanOrEqualTo(4);
        for (long id : List.of(broken, json, huge, unreachable)) {
            Map<String, Object> row = sourceRow(id);
            assertThat((Integer) row.get("failures")).as("source " + id).isEqualTo(1);
            assertThat(row.get("last_error")).as("source " + id).isNotNull();
            // back-off: interval (15 min) × 2
            assertThat(((java.sql.Timestamp) row.get("next_fetch_at")).toInstant())
                    .isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        }
        assertThat(sourceRow(huge).get("last_error")).asString().contains("TOO_LARGE");
        assertThat(sourceRow(json).get("last_error")).asString().contains("malformed JSON");
        assertThat(sourceRow(broken).get("last_error")).asString().contains("feed");
        // the team sees the error on the source's page
        assertThat(login(admin).get("/monitoring/sources/" + broken).body()).contains("feed");
    }

    private static String sign(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookReceiver.hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> hook(String key, String signature, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/monitoring/" + key))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Kontor-Signature", signature);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void webhooksNeedTheRightSignature() throws Exception {
        String word = TestData.unique("Hook").replaceAll("[^A-Za-z0-9]", "");
        topic(word);
        Http created = api.post("/api/v1/monitoring/sources", """
                {"kind":"WEBHOOK","name":"%s"}""".formatted(TestData.unique("Hook")));
        long id = Long.parseLong(created.json().path("id").asString());
        String path = created.json().path("webhookPath").asString();
        String key = path.substring(path.lastIndexOf('/') + 1);
        String secret = created.json().path("webhookSecret").asString();
        String body = """
                {"mentions":[{"text":"The %s keeps crashing, very disappointing","url":"https://forum.example/t/1",
                  "author":"@buyer","publishedAt":"2026-11-24T12:00:00Z"},{"url":"https://forum.example/no-text"}]}"""
                .formatted(word);

        assertThat(hook(key, null, body).statusCode()).isEqualTo(401);
        assertThat(hook(key, sign("wrong", body), body).statusCode()).isEqualTo(401);
        assertThat(hook(key, sign(secret, body + " "), body).statusCode()).isEqualTo(401);
        assertThat(mentionsOf(id)).isZero();
        assertThat(hook("no-such-key", sign(secret, body), body).statusCode()).isEqualTo(404);

        HttpResponse<String> ok = hook(key, sign(secret, body), body);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"stored\":1").contains("\"skipped\":1");
        assertThat(mentionsOf(id)).isEqualTo(1);
        assertThat(data.jdbc().sql("select sentiment || ' ' || language from monitoring_mentions where source_id = :s")
                .param("s", id).query(String.class).single()).isEqualTo("NEGATIVE en");
        // sending it again stores nothing new
        assertThat(hook(key, sign(secret, body), body).body()).contains("\"stored\":0");

        String malformed = "{\"mentions\": [";
        assertThat(hook(key, sign(secret, malformed), malformed).statusCode()).isEqualTo(400);
        assertThat(sourceRow(id).get("last_error")).asString().contains("malformed JSON");
    }

    private long webhookMention(String word, String text) throws Exception {
        Http created = api.post("/api/v1/monitoring/sources", """
                {"kind":"WEBHOOK","name":"%s"}""".formatted(TestData.unique("Hook")));
        String path = created.json().path("webhookPath").asString();
        String secret = created.json().path("webhookSecret").asString();
        String body = "{\"text\":\"" + text + "\"}";
        assertThat(hook(path.substring(path.lastIndexOf('/') + 1), sign(secret, body), body).statusCode())
                .isEqualTo(200);
        return data.jdbc().sql("select max(id) from monitoring_mentions where text like :w")
                .param("w", "%" + word + "%").query(Long.class).single();
    }

    private int notifications(long userId, String type) {
        return data.jdbc().sql("select count(*) from notifications where user_id = :u and type = :t")
                .param("u", userId).param("t", type).query(Integer.class).single();
    }

    @Test
    void overdueMentionsAreHighlightedAndRemindedOnce() throws Exception {
        String word = TestData.unique("Sla").replaceAll("[^A-Za-z0-9]", "");
        topic(word);
        long mention = webhookMention(word, "Wo bleibt die Antwort zu " + word + "?");
        data.jdbc().sql("update monitoring_mentions set due_at = now() - interval '1 minute' where id = :id")
                .param("id", mention).update();
        assertThat(login(admin).get("/monitoring/mentions/" + mention).body()).contains("badge-overdue");
        int before = notifications(admin.id(), "MONITORING_OVERDUE");
        assertThat(watch.remindOverdue()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications(admin.id(), "MONITORING_OVERDUE") == before + 1);
        watch.remindOverdue();
        assertThat(notifications(admin.id(), "MONITORING_OVERDUE")).isEqualTo(before + 1);
        // the notification reads well and leads to the mention
        var web = login(admin);
        assertThat(web.get("/notifications").body()).contains("a mention is waiting past its response time");
        assertThat(web.get("/settings/notifications").status()).isEqualTo(200);
        long notification = data.jdbc().sql("""
                        select max(id) from notifications where user_id = :u and type = 'MONITORING_OVERDUE'""")
                .param("u", admin.id()).query(Long.class).single();
        assertThat(web.get("/notifications/" + notification + "/open").location())
                .endsWith("/monitoring/mentions/" + mention);
        assertThat(api.get("/api/v1/monitoring/mentions/" + mention).json().path("mention").path("overdue")
                .asBoolean()).isTrue();
    }

    @Test
    void negativeSpikeNotifiesFollowers() throws Exception {
        String word = TestData.unique("Spike").replaceAll("[^A-Za-z0-9]", "");
        String topicId = topic(word);
        for (int i = 0; i < 10; i++) {
            webhookMention(word, "Schon wieder kaputt: " + word + " Nummer " + i + " ist defekt, sehr schlecht");
        }
        int before = notifications(admin.id(), "MONITORING_SPIKE");
        watch.alertSpikes();
        // hour and day, volume and negative share: four alerts, each notified once
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(admin.id(), "MONITORING_SPIKE") >= before + 4);
        assertThat(data.jdbc().sql("select kind from monitoring_alerts where topic_id = :t order by kind")
                .param("t", Long.parseLong(topicId)).query(String.class).list())
                .containsExactly("NEGATIVE", "NEGATIVE_DAY", "VOLUME", "VOLUME_DAY");
        watch.alertSpikes();
        assertThat(data.jdbc().sql("select count(*) from monitoring_alerts where topic_id = :t")
                .param("t", Long.parseLong(topicId)).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void retentionDeletesOldTexts() throws Exception {
        String word = TestData.unique("Old").replaceAll("[^A-Za-z0-9]", "");
        topic(word);
        long mention = webhookMention(word, "Alter Beitrag über " + word);
        data.jdbc().sql("update monitoring_mentions set received_at = now() - interval '400 days' where id = :id")
                .param("id", mention).update();
        watch.deleteExpiredTexts();
        Map<String, Object> row = data.jdbc().sql("select text, author from monitoring_mentions where id = :id")
                .param("id", mention).query().singleRow();
        assertThat(row.get("text")).isNull();
        assertThat(login(admin).get("/monitoring/mentions/" + mention).body())
                .contains("deleted after the retention period");
    }
}
