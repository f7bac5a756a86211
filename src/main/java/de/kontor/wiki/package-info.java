/**
 * The wiki: pages in a tree per space, revisions, diffs, edit conflicts, attachments. Other modules use
 * {@link de.kontor.wiki.WikiApi} and react to {@link de.kontor.wiki.WikiPageSaved} and
 * {@link de.kontor.wiki.WikiPageDeleted}.
 */
package de.kontor.wiki;
