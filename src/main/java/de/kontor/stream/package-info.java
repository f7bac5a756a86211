/**
 * The activity stream: posts, comments, reactions, mentions, hashtags, follows and the streams built from them.
 * Other modules react to its past-tense events.
 */
package de.kontor.stream;
