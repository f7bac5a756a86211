package de.kontor.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import de.kontor.support.ApiClient;
import de.kontor.support.Http;

/** Helpers of the search tests: words nobody else writes, posts through the API, searches through the API. */
final class SearchSupport {

    private SearchSupport() {
    }

    /** A made-up lower-case word (letters only, so every analysis chain keeps it whole). */
    static String word() {
        StringBuilder sb = new StringBuilder("zq");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    static long post(ApiClient api, Long spaceId, String body) {
        String json = "{" + (spaceId == null ? "" : "\"spaceId\":\"" + spaceId + "\",") + "\"body\":" + quote(body)
                + "}";
        Http r = api.post("/api/v1/posts", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Long.parseLong(r.json().get("id").asText());
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static Http search(ApiClient api, String q) {
        return api.get("/api/v1/search?q=" + encode(q));
    }

    static long total(ApiClient api, String q) {
        Http r = search(api, q);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    /** Every hit counted ({@code exactTotal=true}), also beyond the 1,000 a normal search counts. */
    static long exactTotal(ApiClient api, String q) {
        Http r = api.get("/api/v1/search?exactTotal=true&q=" + encode(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("totalExact").asBoolean()).isTrue();
        return r.json().get("total").asLong();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
