package de.kontor.monitoring.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.kontor.shared.net.OutboundHttp;

/**
 * Reads a Mastodon hashtag timeline ({@code /api/v1/timelines/tag/{tag}}) or an account's statuses
 * ({@code /api/v1/accounts/{id}/statuses}) of any instance through its public REST API. The first poll takes the
 * newest page; later polls ask only for statuses newer than the newest seen ({@code since_id}) and walk back with
 * {@code max_id} while pages come back full, up to {@code kontor.monitoring.mastodon-max-pages}. Only statuses with
 * visibility {@code public} are kept; a 429 postpones the source until {@code X-RateLimit-Reset}.
 */
@Component
class MastodonFetcher {

    private static final Logger log = LoggerFactory.getLogger(MastodonFetcher.class);

    private final OutboundHttp http;
    private final JsonMapper json;
    private final MonitoringProperties properties;

    MastodonFetcher(OutboundHttp http, JsonMapper json, MonitoringProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    Fetched fetch(Source source) {
        String base = source.url().endsWith("/") ? source.url().substring(0, source.url().length() - 1)
                : source.url();
        String target = URLEncoder.encode(source.target(), StandardCharsets.UTF_8);
        String path = source.kind() == Source.Kind.MASTODON_TAG ? "/api/v1/timelines/tag/" + target
                : "/api/v1/accounts/" + target + "/statuses";
        int size = properties.mastodonPageSize();
        List<Listening.Heard> items = new ArrayList<>();
        String newest = source.sinceId();
        String maxId = null;
        for (int page = 0; page < properties.mastodonMaxPages(); page++) {
            StringBuilder url = new StringBuilder(base).append(path).append("?limit=").append(size);
            if (source.sinceId() != null) {
                url.append("&since_id=").append(URLEncoder.encode(source.sinceId(), StandardCharsets.UTF_8));
            }
            if (maxId != null) {
                url.append("&max_id=").append(URLEncoder.encode(maxId, StandardCharsets.UTF_8));
            }
            OutboundHttp.Response response = Fetching.get(http, URI.create(url.toString()),
                    Map.of("Accept", "application/json"));
            Fetching.requireOk(response);
            JsonNode statuses;
            try {
                statuses = json.readTree(response.body());
            } catch (JacksonException e) {
                throw new Fetched.Failed("malformed JSON from " + response.uri() + ": " + e.getOriginalMessage());
            }
            if (statuses == null || !statuses.isArray()) {
                throw new Fetched.Failed("expected a JSON array of statuses from " + response.uri());
            }
            String oldest = null;
            for (JsonNode status : statuses) {
                String id = status.path("id").asString("");
                if (id.isEmpty()) {
                    log.info("Mastodon source {}: status without id skipped", source.id());
                    continue;
                }
                newest = newer(newest, id);
                oldest = oldest == null || newer(oldest, id).equals(oldest) ? id : oldest;
                Listening.Heard heard = heard(source, status);
                if (heard != null) {
                    items.add(heard);
                }
            }
            // a short page is the last; the very first poll only takes the newest page
            if (statuses.size() < size || oldest == null || source.sinceId() == null) {
                break;
            }
            maxId = oldest;
        }
        return new Fetched(items, null, null, newest);
    }

    private Listening.Heard heard(Source source, JsonNode status) {
        JsonNode s = status.path("reblog").isObject() ? status.path("reblog") : status;
        if (!"public".equals(s.path("visibility").asString("public"))) {
            return null;
        }
        String content = s.path("content").asString("");
        if (content.isBlank()) {
            log.info("Mastodon source {}: status {} without content skipped", source.id(), s.path("id").asString());
            return null;
        }
        Instant created = null;
        try {
            if (s.hasNonNull("created_at")) {
                created = Instant.parse(s.path("created_at").asString());
            }
        } catch (DateTimeParseException e) {
            log.info("Mastodon source {}: status {} with bad created_at", source.id(), s.path("id").asString());
        }
        String url = s.hasNonNull("url") ? s.path("url").asString() : s.path("uri").asString(null);
        String acct = s.path("account").path("acct").asString("");
        return new Listening.Heard(url, acct.isEmpty() ? "" : "@" + acct, content, created,
                s.path("language").asString(null));
    }

    /** Mastodon ids are decimal strings: longer is newer, equal length compares as text. */
    static String newer(String a, String b) {
        if (a == null) {
            return b;
        }
        if (a.length() != b.length()) {
            return a.length() > b.length() ? a : b;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
