package de.kontor.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import de.kontor.identity.KontorUser;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;

/**
 * Personal access tokens of the signed-in person. The {@code admin} scope is only for administrators (403
 * otherwise), and a token can never mint a token with more scopes than it has itself.
 */
@Service
public class TokenService {

    static final int MAX_DAYS = 3650;

    private final ApiTokens tokens;
    private final AuditLog audit;

    public TokenService(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    public List<ApiTokens.ApiToken> list(KontorUser me) {
        return tokens.list(me.id());
    }

    public ApiTokens.ApiToken get(KontorUser me, long id) {
        return tokens.find(me.id(), id).orElseThrow(DomainException.NotFound::new);
    }

    /**
     * Creates a token. {@code ceiling} is the scope set of the token making this request, or null for a browser
     * session.
     */
    public ApiTokens.Created create(KontorUser me, String name, Collection<String> scopes, Integer expiresInDays,
                                    Set<String> ceiling, String ip) {
        Set<String> wanted = new TreeSet<>();
        if (scopes != null) {
            scopes.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(wanted::add);
        }
        Validation v = new Validation().length("name", name, 1, 100)
                .check(!wanted.isEmpty(), "scopes", "account.tokens.scopeRequired");
        for (String s : wanted) {
            v.check(ApiTokens.SCOPES.contains(s), "scopes", "account.tokens.scopeUnknown", s);
        }
        v.check(expiresInDays == null || (expiresInDays >= 1 && expiresInDays <= MAX_DAYS), "expiresInDays",
                "account.tokens.expiryRange", MAX_DAYS);
        v.throwIfInvalid();
        if (wanted.contains("admin") && !me.admin()) {
            throw new DomainException.Forbidden("account.tokens.adminScopeForbidden");
        }
        if (ceiling != null && !ceiling.containsAll(wanted)) {
            throw new DomainException.Forbidden("account.tokens.scopeBeyondToken");
        }
        Instant expiresAt = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
        ApiTokens.Created created = tokens.create(me.id(), name.strip(), wanted, expiresAt);
        audit.record(me.id(), "token.created", "token:" + created.token().id(), ip,
                created.token().name() + " " + wanted);
        return created;
    }

    public void revoke(KontorUser me, long id, String ip) {
        ApiTokens.ApiToken token = get(me, id);
        if (token.revokedAt() == null) {
            tokens.revoke(me.id(), id);
            audit.record(me.id(), "token.revoked", "token:" + id, ip, token.name());
        }
    }
}
