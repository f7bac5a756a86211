package de.kontor.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import de.kontor.identity.KontorUser;
import de.kontor.shared.Page;

/** The people directory, profile pages, avatars and the skill auto-complete. */
@Controller
class PeopleController {

    private final Profiles profiles;
    private final OrgUnits units;
    private final Endorsements endorsements;

    PeopleController(Profiles profiles, OrgUnits units, Endorsements endorsements) {
        this.profiles = profiles;
        this.units = units;
        this.endorsements = endorsements;
    }

    @GetMapping("/people")
    String directory(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q,
                     @RequestParam(required = false) Long unit, @RequestParam(required = false) String skill,
                     @RequestParam(required = false) String cursor, Model model) {
        Page<Profile> page = profiles.directory(viewer, new ProfileRepository.DirectoryQuery(q, unit, skill),
                cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : UriComponentsBuilder.fromPath("/people")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("unit", Optional.ofNullable(unit))
                .queryParamIfPresent("skill", Optional.ofNullable(skill).filter(s -> !s.isBlank()))
                .queryParam("cursor", page.nextCursor())
                .encode().build().toUriString());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("unit", unit);
        model.addAttribute("skill", skill == null ? "" : skill);
        model.addAttribute("units", units.tree());
        return "identity/people";
    }

    @GetMapping("/people/{id:\\d+}")
    String profile(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("profile", profiles.view(viewer, id));
        model.addAttribute("skills", endorsements.of(viewer, id));
        return "identity/profile";
    }

    /** Endorses a colleague's skill, or withdraws the endorsement ({@code withdraw=true}); back to the profile. */
    @PostMapping("/people/{id:\\d+}/endorsements")
    String endorse(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @RequestParam String skill,
                   @RequestParam(defaultValue = "false") boolean withdraw, RedirectAttributes redirect) {
        if (withdraw) {
            endorsements.withdraw(viewer, id, skill);
            redirect.addFlashAttribute("flash", "endorse.withdrawn");
        } else {
            endorsements.endorse(viewer, id, skill);
            redirect.addFlashAttribute("flash", "endorse.saved");
        }
        return "redirect:/people/" + id + "#skills";
    }

    @GetMapping("/people/{id:\\d+}/avatar")
    ResponseEntity<byte[]> avatar(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                  @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        ProfileRepository.Avatar avatar = profiles.avatar(viewer, id);
        String etag = "\"avatar-" + id + "-" + avatar.version() + "\"";
        // private: the picture is only for signed-in people; the versioned URL lets the browser keep it a day
        CacheControl cache = CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate();
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cache)
                .contentType(MediaType.parseMediaType(avatar.type())).body(avatar.bytes());
    }

    /**
     * Auto-complete for the comma-separated skills field: {@code q} is the whole field (htmx sends it as
     * {@code skills}); the last entry is completed, and each option carries the full new field value.
     */
    @GetMapping("/people/skills/suggest")
    String suggest(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String skills, Model model) {
        String field = q != null ? q : skills == null ? "" : skills;
        int comma = field.lastIndexOf(',');
        String head = comma < 0 ? "" : field.substring(0, comma + 1).strip() + " ";
        String term = field.substring(comma + 1).strip();
        List<String> existing = Profiles.parseSkills(head).stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .toList();
        List<String> options = profiles.suggestSkills(viewer, term, 10).stream()
                .filter(s -> !existing.contains(s.toLowerCase(java.util.Locale.ROOT)))
                .map(s -> head + s).toList();
        model.addAttribute("options", options);
        return "identity/skillOptions";
    }
}
