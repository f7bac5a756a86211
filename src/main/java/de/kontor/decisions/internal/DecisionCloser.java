package de.kontor.decisions.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.kontor.decisions.DecisionClosed;
import de.kontor.decisions.DecisionDeadlines;
import de.kontor.decisions.DecisionReminder;
import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.PostPublishing;
import de.kontor.wiki.WikiApi;

/**
 * Closes decisions (at the deadline through the cluster-wide job, or early by the proposer) and sends the reminders
 * before deadlines. Closing computes the {@link Outcome}, records it as a page in the space's wiki, announces it in
 * the space's stream and publishes {@link DecisionClosed}, all in one transaction: if the wiki or the stream fail,
 * nothing is closed and the next run tries again.
 */
@Component
class DecisionCloser implements DecisionDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DecisionCloser.class);

    /** The reminders: column, how long before the deadline; the later one first (it also settles the earlier). */
    private static final List<String[]> REMINDERS = List.of(
            new String[] {"reminded_hour_at", "1 hour"}, new String[] {"reminded_day_at", "24 hours"});

    private final DecisionRepository decisions;
    private final DecisionRecord record;
    private final WikiApi wiki;
    private final PostPublishing publishing;
    private final IdentityApi identity;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DecisionCloser(DecisionRepository decisions, DecisionRecord record, WikiApi wiki, PostPublishing publishing,
                   IdentityApi identity, VisibilityPolicy policy, SpaceDirectory spaces,
                   ApplicationEventPublisher events, TransactionTemplate tx) {
        this.decisions = decisions;
        this.record = record;
        this.wiki = wiki;
        this.publishing = publishing;
        this.identity = identity;
        this.policy = policy;
        this.spaces = spaces;
        this.events = events;
        this.tx = tx;
    }

    /** Each decision in its own transaction (joined when the caller has one); one that fails is left for later. */
    @Override
    public int closeDue() {
        Set<Long> failed = new HashSet<>();
        int closed = 0;
        while (true) {
            AtomicReference<Long> current = new AtomicReference<>();
            try {
                Optional<Long> done = tx.execute(s -> decisions.lockNextDue(Instant.now(), failed).map(d -> {
                    current.set(d.id());
                    close(d);
                    return d.id();
                }));
                if (done == null || done.isEmpty()) {
                    return closed;
                }
                closed++;
            } catch (RuntimeException e) {
                if (current.get() == null) {
                    throw e;
                }
                // left open: the next run tries again (e.g. the wiki was unavailable)
                failed.add(current.get());
                log.warn("Closing decision {} failed; will retry", current.get(), e);
            }
        }
    }

    /**
     * Closes the decision, whose row the caller's transaction has locked: outcome, record page, announcement,
     * event.
     */
    void close(Decision d) {
        Instant now = Instant.now();
        List<Long> asked = decisions.asked(d.id());
        List<Decision.Answer> answers = decisions.answers(d.id());
        List<Decision.Option> options = decisions.options(d.id());
        Outcome outcome = Outcome.of(d.kind(), asked.size(), d.quorum(), answers, options);
        decisions.decide(d.id(), outcome, now);
        Decision decided = decisions.find(d.id()).orElseThrow();
        String spaceName = spaces.find(List.of(d.spaceId())).get(d.spaceId()).name();
        WikiApi.PageRef page = wiki.recordPage(d.spaceId(), record.parentTitle(), record.pageTitle(decided),
                record.markdown(decided, outcome, spaceName, asked, answers, options), d.proposerId(),
                record.changeNote(decided));
        Long postId = announce(decided, outcome, options, page.url());
        decisions.recorded(d.id(), page.id(), page.url(), postId);
        events.publishEvent(new DecisionClosed(d.id(), d.spaceId(), d.proposerId(), asked,
                outcome.result().name(), now));
    }

    /**
     * The announcement is the proposer's post, written with the stream's rules; when the proposer can no longer
     * write in the space (left it, deactivated), the record page alone documents the outcome.
     */
    private Long announce(Decision d, Outcome outcome, List<Decision.Option> options, String recordUrl) {
        KontorUser proposer = identity.principal(d.proposerId()).orElse(null);
        if (proposer == null || !policy.canWrite(proposer, d.spaceId())) {
            return null;
        }
        return publishing.publish(proposer, d.spaceId(), record.announcement(d, outcome, options, recordUrl)).id();
    }

    /** Reminds the people asked who have not answered, one hour and one day before the deadline. */
    void remindDue() {
        for (String[] reminder : REMINDERS) {
            tx.executeWithoutResult(s -> {
                Instant now = Instant.now();
                for (Decision d : decisions.lockDueReminders(now, reminder[0], reminder[1])) {
                    Set<Long> answered = new HashSet<>();
                    decisions.answers(d.id()).forEach(a -> answered.add(a.userId()));
                    List<Long> pending = decisions.asked(d.id()).stream().filter(u -> !answered.contains(u)).toList();
                    if (!pending.isEmpty()) {
                        events.publishEvent(new DecisionReminder(d.id(), d.spaceId(), d.proposerId(), pending,
                                d.deadline()));
                    }
                    decisions.markReminded(d.id(), reminder[0], now);
                    if ("reminded_hour_at".equals(reminder[0])) {
                        decisions.markReminded(d.id(), "reminded_day_at", now);
                    }
                }
            });
        }
    }
}
