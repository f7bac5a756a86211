package de.kontor.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People of the company and their profiles")
class UsersApiController {

    /** A person as the API shows them; ids and times as strings. */
    record UserJson(String id, String displayName, String email, String role, boolean active, String jobTitle,
                    UnitJson orgUnit, String location, String phone, String about, String aboutHtml,
                    List<String> skills, String avatarUrl, String company, String locale, String createdAt) {

        static UserJson of(Profile p) {
            return new UserJson(Long.toString(p.id()), p.displayName(), p.email(), p.role().name(), p.active(),
                    p.jobTitle(), p.orgUnitId() == null ? null : new UnitJson(p.orgUnitId().toString(), p.orgUnitName()),
                    p.location(), p.phone(), p.about(), p.aboutHtml(), p.skills(), p.avatarUrl(), p.company(),
                    p.locale(), p.createdAt().toString());
        }
    }

    record UnitJson(String id, String name) {
    }

    private final Profiles profiles;
    private final PrincipalRefresh principals;

    UsersApiController(Profiles profiles, PrincipalRefresh principals) {
        this.profiles = profiles;
        this.principals = principals;
    }

    @GetMapping
    @Operation(summary = "Directory: active people by name; search in name, e-mail and job title; filter by org "
            + "unit (including sub-units) and skill. Not for guests.")
    ResponseEntity<Map<String, Object>> list(@AuthenticationPrincipal KontorUser viewer,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Long unit,
                                             @RequestParam(required = false) String skill,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor) {
        Page<Profile> page = profiles.directory(viewer, new ProfileRepository.DirectoryQuery(q, unit, skill),
                cursor, limit);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", page.items().stream().map(UserJson::of).toList());
        body.put("nextCursor", page.nextCursor());
        return ApiPaging.ok(page.nextCursor()).body(body);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in person's profile")
    UserJson me(@AuthenticationPrincipal KontorUser viewer) {
        return UserJson.of(profiles.me(viewer));
    }

    @GetMapping("/{id:\\d+}")
    @Operation(summary = "One person's profile (guests may only read their own)")
    UserJson one(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return UserJson.of(profiles.view(viewer, id));
    }

    @PatchMapping("/me")
    @Operation(summary = "Edit the own profile: displayName, jobTitle, orgUnitId, location, phone, about, skills[], "
            + "locale (\"de\", \"en\" or null for the browser's language); absent fields stay as they are")
    UserJson patch(@AuthenticationPrincipal KontorUser viewer, @RequestBody JsonNode body, HttpServletRequest request,
                   HttpServletResponse response) {
        Profile updated = profiles.update(viewer, apply(ProfileChanges.of(profiles.me(viewer)), body));
        principals.refresh(viewer.id(), request, response);
        return UserJson.of(updated);
    }

    @PostMapping(path = "/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the own picture (multipart field \"avatar\"; PNG, JPEG, GIF or WebP up to "
            + "kontor.avatar-max-size); it is cut to a square of at most 256×256")
    UserJson uploadAvatar(@AuthenticationPrincipal KontorUser viewer,
                          @RequestParam(name = "avatar", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException.Invalid("avatar", "avatar.missing");
        }
        try (InputStream in = file.getInputStream()) {
            profiles.uploadAvatar(viewer, file.getSize(), in);
        }
        return UserJson.of(profiles.me(viewer));
    }

    @DeleteMapping("/me/avatar")
    @Operation(summary = "Remove the own picture")
    ResponseEntity<Void> removeAvatar(@AuthenticationPrincipal KontorUser viewer) {
        profiles.removeAvatar(viewer);
        return ResponseEntity.noContent().build();
    }

    /** Applies the fields present in the JSON object; wrong types and unknown fields are validation errors. */
    static ProfileChanges apply(ProfileChanges c, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DomainException.Invalid("body", "api.objectExpected");
        }
        List<DomainException.FieldError> errors = new ArrayList<>();
        String displayName = c.displayName();
        String jobTitle = c.jobTitle();
        Long unit = c.orgUnitId();
        String location = c.location();
        String phone = c.phone();
        String about = c.about();
        List<String> skills = c.skills();
        String locale = c.locale();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode v = e.getValue();
            String field = e.getKey();
            switch (field) {
                case "displayName" -> displayName = text(v, field, errors, displayName);
                case "jobTitle" -> jobTitle = text(v, field, errors, jobTitle);
                case "location" -> location = text(v, field, errors, location);
                case "phone" -> phone = text(v, field, errors, phone);
                case "about" -> about = text(v, field, errors, about);
                case "locale" -> locale = text(v, field, errors, locale);
                case "orgUnitId" -> {
                    if (v.isNull()) {
                        unit = null;
                    } else if (v.isIntegralNumber() || (v.isString() && v.asString().strip().matches("\\d{1,18}"))) {
                        unit = v.isIntegralNumber() ? v.asLong() : Long.parseLong(v.asString().strip());
                    } else {
                        errors.add(new DomainException.FieldError(field, "profile.unitUnknown"));
                    }
                }
                case "skills" -> {
                    if (v.isArray()) {
                        List<String> list = new ArrayList<>();
                        v.forEach(s -> list.add(s.isString() ? s.asString() : null));
                        skills = list;
                    } else {
                        errors.add(new DomainException.FieldError(field, "api.arrayExpected"));
                    }
                }
                default -> errors.add(new DomainException.FieldError(field, "api.notEditable"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        return new ProfileChanges(displayName, jobTitle, unit, location, phone, about, skills, locale);
    }

    private static String text(JsonNode v, String field, List<DomainException.FieldError> errors, String current) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add(new DomainException.FieldError(field, "api.textExpected"));
            return current;
        }
        return v.asString();
    }
}
