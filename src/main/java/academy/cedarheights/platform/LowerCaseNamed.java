package academy.cedarheights.platform;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A domain's values written in lower case in the database, the API and the pages ({@code monthly}, {@code active}),
 * while Java names them as constants. The enum overrides {@code toString} with {@link #key()} for the pages.
 */
public interface LowerCaseNamed {

    String name();

    /** The value as the database, the API and a form write it. */
    @JsonValue
    default String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@code type} that a form or a query names; empty for anything else. */
    static <E extends Enum<E> & LowerCaseNamed> Optional<E> named(Class<E> type, String key) {
        for (E value : type.getEnumConstants()) {
            if (value.key().equals(key)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
