package de.kontor.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.shared.web.Problems;

/**
 * {@code POST /hooks/monitoring/{sourceKey}}: outside the session, CSRF and token checks (the HMAC signature is the
 * authentication). 404 unknown source, 401 wrong or missing signature (nothing stored), 400 malformed JSON, 413 over
 * 1 MiB, 200 with counts otherwise.
 */
@RestController
@Hidden
class WebhookController {

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/hooks/monitoring/{key}")
    ResponseEntity<?> receive(@PathVariable String key, HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(WebhookReceiver.MAX_BODY + 1);
        }
        if (body.length > WebhookReceiver.MAX_BODY) {
            return problem(413, "The body is larger than 1 MiB");
        }
        return switch (receiver.receive(key, request.getHeader(WebhookReceiver.HEADER), body)) {
            case WebhookReceiver.Result.Unknown u -> problem(404, "No such webhook source");
            case WebhookReceiver.Result.BadSignature b -> problem(401, "Wrong or missing " + WebhookReceiver.HEADER);
            case WebhookReceiver.Result.Malformed m -> problem(400, m.reason());
            case WebhookReceiver.Result.Accepted a -> ResponseEntity.ok(Map.of("received", a.received(),
                    "stored", a.stored(), "skipped", a.skipped()));
        };
    }

    private static ResponseEntity<ProblemDetail> problem(int status, String detail) {
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(Problems.of(status, detail));
    }
}
