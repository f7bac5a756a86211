/**
 * Blogs: a blog per person and per space with articles (draft, scheduled, published) and a cover image. A published
 * article is announced in the stream; that post carries its comments and reactions.
 */
package de.kontor.blogs;
