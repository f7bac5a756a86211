package de.kontor.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.notify.EmailPreferences;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/** Per-type and per-space notification preferences of the signed-in person. */
@Service
public class NotificationPreferences implements EmailPreferences {

    /** At most this many spaces are offered on the settings page (the API accepts any readable space). */
    static final int SPACE_LIMIT = 200;

    /** What the settings page and the API show. */
    public record Settings(List<TypeSetting> types, List<SpaceSetting> spaces) {
        public record TypeSetting(NotificationType type, boolean inApp, boolean email) {
        }

        public record SpaceSetting(long spaceId, String spaceName, SpaceLevel level) {
        }
    }

    private final PreferenceRepository preferences;
    private final SpaceDirectory spaces;
    private final VisibilityPolicy policy;

    NotificationPreferences(PreferenceRepository preferences, SpaceDirectory spaces, VisibilityPolicy policy) {
        this.preferences = preferences;
        this.spaces = spaces;
        this.policy = policy;
    }

    /** Every type, and every space the person is a member of (plus any other space they set a level for). */
    Settings settings(KontorUser viewer) {
        List<Settings.TypeSetting> types = new ArrayList<>();
        Map<NotificationType, Boolean> email = preferences.email(viewer.id());
        preferences.inApp(viewer.id()).forEach((t, on) -> types.add(new Settings.TypeSetting(t, on, email.get(t))));
        Map<Long, SpaceLevel> levels = preferences.spaceLevels(viewer.id());
        List<Settings.SpaceSetting> spaceSettings = new ArrayList<>();
        for (SpaceDirectory.SpaceRef s : spaces.memberships(viewer.id()).stream().limit(SPACE_LIMIT).toList()) {
            spaceSettings.add(new Settings.SpaceSetting(s.id(), s.name(), levels.getOrDefault(s.id(), SpaceLevel.ALL)));
        }
        return new Settings(types, spaceSettings);
    }

    /**
     * Applies the given switches; types and spaces not mentioned keep their setting. Unknown types or levels are 422,
     * a space the person cannot read is 404 (as if it did not exist).
     */
    @Transactional
    void update(KontorUser viewer, Map<String, Boolean> inApp, Map<String, Boolean> email,
                Map<Long, String> spaceLevels) {
        Validation v = new Validation();
        inApp.keySet().forEach(k -> v.check(NotificationType.parse(k) != null, "types", "notify.prefs.unknownType", k));
        email.keySet().forEach(k -> v.check(NotificationType.parse(k) != null, "types", "notify.prefs.unknownType", k));
        spaceLevels.values().forEach(l -> v.check(SpaceLevel.parse(l) != null, "spaces", "notify.prefs.unknownLevel", l));
        v.throwIfInvalid();
        for (Long spaceId : spaceLevels.keySet()) {
            if (!policy.canRead(viewer, spaceId)) {
                throw new DomainException.NotFound();
            }
        }
        inApp.forEach((k, on) -> preferences.setInApp(viewer.id(), NotificationType.parse(k), Boolean.TRUE.equals(on)));
        email.forEach((k, on) -> preferences.setEmail(viewer.id(), NotificationType.parse(k), Boolean.TRUE.equals(on)));
        spaceLevels.forEach((s, l) -> preferences.setSpaceLevel(viewer.id(), s, SpaceLevel.parse(l)));
    }

    @Override
    @Transactional
    public boolean stopEmail(long userId, String type) {
        NotificationType t = NotificationType.parse(type);
        if (t == null) {
            return false;
        }
        preferences.setEmail(userId, t, false);
        return true;
    }
}
