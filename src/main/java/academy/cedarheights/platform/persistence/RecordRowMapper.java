package academy.cedarheights.platform.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.lang.Nullable;

/**
 * Maps a row to a record by its column labels: {@code hold_days} or {@code holdDays} fill the component
 * {@code holdDays}. It does what Spring's {@code SimplePropertyRowMapper} does for records, without its way of
 * finding a column — asking the driver for the component's own name first, which pgJDBC answers for every
 * camel-case name with an exception whose stack it fills: a sixth of a booking's CPU before this class.
 * Values are read as their component's type and converted as Spring's mapper would; an enum by its name in any case
 * ({@code active} → {@code ACTIVE}), as our tables write the domain's names in lower case.
 */
final class RecordRowMapper<T> {

    private final Constructor<T> constructor;
    private final Class<?>[] types;
    private final TypeDescriptor[] descriptors;
    private final Map<String, Integer> componentOfLabel = new HashMap<>();
    private final ConversionService conversions;

    RecordRowMapper(Class<T> type, ConversionService conversions) {
        RecordComponent[] components = type.getRecordComponents();
        this.constructor = canonical(type, components);
        this.types = new Class<?>[components.length];
        this.descriptors = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            descriptors[i] = new TypeDescriptor(MethodParameter.forFieldAwareConstructor(constructor, i,
                    components[i].getName()));
            componentOfLabel.put(components[i].getName().toLowerCase(Locale.ROOT), i);
            componentOfLabel.put(JdbcUtils.convertPropertyNameToUnderscoreName(components[i].getName()), i);
        }
        this.conversions = conversions;
    }

    /**
     * A mapper for one query's rows: it finds each component's column in the first row's labels and reads the rest
     * by the same columns (a week calendar's 500 lessons were a label lookup a column a row before it).
     */
    RowMapper<T> forOneQuery() {
        return new RowMapper<>() {
            private int[] columns;

            @Override
            public T mapRow(ResultSet rs, int rowNum) throws SQLException {
                if (columns == null) {
                    columns = columnsOf(rs.getMetaData());
                }
                return map(rs, columns);
            }
        };
    }

    /** Each component's column, the first labelled for it. */
    private int[] columnsOf(ResultSetMetaData metaData) throws SQLException {
        int[] columns = new int[types.length];
        for (int column = metaData.getColumnCount(); column >= 1; column--) {
            Integer component = componentOfLabel.get(metaData.getColumnLabel(column).toLowerCase(Locale.ROOT));
            if (component != null) {
                columns[component] = column;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == 0) {
                throw new SQLException("No column for " + constructor.getDeclaringClass().getSimpleName() + "."
                        + constructor.getParameters()[i].getName());
            }
        }
        return columns;
    }

    private T map(ResultSet rs, int[] columns) throws SQLException {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = convert(read(rs, columns[i], types[i]), descriptors[i]);
        }
        return BeanUtils.instantiateClass(constructor, values);
    }

    /** The driver's own reading of the common types; anything else as Spring reads it. */
    @Nullable
    private static Object read(ResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(column);
        }
        if (type.isEnum()) {
            String name = rs.getString(column);
            return name == null ? null : enumNamed(type, name);
        }
        if (type == UUID.class || type == LocalDate.class || type == LocalTime.class || type == OffsetDateTime.class) {
            return rs.getObject(column, type);
        }
        if (type == Instant.class) {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant();
        }
        return JdbcUtils.getResultSetValue(rs, column, type);
    }

    private static Object enumNamed(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " is named " + name);
    }

    @Nullable
    private Object convert(@Nullable Object value, TypeDescriptor target) {
        if (value == null || target.getType().isInstance(value)) {
            return value;
        }
        return conversions.convert(value, TypeDescriptor.forObject(value), target);
    }

    private static <T> Constructor<T> canonical(Class<T> type, RecordComponent[] components) {
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record always has its canonical constructor: " + type, e);
        }
    }
}
