package academy.cedarheights.notifications;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import academy.cedarheights.platform.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * An {@link Email} as the model its template reads and the email log keeps: each component under its snake-case
 * name ({@code parentName} → {@code parent_name}), as plain JSON. Money is its cents under the component's name and
 * its code under {@code currency}; a weekday is its ISO number; dates, times and instants are ISO-8601; an enum is
 * its lower-case name. A missing component or a link that is not absolute is refused here, before anything is queued.
 */
final class EmailModel {

    private EmailModel() {
    }

    static Map<String, Object> of(Email email) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (RecordComponent component : email.getClass().getRecordComponents()) {
            String key = JdbcUtils.convertPropertyNameToUnderscoreName(component.getName());
            Object value = valueOf(email, component);
            if (value == null) {
                if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    throw new IllegalArgumentException(email.template().key() + " needs " + key);
                }
            } else if (value instanceof Money money) {
                model.put(key, money.amount());
                model.put("currency", money.currency());
            } else {
                model.put(key, plain(email, key, value));
            }
        }
        return model;
    }

    private static Object plain(Email email, String key, Object value) {
        if (value instanceof URI link) {
            if (!link.isAbsolute() || !link.getScheme().matches("https?")) {
                throw new IllegalArgumentException(email.template().key() + " needs an absolute link in " + key
                        + ", was " + link);
            }
            return link.toString();
        }
        if (value instanceof DayOfWeek day) {
            return day.getValue();
        }
        if (value instanceof Enum<?> named) {
            return named.name().toLowerCase(Locale.ROOT);
        }
        return value instanceof TemporalAccessor time ? time.toString() : value;
    }

    private static @Nullable Object valueOf(Email email, RecordComponent component) {
        try {
            return component.getAccessor().invoke(email);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A record's accessor is public: " + component, e);
        }
    }
}
