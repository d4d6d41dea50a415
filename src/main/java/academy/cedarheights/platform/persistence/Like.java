package academy.cedarheights.platform.persistence;

/** A {@code like}/{@code ilike} pattern for what a person typed, matched as itself ({@code %} and {@code _} too). */
public final class Like {

    private Like() {
    }

    /** Anything with {@code typed} in it: {@code Ann_e} finds "Ann_e", not "Annie". */
    public static String containing(String typed) {
        return "%" + typed.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
