package de.kontor.decisions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.PostPublishing;
import de.kontor.stream.PostText;

/**
 * Polls in posts. A poll is readable by whoever may read its post and answered by whoever may comment on it (space
 * members, not when archived). A vote is a set of options: voting again replaces the earlier vote, on single choice
 * as on multiple choice; after the deadline votes are rejected with 409.
 */
@Service
public class PollService {


    /** What the author fills in; the question becomes the post's text. */
    record NewPoll(String question, List<String> options, boolean multiple, boolean anonymous, Poll.Results results,
                   Instant closesAt) {
    }

    private final PollRepository polls;
    private final PostPublishing publishing;
    private final VisibilityPolicy policy;
    private final IdentityApi identity;

    PollService(PollRepository polls, PostPublishing publishing, VisibilityPolicy policy, IdentityApi identity) {
        this.polls = polls;
        this.publishing = publishing;
        this.policy = policy;
        this.identity = identity;
    }

    /** Publishes the question as a post in the space with the poll under it. */
    @Transactional
    public PollView create(KontorUser viewer, long spaceId, NewPoll input) {
        policy.requireWritable(viewer, spaceId);
        List<String> options = validate(input);
        PostPublishing.PublishedPost post = publishing.publish(viewer, spaceId, input.question());
        long id = polls.insert(post.id(), spaceId, viewer.id(), input.multiple(), input.anonymous(),
                input.results(), input.closesAt(), options);
        return get(viewer, id);
    }

    private static List<String> validate(NewPoll input) {
        Validation v = new Validation();
        v.required("question", input.question()).maxLength("question", input.question(), PostText.MAX_LENGTH);
        List<String> options = ChoiceOptions.validate(v, input.options());
        v.check(input.results() != null, "results", "validation.required");
        v.check(input.closesAt() != null, "closesAt", "validation.required");
        v.check(input.closesAt() == null || input.closesAt().isAfter(Instant.now()), "closesAt",
                "decisions.error.deadlinePast");
        v.throwIfInvalid();
        return options;
    }

    /** The poll if the viewer may read its post; 404 otherwise. */
    public PollView get(KontorUser viewer, long pollId) {
        Poll p = polls.find(pollId).orElseThrow(DomainException.NotFound::new);
        requireReadable(viewer, p);
        return views(viewer, List.of(p)).getFirst();
    }

    /** The poll of a post (404 when the post has none or is not readable). */
    public PollView forPost(KontorUser viewer, long postId) {
        Poll p = polls.findByPost(postId).orElseThrow(DomainException.NotFound::new);
        requireReadable(viewer, p);
        return views(viewer, List.of(p)).getFirst();
    }

    /** Views of the polls of posts the caller has already checked the viewer may read, by post id. */
    Map<Long, PollView> forReadablePosts(KontorUser viewer, Collection<Long> postIds) {
        Map<Long, PollView> out = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        List<Poll> list = polls.findByPosts(postIds);
        if (list.isEmpty()) {
            return out;
        }
        for (PollView v : views(viewer, list)) {
            out.put(v.poll().postId(), v);
        }
        return out;
    }

    /** Replaces the viewer's vote with the chosen options. */
    @Transactional
    public PollView vote(KontorUser viewer, long pollId, Collection<Long> optionIds) {
        Poll p = answerable(viewer, pollId);
        Set<Long> chosen = new LinkedHashSet<>(optionIds == null ? List.of() : optionIds);
        Set<Long> valid = new HashSet<>();
        polls.options(List.of(p.id())).forEach(o -> valid.add(o.id()));
        if (chosen.isEmpty()) {
            throw new DomainException.Invalid("optionIds", "decisions.error.chooseOption");
        }
        if (!valid.containsAll(chosen)) {
            throw new DomainException.Invalid("optionIds", "decisions.error.unknownOption");
        }
        if (!p.multiple() && chosen.size() > 1) {
            throw new DomainException.Invalid("optionIds", "decisions.error.singleChoice");
        }
        polls.replaceVote(p.id(), viewer.id(), chosen);
        return views(viewer, List.of(p)).getFirst();
    }

    /** Takes the viewer's vote back while the poll is open. */
    @Transactional
    public void retract(KontorUser viewer, long pollId) {
        Poll p = answerable(viewer, pollId);
        polls.deleteVote(p.id(), viewer.id());
    }

    /** Readable, open and the viewer may comment on the post: 404, 403, 409 (archived or deadline passed). */
    private Poll answerable(KontorUser viewer, long pollId) {
        Poll found = polls.find(pollId).orElseThrow(DomainException.NotFound::new);
        publishing.requireAnswerable(viewer, found.postId());
        Poll p = polls.lock(pollId).orElseThrow(DomainException.NotFound::new);
        if (p.closed(Instant.now())) {
            throw new DomainException.Conflict("optionIds", "decisions.error.pollClosed");
        }
        return p;
    }

    private void requireReadable(KontorUser viewer, Poll p) {
        if (publishing.readable(viewer, p.postId()).isEmpty()) {
            throw new DomainException.NotFound();
        }
    }

    private List<PollView> views(KontorUser viewer, List<Poll> list) {
        List<Long> ids = list.stream().map(Poll::id).toList();
        Map<Long, List<Poll.Option>> options = new HashMap<>();
        polls.options(ids).forEach(o -> options.computeIfAbsent(o.pollId(), k -> new ArrayList<>()).add(o));
        Map<Long, List<PollRepository.Vote>> votes = new HashMap<>();
        Set<Long> people = new HashSet<>();
        for (PollRepository.Vote v : polls.votes(ids)) {
            votes.computeIfAbsent(v.pollId(), k -> new ArrayList<>()).add(v);
            people.add(v.userId());
        }
        Map<Long, UserSummary> names = identity.findAll(people);
        Map<Long, Boolean> writable = new HashMap<>();
        Instant now = Instant.now();
        List<PollView> out = new ArrayList<>();
        for (Poll p : list) {
            List<PollRepository.Vote> pv = votes.getOrDefault(p.id(), List.of());
            Set<Long> mine = new LinkedHashSet<>();
            Set<Long> voters = new HashSet<>();
            Map<Long, List<Long>> byOption = new HashMap<>();
            for (PollRepository.Vote v : pv) {
                voters.add(v.userId());
                byOption.computeIfAbsent(v.optionId(), k -> new ArrayList<>()).add(v.userId());
                if (v.userId() == viewer.id()) {
                    mine.add(v.optionId());
                }
            }
            boolean closed = p.closed(now);
            boolean visible = closed || (p.results() == Poll.Results.AFTER_VOTE && !mine.isEmpty());
            boolean canVote = !closed && writable.computeIfAbsent(p.spaceId(), s -> policy.canWrite(viewer, s));
            List<PollView.OptionView> optionViews = new ArrayList<>();
            for (Poll.Option o : options.getOrDefault(p.id(), List.of())) {
                List<Long> who = byOption.getOrDefault(o.id(), List.of());
                int percent = voters.isEmpty() ? 0 : Math.round(100f * who.size() / voters.size());
                List<String> voterNames = !visible || p.anonymous() ? List.of()
                        : who.stream().map(id -> names.containsKey(id) ? names.get(id).displayName() : "?").toList();
                optionViews.add(new PollView.OptionView(o.id(), o.label(), visible ? who.size() : null,
                        visible ? percent : 0, voterNames));
            }
            out.add(new PollView(p, optionViews, voters.size(), mine, closed, visible, canVote));
        }
        return out;
    }
}
