package de.kontor.decisions.internal;

import java.util.List;
import java.util.Set;

/**
 * A poll as one viewer sees it. Counts are null while the results are hidden from the viewer; voter names are
 * empty for anonymous polls.
 */
public record PollView(Poll poll, List<OptionView> options, int voters, Set<Long> myVotes, boolean closed,
                       boolean resultsVisible, boolean canVote) {

    /** One option with its count, share of the voters (0–100) and, for named polls, who chose it. */
    public record OptionView(long id, String label, Integer votes, int percent, List<String> voterNames) {
    }

    public boolean voted() {
        return !myVotes.isEmpty();
    }

    public boolean mine(long optionId) {
        return myVotes.contains(optionId);
    }
}
