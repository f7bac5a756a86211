package de.kontor.questions.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/** Questions and answers: ask, list, read, edit, delete, answer, comment, up-vote, accept, make a wiki page. */
@RestController
@RequestMapping("/api/v1/questions")
@Tag(name = "Questions", description = "Questions in a space or company-wide, answers with comments, up-votes and "
        + "the accepted answer")
class QuestionsApiController {

    record QuestionInJson(String spaceId, String title, String text, List<String> tags) {
    }

    record TextJson(String text) {
    }

    record PersonJson(String id, String name) {
        static PersonJson of(UserSummary u) {
            return new PersonJson(Long.toString(u.id()), u.displayName());
        }
    }

    record SummaryJson(String id, String spaceId, PersonJson author, String title, List<String> tags, int votes,
                       int answers, String acceptedAnswerId, String createdAt, String url) {
        static SummaryJson of(QuestionView.Item i) {
            Question q = i.question();
            return new SummaryJson(Long.toString(q.id()), str(q.spaceId()), PersonJson.of(i.author()), q.title(),
                    q.tags(), q.voteCount(), q.answerCount(), str(q.acceptedAnswerId()), q.createdAt().toString(),
                    "/questions/" + q.id());
        }
    }

    record CommentJson(String id, PersonJson author, String text, String html, String createdAt) {
    }

    record AnswerJson(String id, PersonJson author, String text, String html, int votes, boolean accepted,
                      boolean voted, String wikiUrl, List<CommentJson> comments, String createdAt) {
    }

    record QuestionJson(String id, String spaceId, PersonJson author, String title, String text, String html,
                        List<String> tags, int votes, boolean voted, String acceptedAnswerId, List<AnswerJson> answers,
                        boolean canAnswer, boolean canManage, String createdAt, String editedAt) {
        static QuestionJson of(QuestionView v) {
            Question q = v.question();
            return new QuestionJson(Long.toString(q.id()), str(q.spaceId()), PersonJson.of(v.author()), q.title(),
                    q.body(), q.bodyHtml(), q.tags(), q.voteCount(), v.voted(), str(q.acceptedAnswerId()),
                    v.answers().stream().map(a -> new AnswerJson(Long.toString(a.answer().id()),
                            PersonJson.of(a.author()), a.answer().body(), a.answer().bodyHtml(),
                            a.answer().voteCount(), a.accepted(), a.voted(), a.answer().wikiUrl(),
                            a.comments().stream().map(c -> new CommentJson(Long.toString(c.comment().id()),
                                    PersonJson.of(c.author()), c.comment().body(), c.comment().bodyHtml(),
                                    c.comment().createdAt().toString())).toList(),
                            a.answer().createdAt().toString())).toList(),
                    v.canContribute(), v.canManage(), q.createdAt().toString(),
                    q.editedAt() == null ? null : q.editedAt().toString());
        }
    }

    record VotesJson(int votes) {
    }

    record WikiJson(String url) {
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    private final QuestionService questions;

    QuestionsApiController(QuestionService questions) {
        this.questions = questions;
    }

    @GetMapping
    @Operation(summary = "Questions the caller reads, newest first: of one space (spaceId) or all (company-wide ones "
            + "and those of readable spaces); unanswered=true for questions without answers, tag to filter")
    ResponseEntity<ListJson<SummaryJson>> list(@AuthenticationPrincipal KontorUser viewer,
                                               @RequestParam(required = false) String spaceId,
                                               @RequestParam(required = false) boolean unanswered,
                                               @RequestParam(required = false) String tag,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String cursor) {
        Page<QuestionView.Item> page = questions.list(viewer, QuestionForm.number("spaceId", spaceId), unanswered,
                tag, cursor, limit);
        return ApiPaging.ok(page.nextCursor())
                .body(new ListJson<>(page.items().stream().map(SummaryJson::of).toList(), page.nextCursor()));
    }

