package de.kontor.blogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kontor.shared.internal.JobRunner;
import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;
import tools.jackson.databind.JsonNode;

/** Blog articles through the API and the forms: bad input, publishing and scheduling, the cover, lists, search. */
class BlogFlowsIT extends AbstractIT {

    private static final Duration LAG = Duration.ofSeconds(10);

    @Autowired
    JobRunner jobs;

    private static String word() {
        StringBuilder sb = new StringBuilder("zb");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    private static JsonNode write(ApiClient api, Long spaceId, String title, String state, String publishAt) {
        Http r = api.post("/api/v1/articles", "{" + (spaceId == null ? "" : "\"spaceId\":\"" + spaceId + "\",")
                + "\"title\":\"" + title + "\",\"teaser\":\"Kurz gesagt\",\"text\":\"Der **Text** " + title + "\""
                + ",\"tags\":[\"Wissen\"]" + (state == null ? "" : ",\"state\":\"" + state + "\"")
                + (publishAt == null ? "" : ",\"publishAt\":\"" + publishAt + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void emptyTitlePastScheduleAndUnknownStateAre422WithFieldErrors() {
        TestUser author = data.member();
        ApiClient api = api(author);
        Http r = api.post("/api/v1/articles", "{\"title\":\"\",\"tags\":[\"9x\"],\"state\":\"SCHEDULED\"}");
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "tags", "publishAt");
        assertThat(api.post("/api/v1/articles", "{\"title\":\"T\",\"state\":\"SCHEDULED\",\"publishAt\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS) + "\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/articles", "{\"title\":\"T\",\"state\":\"LATER\"}").status()).isEqualTo(422);
        Http form = login(author).post("/articles", Map.of("spaceId", "", "title", " ", "teaser", "Mein Anreißer",
                "action", "PUBLISH"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("field-error", "Mein Anreißer");
        assertThat(data.jdbc().sql("select count(*) from blog_articles where author_id = :a")
                .param("a", author.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void publishingAnnouncesTheArticleInTheStreamWhereItsCommentsAre() {
        TestUser author = data.member();
        TestSpace space = data.space("PRIVATE", author);
        TestUser colleague = data.member();
        data.addMember(space, colleague, "MEMBER");
        JsonNode draft = write(api(author), space.id(), "Retrofit MX-400", null, null);
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("postId").isNull()).isTrue();
        String id = draft.get("id").asText();
        assertThat(api(colleague).get("/api/v1/articles/" + id).status()).isEqualTo(404);
        assertThat(api(colleague).get("/api/v1/blogs/spaces/" + space.id()).json().get("items").size()).isZero();

        JsonNode published = api(author).patch("/api/v1/articles/" + id, "{\"title\":\"Retrofit MX-400\","
                + "\"teaser\":\"Kurz gesagt\",\"state\":\"PUBLISHED\"}").json();
        assertThat(published.get("state").asText()).isEqualTo("PUBLISHED");
        long post = published.get("postId").asLong();
        String postBody = data.jdbc().sql("select body from posts where id = :p and space_id = :s")
                .param("p", post).param("s", space.id()).query(String.class).single();
        assertThat(postBody).contains("[Retrofit MX-400](/articles/" + id + ")", "Kurz gesagt");

        // comments on the post are the article's comments
        assertThat(api(colleague).post("/api/v1/posts/" + post + "/comments", "{\"body\":\"Spannend!\"}").status())
                .isEqualTo(201);
        String page = login(colleague).get("/articles/" + id).body();
        assertThat(page).contains("href=\"/posts/" + post + "\"", "Retrofit MX-400", "<strong>Text</strong>");
        assertThat(login(colleague).get("/posts/" + post).body()).contains("Spannend!");

        // publishing again changes nothing: one post
        api(author).patch("/api/v1/articles/" + id, "{\"title\":\"Retrofit MX-400 (neu)\",\"state\":\"PUBLISHED\"}");
        assertThat(api(author).get("/api/v1/articles/" + id).json().get("postId").asLong()).isEqualTo(post);
        assertThat(api(colleague).get("/api/v1/blogs/spaces/" + space.id()).json().get("items").get(0)
                .get("title").asText()).isEqualTo("Retrofit MX-400 (neu)");

        // a person's blog article is announced on the profile
        JsonNode own = write(api(author), null, "Mein erster Artikel", "PUBLISHED", null);
        assertThat(data.jdbc().sql("select space_id from posts where id = :p").param("p", own.get("postId").asLong())
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void aScheduledArticleIsPublishedByTheJobAtItsTime() {
        TestUser author = data.member();
        TestUser reader = data.member();
        String w = word();
        JsonNode scheduled = write(api(author), null, "Geplant " + w, "SCHEDULED",
                Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        String id = scheduled.get("id").asText();
        assertThat(scheduled.get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(api(reader).get("/api/v1/articles/" + id).status()).isEqualTo(404);
        assertThat(login(author).get("/blogs/people/" + author.id()).body()).contains("Geplant " + w, "Scheduled");

        data.jdbc().sql("update blog_articles set publish_at = now() - interval '1 second' where id = :id")
                .param("id", Long.parseLong(id)).update();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try {
                jobs.scheduler().reschedule(TaskInstanceId.of("blogs-publish-due", "recurring"), Instant.now());
            } catch (RuntimeException running) {
                // currently executing: it picks the article up in this or the next round
            }
            jobs.scheduler().triggerCheckForDueExecutions();
            return api(reader).get("/api/v1/articles/" + id).status() == 200;
        });
        JsonNode now = api(reader).get("/api/v1/articles/" + id).json();
        assertThat(now.get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(now.get("postId").isNull()).isFalse();
        await().atMost(LAG).until(() -> total(api(reader), w) == 1);
        assertThat(total(api(data.guest()), w)).isZero();
    }

    private static long total(ApiClient api, String q) {
        return api.get("/api/v1/search?type=article&q=" + q).json().get("total").asLong();
    }

    @Test
    void draftsAreNeverFoundAndListsShowOnlyReadableArticles() {
        TestUser author = data.member();
        TestSpace secret = data.space("SECRET", author);
        String w = word();
        write(api(author), secret.id(), "Geheim " + w, "PUBLISHED", null);
        write(api(author), null, "Entwurf " + w, null, null);
        JsonNode open = write(api(author), null, "Offen " + w, "PUBLISHED", null);
        await().atMost(LAG).until(() -> total(api(author), w) == 2);
        TestUser other = data.member();
        assertThat(total(api(other), w)).isEqualTo(1);
        assertThat(api(other).get("/api/v1/search?type=article&q=" + w).json().get("items").get(0).get("url")
                .asText()).isEqualTo("/articles/" + open.get("id").asText());
        String latest = login(other).get("/articles").body();
        assertThat(latest).contains("Offen " + w).doesNotContain("Geheim " + w).doesNotContain("Entwurf " + w);
        TestUser guest = data.guest();
        assertThat(login(guest).get("/articles").body()).doesNotContain("Offen " + w);
        assertThat(api(guest).get("/api/v1/articles/" + open.get("id").asText()).status()).isEqualTo(404);
        assertThat(api(guest).get("/api/v1/blogs/people/" + author.id()).status()).isEqualTo(404);
        write(api(author), null, "Noch einer " + w, "PUBLISHED", null);
        Http first = api(author).get("/api/v1/blogs/people/" + author.id() + "?limit=1");
        assertThat(first.json().get("items").size()).isEqualTo(1);
        assertThat(first.header("Link")).contains("rel=\"next\"");
        assertThat(api(author).get("/api/v1/articles/drafts").json().get(("items")).get(0).get("title").asText())
                .isEqualTo("Entwurf " + w);
    }

    /** A 1×1 PNG. */
    static final byte[] PNG = BlogMatrixIT.PNG;

    @Test
    void coversAreImagesOnlyWithinTheLimitAndServedOnlyToReadersWithoutSniffing() throws Exception {
        TestUser author = data.member();
        TestSpace space = data.space("PRIVATE", author);
        String id = write(api(author), space.id(), "Mit Bild", "PUBLISHED", null).get("id").asText();
        String token = data.token(author, "read", "write");
        assertThat(putCover(token, id, PNG).statusCode()).isEqualTo(200);
        assertThat(putCover(token, id, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(422);
        assertThat(putCover(token, id, new byte[0]).statusCode()).isEqualTo(422);
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(putCover(token, id, big).statusCode()).isEqualTo(413);

        WebSession web = login(author);
        HttpResponse<byte[]> image = web.getBytes("/articles/" + id + "/cover");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(login(data.member()).getBytes("/articles/" + id + "/cover").statusCode()).isEqualTo(404);

        // the form: a GIF replaces it, a text file is refused beside the field
        byte[] gif = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        assertThat(web.post("/articles/" + id + "/cover", "multipart/form-data; boundary=XyZ",
                multipart("cover", "bild.gif", gif)).status()).isEqualTo(302);
        assertThat(web.getBytes("/articles/" + id + "/cover").headers().firstValue("Content-Type"))
                .hasValue("image/gif");
        Http refused = web.post("/articles/" + id + "/cover", "multipart/form-data; boundary=XyZ",
                multipart("cover", "notiz.png", "nur Text".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error");
    }

    private HttpResponse<byte[]> putCover(String token, String id, byte[] body) throws IOException,
            InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/articles/" + id
                        + "/cover")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] multipart(String field, String filename, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
