package de.kontor.stream.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;

/**
 * {@code Idempotency-Key} for creating POSTs: the same key of the same person returns the first response (status
 * and body) again instead of creating a duplicate; the same key with another request body is 422. The key is
 * reserved in the same transaction as the write, so a failed request leaves no trace and may be retried.
 */
@Component
class Idempotency {

    private final IdempotencyRepository keys;
    private final ObjectMapper json;

    Idempotency(IdempotencyRepository keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Transactional
    public ResponseEntity<?> run(KontorUser viewer, String key, String request, Supplier<ResponseEntity<?>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw new DomainException.Invalid("Idempotency-Key", "stream.error.idempotencyKey");
        }
        String hash = sha256(request);
        if (!keys.reserve(viewer.id(), key, hash)) {
            IdempotencyRepository.Stored stored = keys.find(viewer.id(), key).orElseThrow();
            if (!stored.requestHash().equals(hash)) {
                throw new DomainException.Invalid("Idempotency-Key", "stream.error.idempotencyReused");
            }
            ResponseEntity.BodyBuilder replay = ResponseEntity.status(stored.status())
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
            if (stored.location() != null) {
                replay.location(URI.create(stored.location()));
            }
            return replay.body(stored.body());
        }
        ResponseEntity<?> response = action.get();
        String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        keys.complete(viewer.id(), key, response.getStatusCode().value(), json.writeValueAsString(response.getBody()),
                location);
        return response;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
