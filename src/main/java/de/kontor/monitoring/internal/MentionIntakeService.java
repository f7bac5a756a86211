package de.kontor.monitoring.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.monitoring.MentionIntake;

/** {@link MentionIntake} through the same {@link Listening} as polled sources. */
@Service
class MentionIntakeService implements MentionIntake {

    private final Listening listening;

    MentionIntakeService(Listening listening) {
        this.listening = listening;
    }

    @Override
    @Transactional
    public int receive(long sourceId, List<Item> items) {
        return listening.ingest(sourceId, items.stream().map(i -> new Listening.Heard(i.url(), i.author(), i.text(),
                i.publishedAt(), i.language())).toList()).stored();
    }
}
