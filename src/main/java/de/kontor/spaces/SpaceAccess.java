package de.kontor.spaces;

/**
 * What one viewer may do with one space, as decided by {@link VisibilityPolicy}. {@code join} and {@code request}
 * are rights only; an archived space additionally rejects every write except leaving and unarchiving.
 */
public record SpaceAccess(boolean see, boolean read, boolean write, boolean moderate, boolean administer,
                          boolean join, boolean request, SpaceRole role, boolean invited, boolean archived) {

    /** Nothing at all: the space does not exist for this viewer. */
    public static final SpaceAccess NONE =
            new SpaceAccess(false, false, false, false, false, false, false, null, false, false);

    public boolean member() {
        return role != null;
    }
}
