package de.kontor.monitoring.internal;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound webhooks: other tools push mentions to {@code POST /hooks/monitoring/{sourceKey}}, signed with the
 * source's secret ({@code X-Kontor-Signature: sha256=<hex HMAC-SHA256 of the raw body>}). Nothing is stored unless
 * the signature is right. Payload: {@code {"mentions":[{"text":…, "url":…, "author":…, "publishedAt":…,
 * "language":"de"|"en"}]}} or one such object; {@code text} is required, everything else optional.
 */
@Service
class WebhookReceiver {

    static final int MAX_BODY = 1024 * 1024;
    static final int MAX_MENTIONS = 100;
    static final String HEADER = "X-Kontor-Signature";

    /** The outcome for the caller. */
    sealed interface Result {
        record Accepted(int received, int stored, int skipped) implements Result {
        }

        record Unknown() implements Result {
        }

        record BadSignature() implements Result {
        }

        record Malformed(String reason) implements Result {
        }
    }

    private final SourceRepository sources;
    private final Listening listening;
    private final JsonMapper json;

    WebhookReceiver(SourceRepository sources, Listening listening, JsonMapper json) {
        this.sources = sources;
        this.listening = listening;
        this.json = json;
    }

    @Transactional
    Result receive(String key, String signature, byte[] body) {
        Optional<Source> found = sources.findByKey(key).filter(s -> s.kind() == Source.Kind.WEBHOOK)
                .filter(Source::enabled);
        if (found.isEmpty()) {
            return new Result.Unknown();
        }
        Source source = found.get();
        if (!valid(source.secret(), signature, body)) {
            return new Result.BadSignature();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            sources.recordFailure(source.id(), source.failures() + 1, "malformed JSON: " + e.getOriginalMessage(),
                    Instant.now());
            return new Result.Malformed("malformed JSON");
        }
        JsonNode items = root != null && root.has("mentions") ? root.get("mentions") : root;
        List<JsonNode> list = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(list::add);
        } else if (items != null && items.isObject()) {
            list.add(items);
        } else {
            sources.recordFailure(source.id(), source.failures() + 1, "payload is neither a mention nor a list",
                    Instant.now());
            return new Result.Malformed("expected {\"mentions\":[...]} or one mention object");
        }
        if (list.size() > MAX_MENTIONS) {
            return new Result.Malformed("at most " + MAX_MENTIONS + " mentions per request");
        }
        List<Listening.Heard> heard = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : list) {
            String text = item.path("text").asString("");
            if (!item.isObject() || text.isBlank()) {
                skipped++;
                continue;
            }
            Instant published = null;
            if (item.hasNonNull("publishedAt")) {
                try {
                    published = Instant.parse(item.path("publishedAt").asString());
                } catch (DateTimeParseException e) {
                    skipped++;
                    continue;
                }
            }
            heard.add(new Listening.Heard(item.path("url").asString(null), item.path("author").asString(""), text,
                    published, item.path("language").asString(null)));
        }
        Listening.Outcome outcome = listening.ingest(source.id(), heard);
        sources.recordSuccess(source.id(), null, null, null, Instant.now());
        return new Result.Accepted(list.size(), outcome.stored(), skipped);
    }

    /** Constant-time check of {@code sha256=<hex>} against the HMAC of the raw body. */
    static boolean valid(String secret, String signature, byte[] body) {
        if (secret == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(7).strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
