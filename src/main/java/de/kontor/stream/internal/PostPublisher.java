package de.kontor.stream.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.stream.PostPublishing;

/** {@link PostPublishing} through {@link PostService}, so that other modules' posts follow the same rules. */
@Service
class PostPublisher implements PostPublishing {

    private final PostService posts;

    PostPublisher(PostService posts) {
        this.posts = posts;
    }

    @Override
    @Transactional
    public PublishedPost publish(KontorUser author, long spaceId, String markdown) {
        return ref(posts.create(author, spaceId, markdown).value());
    }

    @Override
    @Transactional
    public PublishedPost publishOnProfile(KontorUser author, String markdown) {
        return ref(posts.create(author, null, markdown).value());
    }

    @Override
    public Optional<PublishedPost> readable(KontorUser viewer, long postId) {
        try {
            return Optional.of(ref(posts.readable(viewer, postId)));
        } catch (DomainException.NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public void requireAnswerable(KontorUser viewer, long postId) {
        posts.answerable(viewer, postId);
    }

    @Override
    @Transactional
    public long comment(KontorUser author, long postId, String markdown) {
        return posts.comment(author, postId, null, markdown).value().id();
    }

    private static PublishedPost ref(Post p) {
        return new PublishedPost(p.id(), p.spaceId(), p.authorId());
    }
}
