package de.kontor.decisions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.decisions.DecisionRequested;
import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Markdown;
import de.kontor.shared.Page;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Proposing, answering, withdrawing and reading decisions. Readers of the space read its decisions (a decision in a
 * space the viewer may not read is 404); members propose; only the people asked answer, while the decision is open
 * and before its deadline (409 afterwards); only the proposer withdraws or closes early.
 */
@Service
public class DecisionService {

    static final int MAX_TITLE = 200;
    static final int MAX_CONTEXT = 20_000;
    static final int MAX_REASON = 2_000;

    /** What the proposer fills in. */
    record Proposal(String title, String context, Decision.Kind kind, List<String> options,
                    Decision.Audience audience, List<Long> people, Long unitId, Instant deadline, Integer quorum) {
    }

    private final DecisionRepository decisions;
    private final DecisionCloser closer;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final ApplicationEventPublisher events;

    DecisionService(DecisionRepository decisions, DecisionCloser closer, VisibilityPolicy policy,
                    SpaceDirectory spaces, IdentityApi identity, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.closer = closer;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.events = events;
    }

    @Transactional
    public Decision propose(KontorUser viewer, long spaceId, Proposal p) {
        policy.requireWritable(viewer, spaceId);
        Validation v = new Validation();
        v.required("title", p.title()).maxLength("title", p.title(), MAX_TITLE);
        v.maxLength("context", p.context(), MAX_CONTEXT);
        v.check(p.kind() != null, "kind", "validation.required");
        List<String> options = p.kind() == Decision.Kind.OPTIONS ? ChoiceOptions.validate(v, p.options())
                : new ArrayList<>();
        v.check(p.deadline() != null, "deadline", "validation.required");
        v.check(p.deadline() == null || p.deadline().isAfter(Instant.now()), "deadline",
                "decisions.error.deadlinePast");
        v.check(p.quorum() == null || (p.quorum() >= 1 && p.quorum() <= 100), "quorum",
                "decisions.error.quorum");
        v.check(p.audience() != null, "audience", "validation.required");
        v.throwIfInvalid();
        List<Long> asked = asked(spaceId, p);
        String context = p.context() == null ? "" : p.context().strip();
        long id = decisions.insert(new DecisionRepository.NewRow(spaceId, viewer.id(), p.title().strip(), context,
                Markdown.toSafeHtml(context), p.kind(), p.audience(),
                p.audience() == Decision.Audience.UNIT ? p.unitId() : null, p.deadline(), p.quorum()), options, asked);
        events.publishEvent(new DecisionRequested(id, spaceId, viewer.id(), asked, Instant.now()));
        return decisions.find(id).orElseThrow();
    }

    /** The people asked, fixed now; everyone asked must be able to read the space to answer. */
    private List<Long> asked(long spaceId, Proposal p) {
        Set<Long> candidates = new LinkedHashSet<>();
        switch (p.audience()) {
            case SPACE -> candidates.addAll(spaces.memberIds(spaceId));
            case PEOPLE -> {
                if (p.people() == null || p.people().isEmpty()) {
                    throw new DomainException.Invalid("people", "decisions.error.peopleEmpty");
                }
                candidates.addAll(p.people());
            }
            case UNIT -> {
                if (p.unitId() == null || !identity.units().containsKey(p.unitId())) {
                    throw new DomainException.Invalid("unitId", "decisions.error.unitUnknown");
                }
                candidates.addAll(identity.unitMemberIds(p.unitId()));
            }
        }
        List<Long> asked = new ArrayList<>();
        for (long id : candidates) {
            KontorUser person = identity.principal(id).orElse(null);
            boolean reads = person != null && policy.canRead(person, spaceId);
            if (reads) {
                asked.add(id);
            } else if (p.audience() == Decision.Audience.PEOPLE) {
                String name = identity.find(id).map(UserSummary::displayName).orElse("#" + id);
                throw new DomainException.Invalid("people", "decisions.error.personCannotRead", name);
            }
        }
        if (asked.isEmpty()) {
            throw new DomainException.Invalid(p.audience() == Decision.Audience.UNIT ? "unitId" : "audience",
                    "decisions.error.nobodyAsked");
        }
        return asked;
    }

    /** A space's decisions of one status; 404/403 like the space itself. */
    public Page<Decision> list(KontorUser viewer, long spaceId, Decision.Status status, String cursor,
                               Integer limit) {
        policy.requireReadable(viewer, spaceId);
        int size = Cursor.limit(limit);
        List<Decision> rows = decisions.list(spaceId, status, Cursor.decode(cursor), size + 1);
        boolean more = rows.size() > size;
        List<Decision> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(page.getLast().createdAt().toString(), page.getLast().id()).encode() : null;
        return new Page<>(page, next);
    }

    Map<Decision.Status, Integer> counts(long spaceId) {
        return decisions.counts(spaceId);
    }

    /** Open decisions waiting for the viewer's answer, across the spaces they can read. */
    public List<Decision> waitingFor(KontorUser viewer, int limit) {
        return decisions.waitingFor(viewer.id(), policy.readableSpaceIds(viewer), limit);
    }

    /** Open decisions the viewer proposed, across the spaces they can read. */
    public List<Decision> proposedOpen(KontorUser viewer, int limit) {
        return decisions.openProposedBy(viewer.id(), policy.readableSpaceIds(viewer), limit);
    }

    int countWaitingFor(KontorUser viewer) {
        return decisions.countWaitingFor(viewer.id(), policy.readableSpaceIds(viewer));
    }

