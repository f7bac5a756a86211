package de.kontor.identity;

/** What other modules may know about a person: enough to show a name, a badge and an avatar. */
public record UserSummary(long id, String displayName, String email, Role role, boolean active, String jobTitle,
                          String orgUnit, String company, int avatarVersion) {

    public boolean guest() {
        return role == Role.GUEST;
    }

    public String initials() {
        String[] parts = displayName.strip().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && Character.isLetter(p.charAt(0)) && sb.length() < 2) {
                sb.append(Character.toUpperCase(p.charAt(0)));
            }
        }
        return sb.isEmpty() ? "?" : sb.toString();
    }
}
