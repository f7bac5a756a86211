package de.kontor.search.internal;

import java.util.List;
import java.util.Map;

/**
 * The index schema. The index stores ids and text only, never permissions: who may read a document is decided per
 * query from the current memberships ({@link Acl}), so leaving a space or a space turning secret counts at once.
 */
final class Fields {

    /** Bumped when the schema or the analysis changes: an index of another version is rebuilt. */
    static final String SCHEMA = "2";

    /** {@code type:id}, the unique key of a document. */
    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    /** How access is decided: {@link Acl}. */
    static final String ACL = "acl";
    /** The space a document lives in (content) or is (a space's own document). */
    static final String SPACE = "space_id";
    /** The space of content documents only (facet). */
    static final String CONTENT_SPACE = "content_space";
    static final String CONVERSATION = "conversation_id";
    static final String AUTHOR = "author_id";
    /** Stored: where a hit opens. */
    static final String URL = "url";
    static final String CREATED = "created";
    static final String TAG = "tag";
    static final String LANG = "lang";
    /** Rebuild generation: documents of an older generation are removed when a rebuild has finished. */
    static final String GENERATION = "gen";
    /** Stored display title (every language). */
    static final String TITLE = "title";

    static final String TITLE_DE = "title_de";
    static final String TITLE_EN = "title_en";
    static final String BODY_DE = "body_de";
    static final String BODY_EN = "body_en";
    static final String TITLE_DC = "title_dc";
    static final String BODY_DC = "body_dc";
    static final String TAGS_TEXT = "tags_text";
    static final String NAMES = "names";
    static final String SPELL = "spell";

    /** Field boosts: title > tags > body; compound parts below the whole words. */
    static final Map<String, Float> BOOSTS = Map.of(
            TITLE_DE, 3.0f, TITLE_EN, 3.0f,
            TAGS_TEXT, 2.0f,
            BODY_DE, 1.0f, BODY_EN, 1.0f,
            TITLE_DC, 1.0f, BODY_DC, 0.3f);

    static final List<String> SEARCHED = List.of(TITLE_DE, TITLE_EN, TAGS_TEXT, BODY_DE, BODY_EN, TITLE_DC, BODY_DC);
    /** The fields snippets are cut from ({@code body_dc} marks compound parts in the German body). */
    static final List<String> HIGHLIGHTED = List.of(BODY_DE, BODY_EN, BODY_DC);

    private Fields() {
    }
}
