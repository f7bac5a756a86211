package de.kontor.blogs.internal;

import de.kontor.identity.UserSummary;

/**
 * An article as the viewer sees it: its author, its space's name (null in a person's blog), what the viewer may do,
 * and whether they may open the announcing post (where its comments and reactions are).
 */
public record ArticleView(Article article, UserSummary author, String spaceName, boolean canEdit, boolean canDelete,
                          boolean postReadable) {
}
