package de.kontor.decisions;

/**
 * Closing decisions whose deadline has passed, which the cluster-wide job does every few seconds; callers that need
 * it at once (the demo load) ask for it here. Each decision is closed through the one real path: outcome, record page
 * in the space's wiki, announcement in its stream.
 */
public interface DecisionDeadlines {

    /** Closes every open decision whose deadline passed; returns how many were closed. */
    int closeDue();
}
