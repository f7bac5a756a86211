package de.kontor.decisions.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/** Decisions in spaces: propose, list, read, answer (option or consent position), withdraw, close early. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Decisions", description = "Asynchronous decisions: proposals that the people asked answer until a "
        + "deadline; the outcome is recorded in the space's wiki and announced in its stream")
class DecisionsApiController {

    record NewDecisionJson(String title, String context, String kind, List<String> options, String audience,
                           List<String> people, String unitId, String deadline, Integer quorum) {
    }

    record AnswerJson(String optionId, String position, String reason) {
    }

    record PersonJson(String id, String name) {
        static PersonJson of(UserSummary u) {
            return new PersonJson(Long.toString(u.id()), u.displayName());
        }
    }

    record OptionJson(String id, String label, int count) {
    }

    record AnswerViewJson(PersonJson person, String optionLabel, String position, String reason, String answeredAt) {
    }

    record SummaryJson(String id, String spaceId, String proposerId, String title, String kind, String status,
                       String deadline, String outcome, String createdAt, String closedAt) {
        static SummaryJson of(Decision d) {
            return new SummaryJson(Long.toString(d.id()), Long.toString(d.spaceId()), Long.toString(d.proposerId()),
                    d.title(), d.kind().name(), d.status().name(), d.deadline().toString(),
                    d.outcome() == null ? null : d.outcome().name(), d.createdAt().toString(),
                    d.closedAt() == null ? null : d.closedAt().toString());
        }
    }

    record DecisionJson(String id, String spaceId, String title, String text, String html, String kind,
                        String audience, String unitId, String deadline, Integer quorum, String status,
                        String outcome, List<String> winners, PersonJson proposer, int asked,
                        List<OptionJson> options, Map<String, Integer> positions, List<AnswerViewJson> answers,
                        List<PersonJson> pending, boolean canAnswer, boolean canManage, String recordUrl,
                        String announcementPostId, String createdAt, String closedAt) {
        static DecisionJson of(DecisionView v) {
            Decision d = v.decision();
            Map<String, Integer> positions = new LinkedHashMap<>();
            if (d.kind() == Decision.Kind.CONSENT) {
                v.positionCounts().forEach((p, n) -> positions.put(p.name(), n));
            }
            List<AnswerViewJson> answers = new ArrayList<>();
            v.answers().forEach(a -> answers.add(new AnswerViewJson(PersonJson.of(a.person()), a.optionLabel(),
                    a.position() == null ? null : a.position().name(), a.reason(), a.at().toString())));
            return new DecisionJson(Long.toString(d.id()), Long.toString(d.spaceId()), d.title(), d.context(),
                    d.contextHtml(), d.kind().name(), d.audience().name(),
                    d.unitId() == null ? null : Long.toString(d.unitId()), d.deadline().toString(), d.quorum(),
                    d.status().name(), d.outcome() == null ? null : d.outcome().name(), v.winners(),
                    PersonJson.of(v.proposer()), v.asked(),
                    v.options().stream().map(o -> new OptionJson(Long.toString(o.id()), o.label(), o.count()))
                            .toList(),
                    positions, answers, v.pending().stream().map(PersonJson::of).toList(), v.canAnswer(),
                    v.canManage(), d.recordUrl(),
                    d.announcementPostId() == null ? null : Long.toString(d.announcementPostId()),
                    d.createdAt().toString(), d.closedAt() == null ? null : d.closedAt().toString());
        }
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    private final DecisionService decisions;

    DecisionsApiController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/spaces/{id}/decisions")
    @Operation(summary = "A space's decisions of one status (OPEN, DECIDED, WITHDRAWN; default OPEN), newest first")
    ResponseEntity<ListJson<SummaryJson>> list(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String cursor) {
        Decision.Status s = status == null ? Decision.Status.OPEN
                : DecisionForm.parse(Decision.Status.class, "status", status.toUpperCase(Locale.ROOT));
        Page<Decision> page = decisions.list(viewer, id, s, cursor, limit);
        return ApiPaging.ok(page.nextCursor())
                .body(new ListJson<>(page.items().stream().map(SummaryJson::of).toList(), page.nextCursor()));
    }

    @PostMapping("/spaces/{id}/decisions")
    @Operation(summary = "Propose a decision (space members). kind OPTIONS (2–20 options) or CONSENT (positions "
            + "AGREE, ABSTAIN, DISAGREE, BLOCK); audience SPACE (its members), PEOPLE (people ids) or UNIT (unitId, "
            + "with the units below); deadline in the future; quorum in percent of the people asked (optional)")
    ResponseEntity<DecisionJson> create(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                        @RequestBody NewDecisionJson body) {
        List<Long> people = new ArrayList<>();
        for (String p : body.people() == null ? List.<String>of() : body.people()) {
            Long n = DecisionForm.number("people", p);
            if (n != null) {
                people.add(n);
            }
        }
        if (body.quorum() != null && (body.quorum() < 1 || body.quorum() > 100)) {
            throw new DomainException.Invalid("quorum", "decisions.error.quorum");
        }
        Decision d = decisions.propose(viewer, id, new DecisionService.Proposal(body.title(), body.context(),
                DecisionForm.parse(Decision.Kind.class, "kind", body.kind()), body.options(),
                body.audience() == null ? Decision.Audience.SPACE
                        : DecisionForm.parse(Decision.Audience.class, "audience", body.audience()),
                people, DecisionForm.number("unitId", body.unitId()), Deadlines.fromApi("deadline", body.deadline()),
                body.quorum()));
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + d.id()))
                .body(DecisionJson.of(decisions.get(viewer, d.id())));
    }

    @GetMapping("/decisions/waiting")
    @Operation(summary = "Open decisions that ask the caller and that they have not answered yet, nearest deadline "
            + "first")
    ListJson<SummaryJson> waiting(@AuthenticationPrincipal KontorUser viewer) {
        return new ListJson<>(decisions.waitingFor(viewer, 50).stream().map(SummaryJson::of).toList(), null);
    }

    @GetMapping("/decisions/{id}")
    @Operation(summary = "A decision with its answers (readers of the space); 'pending' (who has not answered) is "
            + "filled for the proposer only")
    DecisionJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return DecisionJson.of(decisions.get(viewer, id));
    }

    @PutMapping("/decisions/{id}/answer")
    @Operation(summary = "Answer (the people asked): optionId for OPTIONS, position for CONSENT, optional reason; "
            + "a second answer replaces the first; 409 once decided, withdrawn or past the deadline")
    DecisionJson answer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @RequestBody AnswerJson body) {
        return DecisionJson.of(decisions.answer(viewer, id, DecisionForm.number("optionId", body.optionId()),
                DecisionForm.parse(Decision.Position.class, "position", body.position()), body.reason()));
    }

    @PostMapping("/decisions/{id}/withdraw")
    @Operation(summary = "Withdraw an open decision (its proposer)")
    DecisionJson withdraw(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        decisions.withdraw(viewer, id);
        return DecisionJson.of(decisions.get(viewer, id));
    }

    @PostMapping("/decisions/{id}/close")
    @Operation(summary = "Decide now instead of at the deadline (its proposer): the outcome is computed, recorded in "
            + "the wiki and announced like at the deadline")
    DecisionJson close(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        decisions.closeNow(viewer, id);
        return DecisionJson.of(decisions.get(viewer, id));
    }
}
