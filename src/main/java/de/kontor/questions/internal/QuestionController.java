package de.kontor.questions.internal;

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
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/** Question lists, asking, a question's page with its answers, and the actions on it (plain forms). */
@Controller
class QuestionController {

    private final QuestionService questions;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final FormErrors formErrors;

    QuestionController(QuestionService questions, VisibilityPolicy policy, SpaceDirectory spaces,
                       FormErrors formErrors) {
        this.questions = questions;
        this.policy = policy;
        this.spaces = spaces;
        this.formErrors = formErrors;
    }

    @GetMapping("/questions")
    String all(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String tag,
               @RequestParam(required = false) boolean unanswered, @RequestParam(required = false) String cursor,
               Model model) {
        return list(viewer, null, tag, unanswered, cursor, model);
    }

    @GetMapping("/spaces/{id:\\d+}/questions")
    String space(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                 @RequestParam(required = false) String tag, @RequestParam(required = false) boolean unanswered,
                 @RequestParam(required = false) String cursor, Model model) {
        return list(viewer, id, tag, unanswered, cursor, model);
    }

    private String list(KontorUser viewer, Long spaceId, String tag, boolean unanswered, String cursor,
                        Model model) {
        model.addAttribute("page", questions.list(viewer, spaceId, unanswered, tag, cursor, 20));
        model.addAttribute("spaceId", spaceId);
        model.addAttribute("spaceName", spaceId == null ? null : spaces.find(java.util.List.of(spaceId))
                .get(spaceId).name());
        model.addAttribute("canAsk", spaceId == null ? !viewer.guest() || !questions.askableSpaces(viewer).isEmpty()
                : policy.canWrite(viewer, spaceId));
        model.addAttribute("tag", tag == null ? "" : tag);
        model.addAttribute("unanswered", unanswered);
        return "questions/list";
    }

    @GetMapping("/questions/new")
    String form(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String spaceId,
                Model model) {
        Long space = QuestionForm.number("spaceId", spaceId);
        if (space != null) {
            policy.requireWritable(viewer, space);
        }
        return form(viewer, QuestionForm.empty(space), null, model);
    }

    @PostMapping("/questions")
    String ask(@AuthenticationPrincipal KontorUser viewer, QuestionForm form, Model model,
               RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Question q = questions.ask(viewer, form.space(), form.draft());
            redirect.addFlashAttribute("flash", "questions.flash.asked");
            return "redirect:/questions/" + q.id();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, form, null, model);
        }
    }

    private String form(KontorUser viewer, QuestionForm form, Question editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("spaces", questions.askableSpaces(viewer));
        model.addAttribute("companyWide", !viewer.guest());
        return "questions/ask";
    }

    @GetMapping("/questions/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("view", questions.get(viewer, id));
        return "questions/show";
    }

    @GetMapping("/questions/{id:\\d+}/edit")
    String edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        Question q = questions.editable(viewer, id);
        return form(viewer, QuestionForm.of(q), q, model);
    }

    @PostMapping("/questions/{id:\\d+}/edit")
    String update(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, QuestionForm form, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            questions.edit(viewer, id, form.draft());
            redirect.addFlashAttribute("flash", "questions.flash.edited");
            return "redirect:/questions/" + id;
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, form, questions.editable(viewer, id), model);
        }
    }

    @PostMapping("/questions/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        Question q = questions.editable(viewer, id);
        questions.delete(viewer, id);
        redirect.addFlashAttribute("flash", "questions.flash.deleted");
        return q.spaceId() == null ? "redirect:/questions" : "redirect:/spaces/" + q.spaceId() + "/questions";
    }

    @PostMapping("/questions/{id:\\d+}/answers")
    String answer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String body, Model model, RedirectAttributes redirect,
                  HttpServletRequest req, HttpServletResponse res) {
        try {
            Answer a = questions.answer(viewer, id, body);
            redirect.addFlashAttribute("flash", "questions.flash.answered");
            return "redirect:/questions/" + id + "#answer-" + a.id();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("view", questions.get(viewer, id));
            model.addAttribute("draft", body);
            return "questions/show";
        }
    }

    @PostMapping("/questions/{id:\\d+}/answers/{answerId:\\d+}/comments")
    String comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long answerId,
                   @RequestParam(required = false) String comment, Model model, HttpServletRequest req,
                   HttpServletResponse res) {
        try {
            questions.comment(viewer, id, answerId, comment);
            return "redirect:/questions/" + id + "#answer-" + answerId;
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("view", questions.get(viewer, id));
            model.addAttribute("commentAnswerId", answerId);
            return "questions/show";
        }
    }

    @PostMapping("/questions/{id:\\d+}/vote")
    String vote(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        questions.voteQuestion(viewer, id, true);
        return "redirect:/questions/" + id;
    }

    @PostMapping("/questions/{id:\\d+}/vote/delete")
    String unvote(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        questions.voteQuestion(viewer, id, false);
        return "redirect:/questions/" + id;
    }

    @PostMapping("/questions/{id:\\d+}/answers/{answerId:\\d+}/vote")
    String voteAnswer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                      @PathVariable long answerId) {
        questions.voteAnswer(viewer, id, answerId, true);
        return "redirect:/questions/" + id + "#answer-" + answerId;
    }

    @PostMapping("/questions/{id:\\d+}/answers/{answerId:\\d+}/vote/delete")
    String unvoteAnswer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @PathVariable long answerId) {
        questions.voteAnswer(viewer, id, answerId, false);
        return "redirect:/questions/" + id + "#answer-" + answerId;
    }

    @PostMapping("/questions/{id:\\d+}/answers/{answerId:\\d+}/accept")
    String accept(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long answerId,
                  RedirectAttributes redirect) {
        questions.accept(viewer, id, answerId);
        redirect.addFlashAttribute("flash", "questions.flash.accepted");
        return "redirect:/questions/" + id + "#answer-" + answerId;
    }

    @PostMapping("/questions/{id:\\d+}/answers/{answerId:\\d+}/wiki")
    String wiki(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long answerId,
                RedirectAttributes redirect) {
        String url = questions.makeWikiPage(viewer, id, answerId);
        redirect.addFlashAttribute("flash", "questions.flash.wiki");
        return "redirect:" + url;
    }
}
