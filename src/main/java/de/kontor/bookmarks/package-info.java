/**
 * Social bookmarks: links saved privately or into a space with title, note and tags; who else saved a link, popular
 * links per tag and week, link previews fetched through {@code shared.net.OutboundHttp}, a bookmarklet and the
 * Netscape bookmark file format for import and export.
 */
package de.kontor.bookmarks;
