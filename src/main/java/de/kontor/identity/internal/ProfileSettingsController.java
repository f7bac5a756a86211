package de.kontor.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Settings → Profile: the signed-in person edits their own profile and picture. */
@Controller
class ProfileSettingsController {

    private final Profiles profiles;
    private final OrgUnits units;
    private final FormErrors formErrors;
    private final PrincipalRefresh principals;
    private final Endorsements endorsements;

    ProfileSettingsController(Profiles profiles, OrgUnits units, FormErrors formErrors, PrincipalRefresh principals,
                              Endorsements endorsements) {
        this.profiles = profiles;
        this.units = units;
        this.formErrors = formErrors;
        this.principals = principals;
        this.endorsements = endorsements;
    }

    /** The expert finder opt-out: a checkbox, so an absent parameter means "show me". */
    @PostMapping("/settings/expert-finder")
    String expertFinder(@AuthenticationPrincipal KontorUser viewer,
                        @RequestParam(defaultValue = "false") boolean hidden, RedirectAttributes redirect) {
        endorsements.setHidden(viewer, hidden);
        redirect.addFlashAttribute("flash", "experts.optout.saved");
        return "redirect:/settings/profile#expert-finder";
    }

    @GetMapping("/settings/profile")
    String form(@AuthenticationPrincipal KontorUser viewer, Model model) {
        return render(viewer, values(profiles.me(viewer)), model);
    }

    @PostMapping("/settings/profile")
    String save(@AuthenticationPrincipal KontorUser viewer, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            profiles.update(viewer, changes(form));
        } catch (DomainException e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return render(viewer, new HashMap<>(form), model);
        }
        principals.refresh(viewer.id(), request, response);
        redirect.addFlashAttribute("flash", "profile.saved");
        return "redirect:/settings/profile";
    }

    @PostMapping("/settings/avatar")
    String upload(@AuthenticationPrincipal KontorUser viewer,
                  @RequestParam(name = "avatar", required = false) MultipartFile file, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException.Invalid("avatar", "avatar.missing");
            }
            try (InputStream in = file.getInputStream()) {
                profiles.uploadAvatar(viewer, file.getSize(), in);
            }
        } catch (DomainException e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", Map.of("avatar", formErrors.messages(e, request).values().iterator()
                    .next()));
            return render(viewer, values(profiles.me(viewer)), model);
        }
        redirect.addFlashAttribute("flash", "avatar.saved");
        return "redirect:/settings/profile";
    }

    @PostMapping("/settings/avatar/delete")
    String removeAvatar(@AuthenticationPrincipal KontorUser viewer, RedirectAttributes redirect) {
        profiles.removeAvatar(viewer);
        redirect.addFlashAttribute("flash", "avatar.removed");
        return "redirect:/settings/profile";
    }

    private String render(KontorUser viewer, Map<String, String> form, Model model) {
        model.addAttribute("profile", profiles.me(viewer));
        model.addAttribute("form", form);
        model.addAttribute("units", units.tree());
        model.addAttribute("expertHidden", endorsements.hidden(viewer));
        return "identity/profileSettings";
    }

    private static Map<String, String> values(Profile p) {
        Map<String, String> form = new HashMap<>();
        form.put("displayName", p.displayName());
        form.put("jobTitle", p.jobTitle());
        form.put("orgUnitId", p.orgUnitId() == null ? "" : p.orgUnitId().toString());
        form.put("location", p.location());
        form.put("phone", p.phone());
        form.put("about", p.about());
        form.put("skills", String.join(", ", p.skills()));
        form.put("locale", p.locale() == null ? "" : p.locale());
        return form;
    }

    private static ProfileChanges changes(Map<String, String> form) {
        String unit = form.getOrDefault("orgUnitId", "");
        Long unitId;
        try {
            unitId = unit.isBlank() ? null : Long.valueOf(unit.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("orgUnitId", "profile.unitUnknown");
        }
        String locale = form.getOrDefault("locale", "");
        return new ProfileChanges(form.getOrDefault("displayName", ""), form.get("jobTitle"), unitId,
                form.get("location"), form.get("phone"), form.getOrDefault("about", ""),
                Profiles.parseSkills(form.get("skills")), locale.isBlank() || locale.equals("browser") ? null : locale);
    }
}
