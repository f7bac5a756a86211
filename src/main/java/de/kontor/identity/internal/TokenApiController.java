package de.kontor.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal access tokens of the caller")
class TokenApiController {

    @Schema(description = "A personal access token; the secret is never returned again after creation")
    record TokenJson(String id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt,
                     Instant expiresAt, Instant revokedAt,
                     @Schema(allowableValues = {"active", "expired", "revoked"}) String status) {

        static TokenJson of(ApiTokens.ApiToken t) {
            return new TokenJson(Long.toString(t.id()), t.name(), t.scopes(), t.createdAt(), t.lastUsedAt(),
                    t.expiresAt(), t.revokedAt(), TokenApiController.status(t));
        }
    }

    @Schema(description = "A new token: `token` is the secret, shown only in this response")
    record CreatedTokenJson(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
                            String token) {
    }

    @Schema(description = "name 1–100 characters; scopes from read, write, admin (admin only for administrators); "
            + "expiresInDays 1–3650 or absent for no expiry")
    record CreateTokenRequest(String name, List<String> scopes, Integer expiresInDays) {
    }

    private final TokenService tokens;

    TokenApiController(TokenService tokens) {
        this.tokens = tokens;
    }

    static String status(ApiTokens.ApiToken t) {
        if (t.revokedAt() != null) {
            return "revoked";
        }
        return t.usable() ? "active" : "expired";
    }

    @GetMapping
    @Operation(summary = "List the caller's tokens, newest first")
    Map<String, Object> list(@AuthenticationPrincipal KontorUser me) {
        return Map.of("items", tokens.list(me).stream().map(TokenJson::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's tokens")
    TokenJson get(@AuthenticationPrincipal KontorUser me, @PathVariable long id) {
        return TokenJson.of(tokens.get(me, id));
    }

    @PostMapping
    @Operation(summary = "Create a token", description = "Returns the secret once. 422 for a missing name or "
            + "unknown scope; 403 when a non-administrator asks for the admin scope or a token asks for scopes "
            + "beyond its own.")
    ResponseEntity<CreatedTokenJson> create(@AuthenticationPrincipal KontorUser me,
                                            @RequestBody CreateTokenRequest body, HttpServletRequest request) {
        ApiTokens.Created created = tokens.create(me, body.name(), body.scopes(), body.expiresInDays(),
                callerScopes(), request.getRemoteAddr());
        ApiTokens.ApiToken t = created.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
                .body(new CreatedTokenJson(Long.toString(t.id()), t.name(), t.scopes(), t.createdAt(),
                        t.expiresAt(), created.secret()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens (404 for any other id)")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                HttpServletRequest request) {
        tokens.revoke(me, id, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** The scopes of the token behind this request, or null when it comes from a browser session. */
    private static Set<String> callerScopes() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof BearerTokenFilter.TokenAuthentication)) {
            return null;
        }
        Set<String> scopes = new HashSet<>();
        for (GrantedAuthority g : auth.getAuthorities()) {
            if (g.getAuthority().startsWith("SCOPE_")) {
                scopes.add(g.getAuthority().substring(6));
            }
        }
        return scopes;
    }
}
