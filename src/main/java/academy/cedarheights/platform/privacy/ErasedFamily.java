package academy.cedarheights.platform.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family being erased, as every module needs to know it to erase what it holds of them: the ids of its records
 * (the rows that are the family's own) and its personal values (to find them written into other records), each with
 * the pseudonym that takes its place. Built by the families module before it pseudonymises its own tables.
 *
 * @param pseudonym the family's name from now on, everywhere ("Erased family 1a2b3c4d")
 * @param address   an email address that delivers nowhere (RFC 2606's {@code .invalid}), in place of theirs
 * @param subject   the sign-in identity the family had, if any
 * @param emails    the addresses the family used (as its records wrote them)
 * @param children  its children's ids
 * @param values    each personal value with its pseudonym, as {@link Value}s
 */
public record ErasedFamily(UUID school, UUID payee, String pseudonym, String address, String subject,
                           List<String> emails, List<UUID> children, List<Value> values) {

    /** How the pseudonyms are written: the record's id, shortened, so that the school can still tell two apart. */
    public static String pseudonymOf(String what, UUID id) {
        return "Erased " + what + " " + id.toString().substring(0, 8);
    }

    public ErasedFamily {
        emails = List.copyOf(emails);
        children = List.copyOf(children);
        // the longest first: a full name goes before a shorter value it contains
        values = values.stream().sorted(Comparator.comparing((Value value) -> value.pattern().length()).reversed())
                .toList();
    }

    /** SQL: {@code column}'s text with each of the family's values replaced by its pseudonym (with {@link #bind}). */
    public static String erased(String column) {
        return "erase_values(" + column + ", cast(:patterns as text[]), cast(:replacements as text[]))";
    }

    /** SQL: whether {@code column} mentions any of the family's values (with {@link #bind}). */
    public static String mentions(String column) {
        return column + " ~* :any";
    }

    /**
     * Binds what a statement about the family may name: {@code :school}, {@code :payee}, {@code :children}, and the
     * values {@link #erased} and {@link #mentions} look for.
     */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("school", school).param("payee", payee)
                .param("children", children.toArray(UUID[]::new)).param("patterns", patterns())
                .param("replacements", replacements()).param("any", anyValue());
    }

    /** PostgreSQL regular expressions finding each value, for {@code erase_values(text, patterns, replacements)}. */
    public String[] patterns() {
        return values.stream().map(Value::pattern).toArray(String[]::new);
    }

    /** What each of {@link #patterns()} is replaced by. */
    public String[] replacements() {
        return values.stream().map(Value::replacement).toArray(String[]::new);
    }

    /** One expression matching any of the values (for {@code ~*}): which rows mention the family at all. */
    public String anyValue() {
        return String.join("|", values.stream().map(value -> "(" + value.pattern() + ")").toList());
    }

    /**
     * A personal value as a PostgreSQL regular expression (matched without regard to case) and its pseudonym.
     */
    public record Value(String pattern, String replacement) {

        /** A name or an address, written as it is; runs of spaces may differ. */
        public static Value text(String value, String replacement) {
            StringBuilder pattern = new StringBuilder();
            for (String word : value.strip().split("\\s+")) {
                if (!pattern.isEmpty()) {
                    pattern.append("\\s+");
                }
                // in PostgreSQL's expressions a backslash before a character that is not a letter or digit means it
                pattern.append(word.replaceAll("([^\\p{L}\\p{N}])", Matcher.quoteReplacement("\\") + "$1"));
            }
            return new Value(pattern.toString(), replacement);
        }

        /**
         * A phone number however it was written: its digits with any spaces, dots, dashes or brackets between them,
         * and a North American number with or without its +1.
         */
        public static Value phone(String phone, String replacement) {
            String digits = phone.replaceAll("[^0-9]", "");
            String prefix = "";
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1);
            }
            if (digits.length() == 10) {
                prefix = "(\\+?1[\\s().-]*)?";
            } else if (phone.strip().startsWith("+")) {
                prefix = "\\+?";
            }
            StringBuilder pattern = new StringBuilder(prefix);
            for (int i = 0; i < digits.length(); i++) {
                pattern.append(i == 0 ? "" : "[\\s().-]*").append(digits.charAt(i));
            }
            return new Value(pattern.toString(), replacement);
        }
    }
}
