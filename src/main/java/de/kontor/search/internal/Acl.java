package de.kontor.search.internal;

/** How the reader of a document is decided at query time; the index keeps only these kinds and ids. */
enum Acl {
    /** Content of a space: readers of the space ({@code VisibilityPolicy.readableSpaceIds}). */
    SPACE_CONTENT,
    /** A space's own name and description: everyone who may see the space. */
    SPACE_LISTING,
    /** Company-wide: every active member or administrator, never guests (profile posts, people). */
    COMPANY,
    /** A direct message: its conversation's participants (former ones up to the moment they left). */
    PARTICIPANTS,
    /** Private to one person: only the reader whose id is the document's author id (private bookmarks). */
    OWNER
}
