package de.kontor.questions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.questions.AnswerAccepted;
import de.kontor.questions.AnswerAdded;
import de.kontor.questions.QuestionAsked;
import de.kontor.questions.QuestionDeleted;
import de.kontor.questions.QuestionEdited;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.Tags;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.PostText;
import de.kontor.wiki.WikiApi;

/**
 * Asking, answering, commenting, voting and accepting. Access follows the space ({@link VisibilityPolicy}): readers
 * of the space read its questions (404 otherwise), members contribute (403 for others, 409 in an archived space).
 * Company-wide questions ({@code spaceId} null) are read and answered by every active member or administrator,
 * never by guests (404). The asker or a moderator of the space (an administrator for company-wide questions)
 * accepts an answer, edits and deletes the question.
 */
@Service
public class QuestionService {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_COMMENT = 2_000;

    /** What the asker fills in; {@code tags} are the words as typed. */
    record Draft(String title, String body, List<String> tags) {
    }

    /** What the viewer may do with one question (decided by the policy, or the company-wide rule). */
    private record Rights(boolean read, boolean contribute, boolean moderate, boolean archived) {
    }

    private final QuestionRepository questions;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final WikiApi wiki;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final String companyWikiSpace;

    QuestionService(QuestionRepository questions, VisibilityPolicy policy, SpaceDirectory spaces,
                    IdentityApi identity, WikiApi wiki, MessageSource messages, ApplicationEventPublisher events,
                    @Value("${kontor.questions.company-wiki-space:Alle}") String companyWikiSpace) {
        this.questions = questions;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.wiki = wiki;
        this.messages = messages;
        this.events = events;
        this.companyWikiSpace = companyWikiSpace;
    }

    // asking and editing

    @Transactional
    public Question ask(KontorUser viewer, Long spaceId, Draft d) {
        if (spaceId == null) {
            requireCompanyMember(viewer);
        } else {
            policy.requireWritable(viewer, spaceId);
        }
        Valid v = validate(d);
        long id = questions.insert(spaceId, viewer.id(), v.title(), v.body(), PostText.render(v.body()).html(),
                v.tags());
        events.publishEvent(new QuestionAsked(id, spaceId, viewer.id(), Instant.now()));
        return questions.find(id).orElseThrow();
    }

    @Transactional
    public Question edit(KontorUser viewer, long id, Draft d) {
        Question q = manageable(viewer, id);
        Valid v = validate(d);
        questions.update(q.id(), v.title(), v.body(), PostText.render(v.body()).html(), v.tags());
        events.publishEvent(new QuestionEdited(q.id(), q.spaceId(), q.acceptedAnswerId(), viewer.id(),
                Instant.now()));
        return questions.find(id).orElseThrow();
    }

    @Transactional
    public void delete(KontorUser viewer, long id) {
        Question q = manageable(viewer, id);
        List<Long> answerIds = questions.answerIds(q.id());
        questions.delete(q.id());
        events.publishEvent(new QuestionDeleted(q.id(), q.spaceId(), answerIds, viewer.id(), Instant.now()));
    }

    private record Valid(String title, String body, List<String> tags) {
    }

    private static Valid validate(Draft d) {
        Validation v = new Validation();
        v.required("title", d.title()).maxLength("title", d.title(), MAX_TITLE);
        v.maxLength("body", d.body(), MAX_BODY);
        List<String> tags = List.of();
        try {
            tags = Tags.parse(d.tags() == null ? List.of() : d.tags());
        } catch (DomainException.Invalid e) {
            e.errors().forEach(fe -> v.check(false, fe.field(), fe.messageKey(), fe.args()));
        }
        v.throwIfInvalid();
        return new Valid(d.title().strip(), d.body() == null ? "" : d.body().strip(), tags);
    }

    // reading

    /**
     * Questions newest first: those of one space (404/403 like the space), or with {@code spaceId} null every
     * question the viewer reads (company-wide ones unless a guest, and those of every readable space).
     */
    public Page<QuestionView.Item> list(KontorUser viewer, Long spaceId, boolean unanswered, String tag,
                                        String cursor, Integer limit) {
        QuestionRepository.Scope scope;
        if (spaceId != null) {
            policy.requireReadable(viewer, spaceId);
            scope = new QuestionRepository.Scope(spaceId, false, List.of());
        } else {
            scope = new QuestionRepository.Scope(null, !viewer.guest(), policy.readableSpaceIds(viewer));
        }
        int size = Cursor.limit(limit);
        List<Question> rows = questions.list(scope, unanswered, Tags.filter(tag), Cursor.decode(cursor), size + 1);
        boolean more = rows.size() > size;
        List<Question> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(page.getLast().createdAt().toString(), page.getLast().id()).encode() : null;
        Map<Long, UserSummary> authors = identity.findAll(page.stream().map(Question::authorId)
                .collect(Collectors.toSet()));
        Map<Long, String> names = spaceNames(page.stream().map(Question::spaceId).filter(s -> s != null)
                .collect(Collectors.toSet()));
        return new Page<>(page.stream().map(q -> new QuestionView.Item(q, person(authors, q.authorId()),
                q.spaceId() == null ? null : names.get(q.spaceId()))).toList(), next);
    }

