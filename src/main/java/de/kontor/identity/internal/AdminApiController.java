package de.kontor.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.shared.Cursor;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/**
 * Administration over the API: invitations, accounts, audit log. Everything under {@code /api/v1/admin} needs the
 * ADMIN role and, for tokens, the {@code admin} scope (enforced by the security configuration and the services).
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Invitations, accounts and the audit log (administrators only)")
class AdminApiController {

    record InvitationJson(String id, String email, String role, Instant createdAt, Instant expiresAt,
                          String invitedBy) {
        static InvitationJson of(InvitationRepository.Invitation i) {
            return new InvitationJson(Long.toString(i.id()), i.email(), i.role().name(), i.createdAt(),
                    i.expiresAt(), i.invitedById() == null ? null : Long.toString(i.invitedById()));
        }
    }

    @Schema(description = "The invitation; `url` contains the secret token and is shown only in this response")
    record CreatedInvitationJson(String id, String email, String role, Instant expiresAt, String url) {
    }

    record InviteRequest(String email, @Schema(allowableValues = {"ADMIN", "MEMBER", "GUEST"}) String role) {
    }

    record UserJson(String id, String displayName, String email, String role, boolean active, boolean hasPassword,
                    Instant createdAt, Instant lastLoginAt) {
        static UserJson of(UserAdminRepository.UserRow u) {
            return new UserJson(Long.toString(u.id()), u.displayName(), u.email(), u.role().name(), u.active(),
                    u.hasPassword(), u.createdAt(), u.lastLoginAt());
        }
    }

    @Schema(description = "Fields to change; absent fields stay as they are")
    record UserPatch(Boolean active, @Schema(allowableValues = {"ADMIN", "MEMBER", "GUEST"}) String role) {
    }

    record AuditJson(String id, Instant at, String actorId, String actorName, String action, String target,
                     String ip, String detail) {
        static AuditJson of(AuditTrail.Entry e) {
            return new AuditJson(Long.toString(e.id()), e.at(), e.actorId() == null ? null : e.actorId().toString(),
                    e.actorName(), e.action(), e.target(), e.ip(), e.detail());
        }
    }

    private final InvitationService invitations;
    private final UserAdministration administration;
    private final AuditTrail auditTrail;

    AdminApiController(InvitationService invitations, UserAdministration administration,
                       AuditTrail auditTrail) {
        this.invitations = invitations;
        this.administration = administration;
        this.auditTrail = auditTrail;
    }

    @PostMapping("/invitations")
    @Operation(summary = "Invite a person by e-mail", description = "409 when the address belongs to an account "
            + "with a password; an account created by the import without a password may be invited.")
    ResponseEntity<CreatedInvitationJson> invite(@AuthenticationPrincipal KontorUser me,
                                                 @RequestBody InviteRequest body, HttpServletRequest request) {
        InvitationService.Created c = invitations.invite(me, body.email(), InvitationController.role(body.role()),
                request.getRemoteAddr());
        InvitationRepository.Invitation i = c.invitation();
        return ResponseEntity.created(URI.create("/api/v1/admin/invitations/" + i.id()))
                .body(new CreatedInvitationJson(Long.toString(i.id()), i.email(), i.role().name(), i.expiresAt(),
                        c.url()));
    }

    @GetMapping("/invitations")
    @Operation(summary = "Open invitations (not accepted, revoked or expired)")
    Map<String, Object> openInvitations(@AuthenticationPrincipal KontorUser me) {
        return Map.of("items", invitations.open(me).stream().map(InvitationJson::of).toList());
    }

    @DeleteMapping("/invitations/{id}")
    @Operation(summary = "Revoke an invitation; its link stops working")
    ResponseEntity<Void> revokeInvitation(@AuthenticationPrincipal KontorUser me, @PathVariable long id,
                                          HttpServletRequest request) {
        invitations.revoke(me, id, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    @Operation(summary = "Accounts ordered by name, 50 per page",
            description = "status: active, inactive or pending (no password yet)")
    Map<String, Object> users(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String q,
                              @RequestParam(required = false) String role,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) String cursor, HttpServletResponse response) {
        Page<UserAdminRepository.UserRow> page = administration.list(me, new UserAdminRepository.Filter(
                q == null || q.isBlank() ? null : q, InvitationController.role(role), status), cursor);
        return paged(page.items().stream().map(UserJson::of).toList(), page.nextCursor(), response);
    }

    @PatchMapping("/users/{id}")
    @Operation(summary = "Deactivate, reactivate or change the role of an account",
            description = "Ends the person's sessions at once. 409 for oneself or the last active administrator.")
    UserJson patchUser(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestBody UserPatch body,
                       HttpServletRequest request) {
        if (body.role() != null) {
            administration.changeRole(me, id, InvitationController.role(body.role()), request.getRemoteAddr());
        }
        if (Boolean.FALSE.equals(body.active())) {
            administration.deactivate(me, id, request.getRemoteAddr());
        } else if (Boolean.TRUE.equals(body.active())) {
            administration.reactivate(me, id, request.getRemoteAddr());
        }
        return UserJson.of(administration.find(me, id));
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first")
    Map<String, Object> audit(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor, HttpServletResponse response) {
        Page<AuditTrail.Entry> page = auditTrail.page(me, cursor, Cursor.limit(limit));
        return paged(page.items().stream().map(AuditJson::of).toList(), page.nextCursor(), response);
    }

    /** The list body plus a {@code Link: rel="next"} to the same request with the next cursor. */
    private static Map<String, Object> paged(List<?> items, String next, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", next);
        if (next != null) {
            response.setHeader(HttpHeaders.LINK, ApiPaging.nextLink(next));
        }
        return body;
    }
}
