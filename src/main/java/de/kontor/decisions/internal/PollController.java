package de.kontor.decisions.internal;

import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** The "new poll" form of a space and voting from a post card (plain forms; htmx swaps the poll in place). */
@Controller
class PollController {

    private final PollService polls;
    private final SpaceHeaders headers;
    private final FormErrors formErrors;

    PollController(PollService polls, SpaceHeaders headers, FormErrors formErrors) {
        this.polls = polls;
        this.headers = headers;
        this.formErrors = formErrors;
    }

    @GetMapping("/spaces/{id:\\d+}/polls/new")
    String form(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("space", headers.writable(viewer, id));
        model.addAttribute("form", PollForm.empty());
        return "decisions/pollNew";
    }

    @PostMapping("/spaces/{id:\\d+}/polls")
    String create(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, PollForm form, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            PollView poll = polls.create(viewer, id, form.toNewPoll());
            redirect.addFlashAttribute("flash", "decisions.flash.pollCreated");
            return "redirect:/posts/" + poll.poll().postId();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("space", headers.writable(viewer, id));
            model.addAttribute("form", form);
            return "decisions/pollNew";
        }
    }

    @PostMapping("/polls/{id:\\d+}/vote")
    String vote(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(name = "optionId", required = false) List<Long> optionIds,
                @RequestParam(required = false) String back,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, RedirectAttributes redirect) {
        PollView poll = polls.vote(viewer, id, optionIds == null ? new ArrayList<>() : optionIds);
        return answer(poll, back, htmx, model, redirect, "decisions.flash.voted");
    }

    @PostMapping("/polls/{id:\\d+}/vote/delete")
    String retract(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                   @RequestParam(required = false) String back,
                   @RequestHeader(value = "HX-Request", required = false) String htmx,
                   Model model, RedirectAttributes redirect) {
        polls.retract(viewer, id);
        return answer(polls.get(viewer, id), back, htmx, model, redirect, "decisions.flash.voteRetracted");
    }

    private static String answer(PollView poll, String back, String htmx, Model model, RedirectAttributes redirect,
                                 String flash) {
        if (htmx != null) {
            model.addAllAttributes(Map.of("poll", poll, "back", safeBack(back)));
            return "decisions/poll";
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + safeBack(back) + "#poll-" + poll.poll().id();
    }

    /** Only paths of this site, never another host. */
    static String safeBack(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }
}
