package de.kontor.notify.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/** {@code /api/v1/notifications}: the same use cases as the pages. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app notifications and notification preferences")
class NotificationApiController {

    /** A notification; {@code othersCount} people reacted besides {@code actor} (grouped reactions). */
    record NotificationJson(String id, String type, boolean unread, String actorId, String actorName,
                            int othersCount, String spaceId, String spaceName, String postId, String commentId,
                            String url, String createdAt, String updatedAt) {
        static NotificationJson of(NotificationView v) {
            Notification n = v.notification();
            return new NotificationJson(Long.toString(n.id()), n.type().name(), n.unread(), str(n.actorId()),
                    v.actor() == null ? null : v.actor().displayName(), v.others(), str(n.spaceId()),
                    v.spaceName(), str(n.postId()), str(n.commentId()), n.link(), n.createdAt().toString(),
                    n.updatedAt().toString());
        }
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record CountJson(int unreadCount) {
    }

    /** {@code inApp} and {@code email}: null in a change leaves that switch as it is. */
    record TypePreferenceJson(String type, Boolean inApp, Boolean email) {
    }

    /** {@code level}: ALL, MENTIONS_ONLY or MUTE. */
    record SpacePreferenceJson(String spaceId, String spaceName, String level) {
    }

    record PreferencesJson(List<TypePreferenceJson> types, List<SpacePreferenceJson> spaces) {
    }

    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationApiController(Notifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest (or last updated) first; cursor-paginated")
    ResponseEntity<ListJson<NotificationJson>> list(@AuthenticationPrincipal KontorUser viewer,
                                                    @RequestParam(required = false) Integer limit,
                                                    @RequestParam(required = false) String cursor) {
        Page<NotificationView> page = notifications.list(viewer, cursor, limit);
        return ApiPaging.ok(page.nextCursor())
                .body(new ListJson<>(page.items().stream().map(NotificationJson::of).toList(), page.nextCursor()));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "Number of unread notifications (what the bell shows)")
    CountJson unreadCount(@AuthenticationPrincipal KontorUser viewer) {
        return new CountJson(notifications.unreadCount(viewer));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one notification read (404 for someone else's)")
    ResponseEntity<Void> read(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        notifications.markRead(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all notifications read")
    ResponseEntity<Void> readAll(@AuthenticationPrincipal KontorUser viewer) {
        notifications.markAllRead(viewer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    @Operation(summary = "In-app and e-mail switch per type and level per space (spaces the caller is a member of)")
    PreferencesJson preferences(@AuthenticationPrincipal KontorUser viewer) {
        return json(preferences.settings(viewer));
    }

    @PutMapping("/preferences")
    @Operation(summary = "Change preferences; types and spaces not mentioned keep their setting "
            + "(422 unknown type or level, 404 space not readable)")
    PreferencesJson update(@AuthenticationPrincipal KontorUser viewer, @RequestBody PreferencesJson body) {
        Map<String, Boolean> inApp = new HashMap<>();
        Map<String, Boolean> email = new HashMap<>();
        if (body.types() != null) {
            for (TypePreferenceJson t : body.types()) {
                if (t == null || t.type() == null || (t.inApp() == null && t.email() == null)) {
                    throw new DomainException.Invalid("types", "validation.required");
                }
                if (t.inApp() != null) {
                    inApp.put(t.type(), t.inApp());
                }
                if (t.email() != null) {
                    email.put(t.type(), t.email());
                }
            }
        }
        Map<Long, String> levels = new HashMap<>();
        if (body.spaces() != null) {
            for (SpacePreferenceJson s : body.spaces()) {
                if (s == null || s.spaceId() == null || s.level() == null) {
                    throw new DomainException.Invalid("spaces", "validation.required");
                }
                levels.put(spaceId(s.spaceId()), s.level());
            }
        }
        preferences.update(viewer, inApp, email, levels);
        return json(preferences.settings(viewer));
    }

    private static long spaceId(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.NotFound();
        }
    }

    private static PreferencesJson json(NotificationPreferences.Settings s) {
        return new PreferencesJson(
                s.types().stream().map(t -> new TypePreferenceJson(t.type().name(), t.inApp(), t.email())).toList(),
                s.spaces().stream().map(sp -> new SpacePreferenceJson(Long.toString(sp.spaceId()), sp.spaceName(),
                        sp.level().name())).toList());
    }

    private static String str(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
