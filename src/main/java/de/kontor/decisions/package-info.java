/**
 * Asynchronous decisions and polls: polls in posts, and proposals in a space that the people asked answer until a
 * deadline, after which the outcome is recorded in the space's wiki and announced in its stream.
 */
package de.kontor.decisions;
