package de.kontor.identity.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.shared.KontorProperties;
import de.kontor.shared.Validation;

/**
 * Invitations to join: an administrator invites an address with a role, the link carries a random token that is
 * stored only as a hash, valid for {@code kontor.invitation-validity} and usable once.
 */
@Service
public class InvitationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The new invitation plus its secret link; the link can never be shown again. */
    public record Created(InvitationRepository.Invitation invitation, String token, String url) {
    }

    public enum Status { VALID, EXPIRED, USED, REVOKED, UNKNOWN }

    /** What the join page needs: the state of the link and, for a valid one, the invitation and existing account. */
    public record Lookup(Status status, InvitationRepository.Invitation invitation,
                         UserAdminRepository.Account existing) {
    }

    private final InvitationRepository invitations;
    private final UserAdminRepository accounts;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final KontorProperties properties;

    public InvitationService(InvitationRepository invitations, UserAdminRepository accounts, UserRepository users,
                             PasswordEncoder encoder, AuditLog audit, TransactionTemplate tx,
                             KontorProperties properties) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
    }

    public Created invite(KontorUser actor, String email, Role role, String ip) {
        UserAdministration.requireAdmin(actor);
        new Validation().email("email", email)
                .check(role != null, "role", "admin.users.roleRequired")
                .throwIfInvalid();
        // a person created by the CSV import has no password yet and is invited to set one
        Optional<UserAdminRepository.Account> existing = accounts.findAccountByEmail(email);
        if (existing.isPresent() && existing.get().hasPassword()) {
            throw new DomainException.Conflict("email", existing.get().active()
                    ? "admin.invitations.alreadyMember" : "admin.invitations.deactivatedMember");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = invitations.insert(ApiTokens.hash(token), email, role, actor.id(),
                Instant.now().plus(properties.invitationValidity()));
        audit.record(actor.id(), "invitation.created", "invitation:" + id, ip, email.strip() + " as " + role);
        return new Created(invitations.find(id).orElseThrow(), token, joinUrl(token));
    }

    public String joinUrl(String token) {
        String base = properties.baseUrl() == null ? "" : properties.baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/join/" + token;
    }

    public List<InvitationRepository.Invitation> open(KontorUser actor) {
        UserAdministration.requireAdmin(actor);
        return invitations.open();
    }

    public void revoke(KontorUser actor, long id, String ip) {
        UserAdministration.requireAdmin(actor);
        InvitationRepository.Invitation inv = invitations.find(id).orElseThrow(DomainException.NotFound::new);
        if (inv.acceptedAt() != null) {
            throw new DomainException.Conflict("invitation", "admin.invitations.alreadyAccepted");
        }
        if (invitations.revoke(id)) {
            audit.record(actor.id(), "invitation.revoked", "invitation:" + id, ip, inv.email());
        }
    }

    public Lookup lookup(String token) {
        Optional<InvitationRepository.Invitation> found = token == null || token.isBlank() ? Optional.empty()
                : invitations.findByTokenHash(ApiTokens.hash(token));
        if (found.isEmpty()) {
            return new Lookup(Status.UNKNOWN, null, null);
        }
        InvitationRepository.Invitation inv = found.get();
        UserAdminRepository.Account existing = accounts.findAccountByEmail(inv.email()).orElse(null);
        if (inv.acceptedAt() != null || (existing != null && existing.hasPassword())) {
            return new Lookup(Status.USED, inv, existing);
        }
        if (inv.revokedAt() != null || (existing != null && !existing.active())) {
            return new Lookup(Status.REVOKED, inv, existing);
        }
        if (inv.expired()) {
            return new Lookup(Status.EXPIRED, inv, existing);
        }
        return new Lookup(Status.VALID, inv, existing);
    }

    /**
     * Accepts the invitation: creates the account, or gives the password-less imported account its password.
     * Returns the new principal, or empty when the link stopped being valid (the caller looks it up again).
     */
    public Optional<KontorUser> accept(String token, String displayName, String password, String passwordRepeat,
                                       String ip) {
        PasswordRules.validate(new Validation().length("displayName", displayName, 1, 120),
                "password", password, passwordRepeat).throwIfInvalid();
        String hash = encoder.encode(password);
        Long userId = tx.execute(s -> {
            Lookup l = lookup(token);
            if (l.status() != Status.VALID || !invitations.accept(l.invitation().id())) {
                return null;
            }
            InvitationRepository.Invitation inv = l.invitation();
            long id;
            if (l.existing() != null) {
                id = l.existing().id();
                accounts.completeAccount(id, displayName, hash, inv.role());
            } else {
                id = users.create(inv.email(), hash, displayName, inv.role());
            }
            invitations.revokeOpenFor(inv.email());
            audit.record(id, "invitation.accepted", "invitation:" + inv.id(), ip, "user:" + id);
            return id;
        });
        return userId == null ? Optional.empty() : users.findPrincipal(userId);
    }
}
