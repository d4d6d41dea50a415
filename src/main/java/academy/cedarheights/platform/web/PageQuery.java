package academy.cedarheights.platform.web;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Which page of a list, and in which order: {@code ?page=0&size=50&sort=name} ({@code -name} descending).
 * Sort keys are whitelisted per list and mapped to SQL by the list itself, never concatenated from input.
 */
public record PageQuery(
        @Min(0) @Max(100_000) Integer page,
        @Min(1) @Max(200) Integer size,
        @Pattern(regexp = "-?[a-z_]{1,40}", message = "must be a field name, with '-' in front for descending")
        String sort) {

    public static final int DEFAULT_SIZE = 50;

    public int pageNumber() {
        return page == null ? 0 : page;
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }

    public long offset() {
        return (long) pageNumber() * pageSize();
    }

    /**
     * The SQL {@code order by} expression for the requested sort key, from {@code sortable} (key → column);
     * {@code fallback} when none was asked for. Ends with the id so pages never overlap.
     */
    public String orderBy(Map<String, String> sortable, String fallback) {
        return orderBy(sortable, fallback, "id");
    }

    /** As {@link #orderBy(Map, String)}, with the tie-breaking id column named (for joins). */
    public String orderBy(Map<String, String> sortable, String fallback, String idColumn) {
        if (sort == null || sort.isBlank()) {
            return fallback + ", " + idColumn;
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        String column = sortable.get(key);
        if (column == null) {
            throw new InvalidField("sort", "must be one of " + String.join(", ", sortable.keySet()));
        }
        return column + (descending ? " desc" : " asc") + ", " + idColumn;
    }

    public <T> Page<T> page(java.util.List<T> items, long total) {
        return new Page<>(items, pageNumber(), pageSize(), total);
    }
}
