package de.kontor.decisions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.FormErrors;
import de.kontor.spaces.SpaceDirectory;

/** A space's decisions (open, decided, withdrawn), proposing one, a decision's page and answering it. */
@Controller
class DecisionController {

    private final DecisionService decisions;
    private final SpaceHeaders headers;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final FormErrors formErrors;

    DecisionController(DecisionService decisions, SpaceHeaders headers, SpaceDirectory spaces, IdentityApi identity,
                       FormErrors formErrors) {
        this.decisions = decisions;
        this.headers = headers;
        this.spaces = spaces;
        this.identity = identity;
        this.formErrors = formErrors;
    }

    @GetMapping("/spaces/{id:\\d+}/decisions")
    String list(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                Model model) {
        Decision.Status s = status == null ? Decision.Status.OPEN
                : DecisionForm.parse(Decision.Status.class, "status", status.toUpperCase(Locale.ROOT));
        SpaceHeaders.SpaceHeader space = headers.readable(viewer, id);
        Page<Decision> page = decisions.list(viewer, id, s, cursor, 20);
        model.addAttribute("space", space);
        model.addAttribute("status", s);
        model.addAttribute("page", page);
        model.addAttribute("cursor", cursor);
        model.addAttribute("counts", decisions.counts(id));
        return "decisions/list";
    }

    /** The viewer's own view: open decisions waiting for their answer and the open ones they proposed. */
    @GetMapping("/decisions")
    String mine(@AuthenticationPrincipal KontorUser viewer, Model model) {
        List<Decision> waiting = decisions.waitingFor(viewer, 50);
        List<Decision> proposed = decisions.proposedOpen(viewer, 50);
        List<Decision> all = new ArrayList<>(waiting);
        all.addAll(proposed);
        model.addAttribute("waiting", waiting);
        model.addAttribute("proposed", proposed);
        model.addAttribute("spaceNames", decisions.spaceNames(all));
        return "decisions/mine";
    }

    @GetMapping("/spaces/{id:\\d+}/decisions/new")
    String form(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        return form(viewer, id, DecisionForm.empty(), model);
    }

    @PostMapping("/spaces/{id:\\d+}/decisions")
    String create(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, DecisionForm form, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Decision d = decisions.propose(viewer, id, form.toProposal());
            redirect.addFlashAttribute("flash", "decisions.flash.proposed");
            return "redirect:/decisions/" + d.id();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, id, form, model);
        }
    }

    private String form(KontorUser viewer, long id, DecisionForm form, Model model) {
        model.addAttribute("space", headers.writable(viewer, id));
        List<UserSummary> members = identity.findAll(spaces.memberIds(id)).values().stream()
                .filter(UserSummary::active)
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
        model.addAttribute("members", members);
        model.addAttribute("units", identity.units());
        model.addAttribute("form", form);
        return "decisions/new";
    }

    @GetMapping("/decisions/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("view", decisions.get(viewer, id));
        return "decisions/show";
    }

    @PostMapping("/decisions/{id:\\d+}/answer")
    String answer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String optionId, @RequestParam(required = false) String position,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletRequest req, HttpServletResponse res) {
        try {
            decisions.answer(viewer, id, DecisionForm.number("optionId", optionId),
                    DecisionForm.parse(Decision.Position.class, "position", position), reason);
            redirect.addFlashAttribute("flash", "decisions.flash.answered");
            return "redirect:/decisions/" + id;
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("view", decisions.get(viewer, id));
            model.addAttribute("reason", reason);
            return "decisions/show";
        }
    }

    @PostMapping("/decisions/{id:\\d+}/withdraw")
    String withdraw(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        decisions.withdraw(viewer, id);
        redirect.addFlashAttribute("flash", "decisions.flash.withdrawn");
        return "redirect:/decisions/" + id;
    }

    @PostMapping("/decisions/{id:\\d+}/close")
    String close(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        decisions.closeNow(viewer, id);
        redirect.addFlashAttribute("flash", "decisions.flash.closed");
        return "redirect:/decisions/" + id;
    }
}
