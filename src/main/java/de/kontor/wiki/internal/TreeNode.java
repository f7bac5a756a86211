package de.kontor.wiki.internal;

import java.time.Instant;
import java.util.List;

/** A page in the space's page tree, with its children in their order. */
public record TreeNode(long id, Long parentId, String title, int position, boolean restricted, Instant updatedAt,
                       List<TreeNode> children) {
}