    public QuestionView get(KontorUser viewer, long id) {
        Question q = readable(viewer, id);
        Rights r = rights(viewer, q.spaceId());
        List<Answer> answers = questions.answers(q.id());
        Map<Long, List<AnswerComment>> comments = questions.comments(answers.stream().map(Answer::id).toList());
        Set<Long> people = new HashSet<>();
        people.add(q.authorId());
        answers.forEach(a -> people.add(a.authorId()));
        comments.values().forEach(list -> list.forEach(c -> people.add(c.authorId())));
        Map<Long, UserSummary> names = identity.findAll(people);
        Set<Long> voted = questions.votedAnswers(q.id(), viewer.id());
        Long wikiSpace = wikiSpace(q).orElse(null);
        boolean writesWiki = wikiSpace != null && policy.canWrite(viewer, wikiSpace);
        List<QuestionView.AnswerView> views = new ArrayList<>();
        for (Answer a : answers) {
            boolean accepted = Long.valueOf(a.id()).equals(q.acceptedAnswerId());
            views.add(new QuestionView.AnswerView(a, person(names, a.authorId()), accepted, voted.contains(a.id()),
                    comments.getOrDefault(a.id(), List.of()).stream()
                            .map(c -> new QuestionView.CommentView(c, person(names, c.authorId()))).toList(),
                    accepted && a.wikiUrl() == null && writesWiki));
        }
        boolean manage = (q.authorId() == viewer.id() || r.moderate()) && !r.archived();
        return new QuestionView(q, q.spaceId() == null ? null : spaceNames(Set.of(q.spaceId())).get(q.spaceId()),
                person(names, q.authorId()), views, questions.votedQuestion(q.id(), viewer.id()), r.contribute(),
                manage, manage);
    }

    /** The question for its edit form: only for those who may edit it. */
    public Question editable(KontorUser viewer, long id) {
        return manageable(viewer, id);
    }

    // answers, comments, votes

    @Transactional
    public Answer answer(KontorUser viewer, long id, String body) {
        Question q = contributable(viewer, id);
        Validation v = new Validation();
        v.required("body", body).maxLength("body", body, MAX_BODY).throwIfInvalid();
        questions.lock(q.id());
        long answerId = questions.insertAnswer(q.id(), viewer.id(), body.strip(), PostText.render(body.strip()).html());
        events.publishEvent(new AnswerAdded(answerId, q.id(), q.spaceId(), viewer.id(), q.authorId(), Instant.now()));
        return questions.findAnswer(answerId).orElseThrow();
    }

    @Transactional
    public AnswerComment comment(KontorUser viewer, long id, long answerId, String body) {
        Question q = contributable(viewer, id);
        Answer a = answerOf(q, answerId);
        Validation v = new Validation();
        v.required("comment", body).maxLength("comment", body, MAX_COMMENT).throwIfInvalid();
        long commentId = questions.insertComment(a.id(), viewer.id(), body.strip(),
                PostText.render(body.strip()).html());
        return questions.comments(List.of(a.id())).get(a.id()).stream().filter(c -> c.id() == commentId)
                .findFirst().orElseThrow();
    }

    /** Up-votes ({@code up}) or takes the vote back; doing it twice changes nothing. */
    @Transactional
    public Question voteQuestion(KontorUser viewer, long id, boolean up) {
        Question q = contributable(viewer, id);
        questions.voteQuestion(q.id(), viewer.id(), up);
        return questions.find(id).orElseThrow();
    }

    @Transactional
    public Answer voteAnswer(KontorUser viewer, long id, long answerId, boolean up) {
        Question q = contributable(viewer, id);
        Answer a = answerOf(q, answerId);
        questions.voteAnswer(a.id(), viewer.id(), up);
        return questions.findAnswer(a.id()).orElseThrow();
    }

    // accepting and the wiki

    /** The asker or a moderator marks the answer; accepting another answer moves the mark. */
    @Transactional
    public Question accept(KontorUser viewer, long id, long answerId) {
        Question q = manageable(viewer, id);
        Answer a = answerOf(q, answerId);
        Question locked = questions.lock(q.id()).orElseThrow(DomainException.NotFound::new);
        if (!Long.valueOf(a.id()).equals(locked.acceptedAnswerId())) {
            questions.accept(q.id(), a.id());
            events.publishEvent(new AnswerAccepted(a.id(), q.id(), q.spaceId(), a.authorId(), viewer.id(),
                    locked.acceptedAnswerId(), Instant.now()));
        }
        return questions.find(id).orElseThrow();
    }

