package de.kontor.stream.internal;

import java.util.List;

import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.stream.internal.StreamRepository.TagCount;
import de.kontor.stream.internal.StreamService.StreamPage;

/** What the stream pages render (one template for home, company, space, tag and person streams). */
public final class StreamPages {

    private StreamPages() {
    }

    /** The post form: where to post (a fixed space, or a choice), the text so far and its preview. */
    public record Composer(List<SpaceRef> spaces, Long fixedSpaceId, boolean profileAllowed, Long selected,
                           String body, String previewHtml, String back) {
    }

    /** A follow / unfollow (or mute / unmute) button. */
    public record Toggle(String action, String label, boolean on) {
    }

    public record StreamModel(String kind, String title, String intro, StreamPage page, String moreUrl,
                              Composer composer, List<Toggle> toggles, List<TagCount> trending,
                              List<String> warnings, String notice) {
        /** The link for the next page, or null on the last page. */
        public String nextUrl() {
            if (page.nextCursor() == null) {
                return null;
            }
            return moreUrl + (moreUrl.contains("?") ? "&" : "?") + "cursor=" + page.nextCursor();
        }
    }
}
