package academy.cedarheights.platform.web;

/**
 * Where a page may send someone back to ({@code ?next=}): a path of this site and nothing else. An absolute or
 * protocol-relative address, a backslash (which browsers read as a slash), or any control or white-space character
 * (browsers drop tabs and new lines inside URLs, so {@code /\t/evil.example} becomes {@code //evil.example}) would
 * make the form an open redirect; such a target is ignored.
 */
public final class ReturnTargets {

    private static final int MAX_LENGTH = 2048;

    private ReturnTargets() {
    }

    /** The target when it is safe, else {@code null}. */
    public static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/' || next.startsWith("//")) {
            return null;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return null;
            }
        }
        return next;
    }

    /** The target when it is safe, else {@code fallback}. */
    public static String safeOr(String next, String fallback) {
        String safe = safe(next);
        return safe != null ? safe : fallback;
    }
}
