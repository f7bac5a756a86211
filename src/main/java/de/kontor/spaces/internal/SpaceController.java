package de.kontor.spaces.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;
import de.kontor.spaces.internal.SpaceService.Changes;
import de.kontor.spaces.internal.SpaceService.SpaceView;

/** The space pages and their form actions; every decision is the service's, this only parses and renders. */
@Controller
class SpaceController {

    private static final int PREVIEW = 8;

    private final SpaceService service;
    private final FormErrors formErrors;

    SpaceController(SpaceService service, FormErrors formErrors) {
        this.service = service;
        this.formErrors = formErrors;
    }

    @GetMapping("/spaces")
    String list(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor, @RequestParam(required = false) String mineCursor,
                Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("mine", service.list(viewer, SpaceRepository.Scope.MINE, q, mineCursor, 20));
        model.addAttribute("discover", service.list(viewer, SpaceRepository.Scope.DISCOVER, q, cursor, 20));
        model.addAttribute("mineCursor", mineCursor);
        model.addAttribute("cursor", cursor);
        return "spaces/list";
    }

    @GetMapping("/spaces/new")
    String newForm(@AuthenticationPrincipal KontorUser viewer, Model model) {
        service.requireCanCreate(viewer);
        model.addAttribute("form", Map.of("visibility", "PUBLIC"));
        return "spaces/new";
    }

    @PostMapping("/spaces")
    String create(@AuthenticationPrincipal KontorUser viewer, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        service.requireCanCreate(viewer);
        try {
            Space s = service.create(viewer, form.get("name"), form.get("description"), form.get("visibility"));
            redirect.addFlashAttribute("flash", "space.flash.created");
            return "redirect:/spaces/" + s.id();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            response.setStatus(e.status());
            model.addAttribute("form", new HashMap<>(form));
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return "spaces/new";
        }
    }

    @GetMapping("/spaces/{id}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        SpaceView v = service.view(viewer, id);
        model.addAttribute("view", v);
        model.addAttribute("members", v.access().read()
                ? service.members(viewer, id, null, PREVIEW).items() : List.of());
        return "spaces/show";
    }

