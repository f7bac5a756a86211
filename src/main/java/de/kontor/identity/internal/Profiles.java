package de.kontor.identity.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.KontorProperties;
import de.kontor.shared.Page;
import de.kontor.shared.Validation;

/**
 * Profiles and the people directory. Decides who may see what: members and admins see every active profile,
 * admins also deactivated ones, a guest only their own.
 */
@Service
public class Profiles {

    static final int MAX_SKILLS = 30;
    /** Digits with the usual separators, optionally international: "+49 30 1234-56", "(030) 123 456". */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]+$");

    private final ProfileRepository profiles;
    private final OrgUnits units;
    private final AvatarImages images;
    private final KontorProperties properties;

    Profiles(ProfileRepository profiles, OrgUnits units, AvatarImages images, KontorProperties properties) {
        this.profiles = profiles;
        this.units = units;
        this.images = images;
        this.properties = properties;
    }

    public Profile view(KontorUser viewer, long id) {
        if (viewer.guest() && viewer.id() != id) {
            throw new DomainException.Forbidden();
        }
        return profiles.find(id)
                .filter(p -> p.active() || viewer.admin() || p.id() == viewer.id())
                .orElseThrow(DomainException.NotFound::new);
    }

    public Profile me(KontorUser viewer) {
        return profiles.find(viewer.id()).orElseThrow(DomainException.NotFound::new);
    }

    public Page<Profile> directory(KontorUser viewer, ProfileRepository.DirectoryQuery query, String cursor,
                                   Integer limit) {
        requireMember(viewer);
        int n = Cursor.limit(limit);
        List<Profile> rows = profiles.directory(query, Cursor.decode(cursor), n + 1);
        if (rows.size() <= n) {
            return new Page<>(rows, null);
        }
        Profile last = rows.get(n - 1);
        return new Page<>(rows.subList(0, n),
                new Cursor(last.displayName().toLowerCase(Locale.ROOT), last.id()).encode());
    }

    /** Existing skills matching the prefix, most used first. */
    public List<String> suggestSkills(KontorUser viewer, String prefix, int limit) {
        requireMember(viewer);
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return profiles.suggestSkills(prefix, limit).stream().map(ProfileRepository.SkillCount::skill).toList();
    }

    @Transactional
    public Profile update(KontorUser viewer, ProfileChanges changes) {
        ProfileChanges valid = validate(changes);
        profiles.update(viewer.id(), valid);
        return me(viewer);
    }

    /** Checks all fields at once and returns them trimmed (blank optional fields become null). */
    ProfileChanges validate(ProfileChanges c) {
        Validation v = new Validation()
                .length("displayName", c.displayName(), 1, 120)
                .maxLength("jobTitle", c.jobTitle(), 120)
                .maxLength("location", c.location(), 120)
                .maxLength("phone", c.phone(), 40)
                .maxLength("about", c.about(), 10_000);
        String phone = blankToNull(c.phone());
        v.check(phone == null || phone.length() > 40 || (PHONE.matcher(phone).matches() && digits(phone) >= 3),
                "phone", "profile.phoneInvalid");
        v.check(c.orgUnitId() == null || units.exists(c.orgUnitId()), "orgUnitId", "profile.unitUnknown");
        v.check(c.locale() == null || c.locale().equals("de") || c.locale().equals("en"), "locale",
                "profile.localeInvalid");
        List<String> skills = c.skills() == null ? List.of() : c.skills();
        v.check(skills.size() <= MAX_SKILLS, "skills", "profile.tooManySkills", MAX_SKILLS);
        for (String s : skills) {
            if (s == null || s.isBlank() || s.strip().length() > 60) {
                v.check(false, "skills", "profile.skillLength", 60);
                break;
            }
        }
        v.throwIfInvalid();
        return new ProfileChanges(c.displayName().strip(), blankToNull(c.jobTitle()), c.orgUnitId(),
                blankToNull(c.location()), phone, c.about() == null ? "" : c.about().strip(), distinct(skills),
                c.locale());
    }

    /** Splits the comma-separated skills field of the form; empty entries (", ,") are ignored. */
    static List<String> parseSkills(String raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String s : raw.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /**
     * Stores a new picture; the size limit is {@code kontor.avatar-max-size}, checked before anything is read.
     * Deliberately not transactional: decoding must not hold a database connection, and the write is one statement.
     */
    public void uploadAvatar(KontorUser viewer, long size, java.io.InputStream data) throws java.io.IOException {
        long max = properties.avatarMaxSize().toBytes();
        if (size > max) {
            throw new DomainException.TooLarge("avatar.tooLarge", humanSize(max));
        }
        byte[] bytes = data.readNBytes((int) max + 1);
        if (bytes.length > max) {
            throw new DomainException.TooLarge("avatar.tooLarge", humanSize(max));
        }
        AvatarImages.Scaled scaled = images.scale(bytes);
        profiles.setAvatar(viewer.id(), scaled.bytes(), scaled.contentType());
    }

    private static String humanSize(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : Math.max(1, bytes / 1024) + " KB";
    }

    public void removeAvatar(KontorUser viewer) {
        profiles.removeAvatar(viewer.id());
    }

    /** The picture of a person the viewer may see, or 404. */
    public ProfileRepository.Avatar avatar(KontorUser viewer, long id) {
        view(viewer, id);
        return profiles.avatar(id).orElseThrow(DomainException.NotFound::new);
    }

    private static void requireMember(KontorUser viewer) {
        if (viewer == null || viewer.guest()) {
            throw new DomainException.Forbidden();
        }
    }

    private static List<String> distinct(List<String> skills) {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (String s : skills) {
            byLower.putIfAbsent(s.strip().toLowerCase(Locale.ROOT), s.strip());
        }
        return List.copyOf(byLower.values());
    }

    private static long digits(String s) {
        return s.chars().filter(Character::isDigit).count();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