    /** Space names for lists that span spaces (only spaces the caller has already checked are readable). */
    Map<Long, String> spaceNames(Collection<Decision> list) {
        Map<Long, String> out = new HashMap<>();
        spaces.find(list.stream().map(Decision::spaceId).collect(Collectors.toSet()))
                .forEach((id, ref) -> out.put(id, ref.name()));
        return out;
    }

    public DecisionView get(KontorUser viewer, long id) {
        Decision d = readable(viewer, id);
        return view(viewer, d, policy.access(viewer, d.spaceId()));
    }

    @Transactional
    public DecisionView answer(KontorUser viewer, long id, Long optionId, Decision.Position position,
                               String reason) {
        Decision found = readable(viewer, id);
        SpaceAccess access = policy.access(viewer, found.spaceId());
        if (!decisions.isAsked(found.id(), viewer.id())) {
            throw new DomainException.Forbidden("decisions.error.notAsked");
        }
        Decision d = decisions.lock(id).orElseThrow(DomainException.NotFound::new);
        if (!d.open() || !d.deadline().isAfter(Instant.now())) {
            throw new DomainException.Conflict("_form", "decisions.error.closed");
        }
        if (access.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new DomainException.Invalid("reason", "validation.maxLength", MAX_REASON);
        }
        if (d.kind() == Decision.Kind.OPTIONS) {
            if (optionId == null || decisions.options(d.id()).stream().noneMatch(o -> o.id() == optionId)) {
                throw new DomainException.Invalid("optionId", "decisions.error.chooseOption");
            }
            decisions.upsertAnswer(d.id(), viewer.id(), optionId, null, why);
        } else {
            if (position == null) {
                throw new DomainException.Invalid("position", "decisions.error.choosePosition");
            }
            decisions.upsertAnswer(d.id(), viewer.id(), null, position, why);
        }
        return view(viewer, d, access);
    }

    @Transactional
    public void withdraw(KontorUser viewer, long id) {
        Decision d = manageable(viewer, id);
        decisions.withdraw(d.id(), Instant.now());
    }

    /** The proposer decides before the deadline: the same closing as at the deadline. */
    @Transactional
    public Decision closeNow(KontorUser viewer, long id) {
        Decision d = manageable(viewer, id);
        closer.close(d);
        return decisions.find(id).orElseThrow();
    }

    private Decision manageable(KontorUser viewer, long id) {
        Decision found = readable(viewer, id);
        if (found.proposerId() != viewer.id()) {
            throw new DomainException.Forbidden("decisions.error.notProposer");
        }
        if (policy.access(viewer, found.spaceId()).archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        Decision d = decisions.lock(id).orElseThrow(DomainException.NotFound::new);
        if (!d.open()) {
            throw new DomainException.Conflict("_form", "decisions.error.notOpen");
        }
        return d;
    }

    private Decision readable(KontorUser viewer, long id) {
        Decision d = decisions.find(id).orElseThrow(DomainException.NotFound::new);
        if (!policy.canRead(viewer, d.spaceId())) {
            throw new DomainException.NotFound();
        }
        return d;
    }

    private DecisionView view(KontorUser viewer, Decision d, SpaceAccess access) {
        List<Decision.Option> options = decisions.options(d.id());
        List<Decision.Answer> answers = decisions.answers(d.id());
        List<Long> asked = decisions.asked(d.id());
        Outcome counts = Outcome.of(d.kind(), asked.size(), null, answers, options);
        Set<Long> people = new HashSet<>(asked);
        people.add(d.proposerId());
        answers.forEach(a -> people.add(a.userId()));
        Map<Long, UserSummary> names = identity.findAll(people);
        Map<Long, String> labels = new HashMap<>();
        options.forEach(o -> labels.put(o.id(), o.label()));
        List<DecisionView.OptionView> optionViews = options.stream()
                .map(o -> new DecisionView.OptionView(o.id(), o.label(), counts.optionCounts().get(o.id()))).toList();
        List<DecisionView.AnswerView> answerViews = new ArrayList<>();
        Decision.Answer mine = null;
        Set<Long> answered = new HashSet<>();
        for (Decision.Answer a : answers) {
            answered.add(a.userId());
            if (a.userId() == viewer.id()) {
                mine = a;
            }
            answerViews.add(new DecisionView.AnswerView(person(names, a.userId()),
                    a.optionId() == null ? null : labels.get(a.optionId()), a.position(), a.reason(), a.answeredAt()));
        }
        boolean proposer = d.proposerId() == viewer.id();
        List<UserSummary> pending = !proposer || !d.open() ? List.of()
                : asked.stream().filter(u -> !answered.contains(u)).map(u -> person(names, u)).toList();
        boolean isAsked = asked.contains(viewer.id());
        boolean open = d.open() && d.deadline().isAfter(Instant.now());
        String unitName = d.unitId() == null ? null : identity.units().get(d.unitId());
        List<String> winners = d.outcomeDetail() == null || d.outcomeDetail().isBlank() ? List.of()
                : Arrays.stream(d.outcomeDetail().split(",")).map(Long::parseLong).map(labels::get).toList();
        String spaceName = spaces.find(List.of(d.spaceId())).get(d.spaceId()).name();
        return new DecisionView(d, spaceName, person(names, d.proposerId()), unitName, optionViews,
                counts.positionCounts(), answerViews, asked.size(), pending, mine, isAsked,
                isAsked && open && !access.archived(), proposer && d.open() && !access.archived(), winners);
    }

    private static UserSummary person(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u != null ? u : new UserSummary(id, "?", "", null, false, null, null, null, 0);
    }
}