    @GetMapping("/spaces/{id}/members")
    String members(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                   @RequestParam(required = false) String cursor, Model model) {
        SpaceView v = service.view(viewer, id);
        model.addAttribute("view", v);
        model.addAttribute("members", service.members(viewer, id, cursor, 50));
        boolean moderate = v.access().moderate();
        model.addAttribute("requests", moderate ? service.requests(viewer, id) : List.of());
        model.addAttribute("invitations", moderate ? service.invitations(viewer, id) : List.of());
        model.addAttribute("cursor", cursor);
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", "");
        }
        return "spaces/members";
    }

    @GetMapping("/spaces/{id}/settings")
    String settings(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        SpaceView v = service.settings(viewer, id);
        model.addAttribute("view", v);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", v.space().name(), "description", v.space().description(),
                    "visibility", v.space().visibility().name()));
        }
        model.addAttribute("members", v.access().administer()
                ? service.members(viewer, id, null, 100).items() : List.of());
        return "spaces/settings";
    }

    /** htmx: people to invite, as {@code <option>}s for the invite form's datalist. */
    @GetMapping("/spaces/{id}/invitations/suggestions")
    String suggestions(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                       @RequestParam(required = false) String email, Model model) {
        model.addAttribute("people", service.inviteSuggestions(viewer, id, email));
        return "spaces/suggestions";
    }

    @PostMapping("/spaces/{id}/join")
    String join(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        service.join(viewer, id);
        return done(redirect, "space.flash.joined", "/spaces/" + id);
    }

    @PostMapping("/spaces/{id}/request")
    String request(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                   @RequestParam(required = false) String message, RedirectAttributes redirect) {
        service.requestMembership(viewer, id, message);
        return done(redirect, "space.flash.requested", "/spaces/" + id);
    }

    @PostMapping("/spaces/{id}/leave")
    String leave(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        service.leave(viewer, id);
        return done(redirect, "space.flash.left", "/spaces");
    }

    @PostMapping("/spaces/{id}/invitations")
    String invite(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String email, Model model, RedirectAttributes redirect,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            service.inviteByEmail(viewer, id, email);
            return done(redirect, "space.flash.invited", "/spaces/" + id + "/members");
        } catch (DomainException.Invalid e) {
            return formError(e, viewer, id, email, model, request, response);
        } catch (DomainException.Conflict e) {
            if (e.field() == null) {
                throw e;
            }
            return formError(e, viewer, id, email, model, request, response);
        }
    }

    private String formError(DomainException e, KontorUser viewer, long id, String email, Model model,
                             HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("fieldErrors", formErrors.messages(e, request));
        model.addAttribute("email", email == null ? "" : email);
        return members(viewer, id, null, model);
    }

    @PostMapping("/spaces/{id}/invitations/accept")
    String accept(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        service.acceptInvitation(viewer, id);
        return done(redirect, "space.flash.accepted", "/spaces/" + id);
    }

    @PostMapping("/spaces/{id}/invitations/decline")
    String declineInvitation(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                             RedirectAttributes redirect) {
        service.declineInvitation(viewer, id);
        return done(redirect, "space.flash.invitationDeclined", "/spaces/mine");
    }

    @PostMapping("/spaces/{id}/requests/{userId}/approve")
    String approve(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long userId,
                   @RequestParam(required = false) String from, RedirectAttributes redirect) {
        service.approve(viewer, id, userId);
        return done(redirect, "space.flash.approved", back(from, id));
    }

    @PostMapping("/spaces/{id}/requests/{userId}/decline")
    String decline(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long userId,
                   @RequestParam(required = false) String from, RedirectAttributes redirect) {
        service.decline(viewer, id, userId);
        return done(redirect, "space.flash.declined", back(from, id));
    }

    @PostMapping("/spaces/{id}/members/{userId}/remove")
    String remove(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long userId,
                  RedirectAttributes redirect) {
        service.remove(viewer, id, userId);
        return done(redirect, "space.flash.removed", "/spaces/" + id + "/members");
    }

    @PostMapping("/spaces/{id}/members/{userId}/role")
    String role(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long userId,
                @RequestParam(required = false) String role, RedirectAttributes redirect) {
        service.changeRole(viewer, id, userId, role);
        return done(redirect, "space.flash.roleChanged", "/spaces/" + id + "/members");
    }

    @PostMapping("/spaces/{id}/settings")
    String saveSettings(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                        HttpServletRequest request, HttpServletResponse response) {
        try {
            service.update(viewer, id, new Changes(form.getOrDefault("name", ""),
                    form.getOrDefault("description", ""), form.getOrDefault("visibility", ""), null));
            return done(redirect, "space.flash.saved", "/spaces/" + id);
        } catch (DomainException.Invalid e) {
            return settingsError(e, viewer, id, form, model, request, response);
        } catch (DomainException.Conflict e) {
            if (e.field() == null) {
                throw e;
            }
            return settingsError(e, viewer, id, form, model, request, response);
        }
    }

    private String settingsError(DomainException e, KontorUser viewer, long id, Map<String, String> form,
                                 Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("fieldErrors", formErrors.messages(e, request));
        model.addAttribute("form", new HashMap<>(form));
        return settings(viewer, id, model);
    }

    @PostMapping("/spaces/{id}/archive")
    String archive(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        service.archive(viewer, id);
        return done(redirect, "space.flash.archived", "/spaces/" + id);
    }

    @PostMapping("/spaces/{id}/unarchive")
    String unarchive(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                     RedirectAttributes redirect) {
        service.unarchive(viewer, id);
        return done(redirect, "space.flash.unarchived", "/spaces/" + id);
    }

    @PostMapping("/spaces/{id}/transfer")
    String transfer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                    @RequestParam(required = false) Long userId, RedirectAttributes redirect) {
        service.transferOwnership(viewer, id, userId);
        return done(redirect, "space.flash.transferred", "/spaces/" + id);
    }

    private static String back(String from, long id) {
        return "home".equals(from) ? "/spaces/mine" : "/spaces/" + id + "/members";
    }

    private static String done(RedirectAttributes redirect, String flash, String target) {
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + target;
    }
}
