package de.kontor.spaces.internal;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
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
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;
import de.kontor.spaces.internal.SpaceService.Changes;
import de.kontor.spaces.internal.SpaceService.MemberView;
import de.kontor.spaces.internal.SpaceService.MembershipState;
import de.kontor.spaces.internal.SpaceService.PendingView;

/** {@code /api/v1/spaces}: the same use cases and permissions as the pages. */
@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "Spaces", description = "Spaces, members, invitations and join requests")
class SpacesApiController {

    /** A space as the caller sees it; {@code myRole} is null for non-members. */
    record SpaceJson(String id, String name, String description, String descriptionHtml, String visibility,
                     boolean archived, boolean external, int memberCount, String myRole, boolean invited,
                     String createdAt) {
        static SpaceJson of(Space s) {
            return new SpaceJson(Long.toString(s.id()), s.name(), s.description(), s.descriptionHtml(),
                    s.visibility().name(), s.archived(), s.external(), s.memberCount(),
                    s.myRole() == null ? null : s.myRole().name(), s.invited(), s.createdAt().toString());
        }
    }

    record MemberJson(String userId, String displayName, String role, boolean guest, String joinedAt) {
        static MemberJson of(MemberView m) {
            return new MemberJson(Long.toString(m.member().userId()), m.user().displayName(),
                    m.member().role().name(), m.member().guest(), m.member().joinedAt().toString());
        }
    }

    /** A pending invitation or join request. */
    record PendingJson(String spaceId, String userId, String displayName, boolean guest, String message,
                       String createdAt) {
        static PendingJson of(PendingView p) {
            return new PendingJson(Long.toString(p.pending().spaceId()), Long.toString(p.pending().userId()),
                    p.user() == null ? null : p.user().displayName(), p.user() != null && p.user().guest(),
                    p.pending().message(), p.pending().createdAt().toString());
        }
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record CreateSpace(String name, String description, String visibility) {
    }

    record PatchSpace(String name, String description, String visibility, Boolean archived) {
    }

    record JoinBody(String message) {
    }

    record RoleBody(String role) {
    }

    record UserRef(String userId) {
    }

    record MembershipJson(String spaceId, String userId, String state) {
    }

    private final SpaceService service;

    SpacesApiController(SpaceService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Spaces the caller may see (members: public, private and their own; guests: their own)")
    ResponseEntity<ListJson<SpaceJson>> list(@AuthenticationPrincipal KontorUser viewer,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor) {
        Page<Space> page = service.list(viewer, SpaceRepository.Scope.VISIBLE, q, cursor, limit);
        return paged(page, SpaceJson::of);
    }

    @PostMapping
    @Operation(summary = "Create a space; the caller becomes its owner (409 duplicate name, 403 for guests)")
    ResponseEntity<SpaceJson> create(@AuthenticationPrincipal KontorUser viewer, @RequestBody CreateSpace body) {
        Space s = service.create(viewer, body.name(), body.description(), body.visibility());
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + s.id())).body(SpaceJson.of(s));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One space (404 when the caller may not know it exists)")
    SpaceJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return SpaceJson.of(service.view(viewer, id).space());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Edit name, description, visibility (owners, moderators) or archived (owners)")
    SpaceJson patch(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @RequestBody PatchSpace body) {
        return SpaceJson.of(service.update(viewer, id,
                new Changes(body.name(), body.description(), body.visibility(), body.archived())));
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Members in the order they joined (readers of the space only)")
    ResponseEntity<ListJson<MemberJson>> members(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                                 @RequestParam(required = false) Integer limit,
                                                 @RequestParam(required = false) String cursor) {
        return paged(service.members(viewer, id, cursor, limit), MemberJson::of);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Join a public space (201) or ask to join a private one (202)")
    ResponseEntity<MembershipJson> join(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                        @RequestBody(required = false) JoinBody body) {
        MembershipState state = service.joinOrRequest(viewer, id, body == null ? null : body.message());
        MembershipJson json = new MembershipJson(Long.toString(id), Long.toString(viewer.id()),
                state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == MembershipState.JOINED) {
            return ResponseEntity.created(URI.create("/api/v1/spaces/" + id + "/members/" + viewer.id())).body(json);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(json);
    }

    @DeleteMapping("/{id}/members/{userId}")
    @Operation(summary = "Leave (own id) or remove a member (owners, moderators); 409 for the last owner")
    ResponseEntity<Void> removeMember(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                      @PathVariable long userId) {
        service.remove(viewer, id, userId);
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/{id}/members/{userId}")
    @Operation(summary = "Change a member's role (owners)")
    MemberJson changeRole(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                          @PathVariable long userId, @RequestBody RoleBody body) {
        return MemberJson.of(service.changeRole(viewer, id, userId, body.role()));
    }

    @GetMapping("/{id}/invitations")
    @Operation(summary = "Pending invitations (owners, moderators)")
    ListJson<PendingJson> invitations(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return new ListJson<>(service.invitations(viewer, id).stream().map(PendingJson::of).toList(), null);
    }

    @PostMapping("/{id}/invitations")
    @Operation(summary = "Invite an existing person by id (owners, moderators)")
    ResponseEntity<PendingJson> invite(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                       @RequestBody UserRef body) {
        long userId = userId(body);
        service.inviteById(viewer, id, userId);
        PendingJson created = service.invitations(viewer, id).stream()
                .filter(p -> p.pending().userId() == userId).findFirst().map(PendingJson::of).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + id + "/invitations")).body(created);
    }

    @PostMapping("/{id}/invitations/accept")
    @Operation(summary = "Accept the caller's invitation (404 without one)")
    SpaceJson accept(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        service.acceptInvitation(viewer, id);
        return SpaceJson.of(service.view(viewer, id).space());
    }

    @PostMapping("/{id}/invitations/decline")
    @Operation(summary = "Decline the caller's invitation (404 without one)")
    ResponseEntity<Void> declineInvitation(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        service.declineInvitation(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/requests")
    @Operation(summary = "Open join requests (owners, moderators)")
    ListJson<PendingJson> requests(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return new ListJson<>(service.requests(viewer, id).stream().map(PendingJson::of).toList(), null);
    }

    @PostMapping("/{id}/requests/{userId}/approve")
    @Operation(summary = "Approve a join request (owners, moderators)")
    ResponseEntity<Void> approve(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                 @PathVariable long userId) {
        service.approve(viewer, id, userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/requests/{userId}/decline")
    @Operation(summary = "Decline a join request (owners, moderators)")
    ResponseEntity<Void> decline(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                 @PathVariable long userId) {
        service.decline(viewer, id, userId);
        return ResponseEntity.noContent().build();
    }

    private static long userId(UserRef body) {
        if (body == null || body.userId() == null || body.userId().isBlank()) {
            throw new DomainException.Invalid("userId", "validation.required");
        }
        try {
            return Long.parseLong(body.userId().strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("userId", "space.invite.unknownUser");
        }
    }

    private static <T, J> ResponseEntity<ListJson<J>> paged(Page<T> page, Function<T, J> toJson) {
        return ApiPaging.ok(page.nextCursor())
                .body(new ListJson<>(page.items().stream().map(toJson).toList(), page.nextCursor()));
    }
}
