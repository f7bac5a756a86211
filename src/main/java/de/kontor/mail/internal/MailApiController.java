package de.kontor.mail.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;

/** {@code /api/v1/mail/digest}: the caller's digest, as on Settings → E-mail. */
@RestController
@RequestMapping("/api/v1/mail/digest")
@Tag(name = "E-mail", description = "The caller's e-mail digest")
class MailApiController {

    /** {@code frequency}: OFF, DAILY or WEEKLY (Mondays); {@code hour} 0–23 in {@code zone} (an IANA time zone). */
    record DigestJson(String frequency, Integer hour, String zone) {
    }

    private final Digests digests;

    MailApiController(Digests digests) {
        this.digests = digests;
    }

    @GetMapping
    @Operation(summary = "The caller's digest setting")
    DigestJson get(@AuthenticationPrincipal KontorUser viewer) {
        return json(digests.settings(viewer));
    }

    @PutMapping
    @Operation(summary = "Change the digest (422 unknown frequency, hour outside 0–23 or unknown time zone)")
    DigestJson put(@AuthenticationPrincipal KontorUser viewer, @RequestBody DigestJson body) {
        digests.update(viewer, body.frequency(), body.hour() == null ? null : body.hour().toString(), body.zone());
        return json(digests.settings(viewer));
    }

    private static DigestJson json(Digests.DigestSettings s) {
        return new DigestJson(s.frequency().name(), s.hour(), s.zone());
    }
}