    /**
     * Turns the accepted answer into a wiki page of the question's space (company-wide questions: the configured
     * company wiki space) with a link back to the question, and keeps the page's link on the answer. Doing it again
     * returns the page made before. 409 for an answer that is not accepted or when there is no wiki to write to.
     */
    @Transactional
    public String makeWikiPage(KontorUser viewer, long id, long answerId) {
        Question q = readable(viewer, id);
        Answer a = answerOf(q, answerId);
        if (!Long.valueOf(a.id()).equals(q.acceptedAnswerId())) {
            throw new DomainException.Conflict("_form", "questions.error.notAccepted");
        }
        if (a.wikiUrl() != null) {
            return a.wikiUrl();
        }
        long space = wikiSpace(q).orElseThrow(() -> new DomainException.Conflict("_form", "questions.error.noWiki"));
        policy.requireWritable(viewer, space);
        Locale locale = Locale.forLanguageTag(viewer.locale() == null ? "de" : viewer.locale());
        String link = "/questions/" + q.id() + "#answer-" + a.id();
        String markdown = messages.getMessage("questions.wiki.question", new Object[]{q.title()}, locale) + "\n\n"
                + (q.body().isBlank() ? "" : q.body() + "\n\n") + "---\n\n" + a.body() + "\n\n---\n\n"
                + messages.getMessage("questions.wiki.source", new Object[]{link}, locale);
        WikiApi.PageRef page = wiki.recordPage(space, messages.getMessage("questions.wiki.parent", null, locale),
                q.title(), markdown, viewer.id(), messages.getMessage("questions.wiki.note", null, locale));
        questions.linkWikiPage(a.id(), page.id(), page.url());
        return page.url();
    }

    /** The space whose wiki takes the question's accepted answer, if any. */
    private Optional<Long> wikiSpace(Question q) {
        if (q.spaceId() != null) {
            return Optional.of(q.spaceId());
        }
        return spaces.named(companyWikiSpace).filter(s -> !s.archived()).map(SpaceDirectory.SpaceRef::id);
    }

    // access

    /** Spaces the viewer may ask in (for the form); company-wide is offered separately to non-guests. */
    public List<SpaceDirectory.SpaceRef> askableSpaces(KontorUser viewer) {
        return spaces.memberships(viewer.id()).stream().filter(s -> !s.archived()).toList();
    }

    private Rights rights(KontorUser viewer, Long spaceId) {
        if (spaceId == null) {
            boolean member = viewer != null && viewer.active() && !viewer.guest();
            return new Rights(member, member, member && viewer.admin(), false);
        }
        SpaceAccess a = policy.access(viewer, spaceId);
        return new Rights(a.read(), a.write(), a.moderate(), a.archived());
    }

    private static void requireCompanyMember(KontorUser viewer) {
        if (viewer.guest()) {
            throw new DomainException.Forbidden("questions.error.guestCompanyWide");
        }
    }

    private Question readable(KontorUser viewer, long id) {
        Question q = questions.find(id).orElseThrow(DomainException.NotFound::new);
        if (!rights(viewer, q.spaceId()).read()) {
            throw new DomainException.NotFound();
        }
        return q;
    }

    /** Readable, and the viewer contributes: 403 for non-members, 409 in an archived space. */
    private Question contributable(KontorUser viewer, long id) {
        Question q = readable(viewer, id);
        if (q.spaceId() != null) {
            policy.requireWritable(viewer, q.spaceId());
        }
        return q;
    }

    /** Readable, and the viewer asked it or moderates its space: 403 otherwise, 409 in an archived space. */
    private Question manageable(KontorUser viewer, long id) {
        Question q = readable(viewer, id);
        Rights r = rights(viewer, q.spaceId());
        if (q.authorId() != viewer.id() && !r.moderate()) {
            throw new DomainException.Forbidden("questions.error.notAsker");
        }
        if (r.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        return q;
    }

    private Answer answerOf(Question q, long answerId) {
        return questions.findAnswer(answerId).filter(a -> a.questionId() == q.id())
                .orElseThrow(DomainException.NotFound::new);
    }

    private Map<Long, String> spaceNames(Set<Long> ids) {
        return spaces.find(ids).values().stream()
                .collect(Collectors.toMap(SpaceDirectory.SpaceRef::id, SpaceDirectory.SpaceRef::name));
    }

    private static UserSummary person(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u != null ? u : new UserSummary(id, "?", "", null, false, null, null, null, 0);
    }
}