    @PostMapping
    @Operation(summary = "Ask a question in a space (spaceId, its members) or company-wide (no spaceId; members and "
            + "administrators, not guests); title 1–200 characters, Markdown text, up to 10 tags")
    ResponseEntity<QuestionJson> ask(@AuthenticationPrincipal KontorUser viewer, @RequestBody QuestionInJson body) {
        Question q = questions.ask(viewer, QuestionForm.number("spaceId", body.spaceId()),
                new QuestionService.Draft(body.title(), body.text(), body.tags()));
        return ResponseEntity.created(URI.create("/api/v1/questions/" + q.id()))
                .body(QuestionJson.of(questions.get(viewer, q.id())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A question with its answers (accepted first, then by votes) and their comments")
    QuestionJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return QuestionJson.of(questions.get(viewer, id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Edit title, text and tags (the asker or a moderator of the space); fields left out stay as "
            + "they are")
    QuestionJson edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                      @RequestBody QuestionInJson body) {
        Question q = questions.editable(viewer, id);
        // PATCH: what the body leaves out stays as it is
        questions.edit(viewer, id, new QuestionService.Draft(body.title() != null ? body.title() : q.title(),
                body.text() != null ? body.text() : q.body(), body.tags() != null ? body.tags() : q.tags()));
        return QuestionJson.of(questions.get(viewer, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the question with its answers (the asker or a moderator of the space)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        questions.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/answers")
    @Operation(summary = "Answer the question (Markdown text)")
    ResponseEntity<QuestionJson> answer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                        @RequestBody TextJson body) {
        Answer a = questions.answer(viewer, id, body.text());
        return ResponseEntity.created(URI.create("/api/v1/questions/" + id + "#answer-" + a.id()))
                .body(QuestionJson.of(questions.get(viewer, id)));
    }

    @PostMapping("/{id}/answers/{answerId}/comments")
    @Operation(summary = "Comment on an answer (up to 2000 characters)")
    ResponseEntity<CommentJson> comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                        @PathVariable long answerId, @RequestBody TextJson body) {
        AnswerComment c = questions.comment(viewer, id, answerId, body.text());
        UserSummary me = new UserSummary(viewer.id(), viewer.displayName(), viewer.email(), viewer.role(), true,
                null, null, null, 0);
        return ResponseEntity.created(URI.create("/api/v1/questions/" + id))
                .body(new CommentJson(Long.toString(c.id()), PersonJson.of(me), c.body(), c.bodyHtml(),
                        c.createdAt().toString()));
    }

    @PutMapping("/{id}/vote")
    @Operation(summary = "Up-vote the question; voting again changes nothing")
    VotesJson vote(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return new VotesJson(questions.voteQuestion(viewer, id, true).voteCount());
    }

    @DeleteMapping("/{id}/vote")
    @Operation(summary = "Take the up-vote on the question back")
    ResponseEntity<Void> unvote(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        questions.voteQuestion(viewer, id, false);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/answers/{answerId}/vote")
    @Operation(summary = "Up-vote an answer; voting again changes nothing")
    VotesJson voteAnswer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                         @PathVariable long answerId) {
        return new VotesJson(questions.voteAnswer(viewer, id, answerId, true).voteCount());
    }

    @DeleteMapping("/{id}/answers/{answerId}/vote")
    @Operation(summary = "Take the up-vote on an answer back")
    ResponseEntity<Void> unvoteAnswer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                      @PathVariable long answerId) {
        questions.voteAnswer(viewer, id, answerId, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/answers/{answerId}/accept")
    @Operation(summary = "Accept the answer (the asker or a moderator of the space; 403 for others); accepting "
            + "another answer moves the mark")
    QuestionJson accept(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @PathVariable long answerId) {
        questions.accept(viewer, id, answerId);
        return QuestionJson.of(questions.get(viewer, id));
    }

    @PostMapping("/{id}/answers/{answerId}/wiki-page")
    @Operation(summary = "Turn the accepted answer into a page of the space's wiki (company-wide questions: the "
            + "company wiki space) linking back to the question; again: the same page")
    ResponseEntity<WikiJson> wiki(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                  @PathVariable long answerId) {
        String url = questions.makeWikiPage(viewer, id, answerId);
        return ResponseEntity.created(URI.create(url)).body(new WikiJson(url));
    }

    private static String str(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
