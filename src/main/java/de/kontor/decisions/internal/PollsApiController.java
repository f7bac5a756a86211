package de.kontor.decisions.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;

/** Polls in posts: create one in a space (publishes its post), read it, vote and take the vote back. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Polls", description = "Polls in posts: single or multiple choice, anonymous or named, with a deadline")
class PollsApiController {

    record NewPollJson(String question, List<String> options, Boolean multiple, Boolean anonymous, String results,
                       String closesAt) {
    }

    record VoteJson(List<String> optionIds) {
    }

    record OptionJson(String id, String label, Integer votes, int percent, List<String> voters) {
    }

    record PollJson(String id, String postId, String spaceId, String authorId, boolean multiple, boolean anonymous,
                    String results, String closesAt, boolean closed, boolean resultsVisible, boolean canVote,
                    int voters, List<String> myVotes, List<OptionJson> options) {
        static PollJson of(PollView v) {
            Poll p = v.poll();
            return new PollJson(Long.toString(p.id()), Long.toString(p.postId()), Long.toString(p.spaceId()),
                    Long.toString(p.authorId()), p.multiple(), p.anonymous(), p.results().name(),
                    p.closesAt().toString(), v.closed(), v.resultsVisible(), v.canVote(), v.voters(),
                    v.myVotes().stream().map(String::valueOf).toList(),
                    v.options().stream().map(o -> new OptionJson(Long.toString(o.id()), o.label(), o.votes(),
                            o.percent(), o.voterNames())).toList());
        }
    }

    private final PollService polls;

    PollsApiController(PollService polls) {
        this.polls = polls;
    }

    @PostMapping("/spaces/{id}/polls")
    @Operation(summary = "Publish a poll in a space: the question becomes a post, the poll hangs under it. "
            + "results: AFTER_VOTE (a voter sees them at once) or AFTER_CLOSE; closesAt in the future; 2–20 options")
    ResponseEntity<PollJson> create(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                    @RequestBody NewPollJson body) {
        PollView v = polls.create(viewer, id, new PollService.NewPoll(body.question(), body.options(),
                Boolean.TRUE.equals(body.multiple()), Boolean.TRUE.equals(body.anonymous()),
                body.results() == null ? Poll.Results.AFTER_VOTE : PollForm.results(body.results()),
                Deadlines.fromApi("closesAt", body.closesAt())));
        return ResponseEntity.created(URI.create("/api/v1/polls/" + v.poll().id())).body(PollJson.of(v));
    }

    @GetMapping("/polls/{id}")
    @Operation(summary = "A poll (readers of its post; counts are null while the results are hidden)")
    PollJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return PollJson.of(polls.get(viewer, id));
    }

    @GetMapping("/posts/{postId}/poll")
    @Operation(summary = "The poll of a post (404 when the post has none)")
    PollJson forPost(@AuthenticationPrincipal KontorUser viewer, @PathVariable long postId) {
        return PollJson.of(polls.forPost(viewer, postId));
    }

    @PutMapping("/polls/{id}/vote")
    @Operation(summary = "Vote (people who may comment on the post): the caller's vote becomes exactly these "
            + "options, replacing an earlier vote; 409 after the deadline, 422 for unknown or too many options")
    PollJson vote(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @RequestBody VoteJson body) {
        List<Long> ids = new ArrayList<>();
        for (String s : body.optionIds() == null ? List.<String>of() : body.optionIds()) {
            try {
                ids.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new DomainException.Invalid("optionIds", "decisions.error.unknownOption");
            }
        }
        return PollJson.of(polls.vote(viewer, id, ids));
    }

    @DeleteMapping("/polls/{id}/vote")
    @Operation(summary = "Take the caller's vote back while the poll is open")
    ResponseEntity<Void> retract(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        polls.retract(viewer, id);
        return ResponseEntity.noContent().build();
    }
}
