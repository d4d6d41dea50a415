package academy.cedarheights.families;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import academy.cedarheights.platform.web.InvalidField;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A spreadsheet of families as the school exports it: a header row, then one line per child (or per family without
 * children). Columns are found by their header, in any order, under our names or the usual ones of other systems
 * ("Email", "Student", "Date of birth"…), so a school rarely has to edit its export.
 */
final class ImportFile {

    static final int MOST_LINES = 5_000;

    /** Each column's accepted headers, as {@link #normalised} spells them. */
    static final Map<String, List<String>> COLUMNS = Map.of(
            "parent_name", List.of("parent_name", "parent", "parent_full_name", "guardian", "guardian_name", "payee",
                    "payee_name", "contact_name"),
            "parent_email", List.of("parent_email", "email", "email_address", "parent_email_address", "guardian_email"),
            "parent_phone", List.of("parent_phone", "phone", "phone_number", "mobile", "mobile_phone", "cell",
                    "guardian_phone"),
            "child_name", List.of("child_name", "child", "student", "student_name", "student_full_name"),
            "birth_date", List.of("birth_date", "date_of_birth", "dob", "birthday", "birthdate"),
            "instrument", List.of("instrument", "instrument_name"));
    static final List<String> REQUIRED = List.of("parent_name", "parent_email");

    private ImportFile() {
    }

    /** One line of the file, its cells by our column names (blank when the file has no such column). */
    record Line(int number, Map<String, String> cells) {

        String cell(String column) {
            return cells.getOrDefault(column, "").strip();
        }
    }

    static List<Line> read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Map<String, String> ours = columnsOf(parser.getHeaderNames());
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() == MOST_LINES) {
                    throw new InvalidField("file",
                            "must have at most " + MOST_LINES + " lines; split it and import each part");
                }
                Map<String, String> cells = new HashMap<>();
                ours.forEach((header, column) -> cells.put(column, record.isSet(header) ? record.get(header) : ""));
                lines.add(new Line((int) record.getRecordNumber() + 1, cells));
            }
            return lines;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw new InvalidField("file", "must be a CSV file with a header row: " + unreadable.getMessage());
        }
    }

    /** The file's headers that name one of our columns, to that column; a required column missing is refused. */
    private static Map<String, String> columnsOf(List<String> headers) {
        Map<String, String> ours = new HashMap<>();
        for (String header : headers) {
            String name = normalised(header);
            COLUMNS.forEach((column, aliases) -> {
                if (aliases.contains(name) && !ours.containsValue(column)) {
                    ours.put(header, column);
                }
            });
        }
        for (String required : REQUIRED) {
            if (!ours.containsValue(required)) {
                throw new InvalidField("file", "must have a " + required + " column (or one of "
                        + String.join(", ", COLUMNS.get(required)) + ")");
            }
        }
        return ours;
    }

    /** "Date of Birth" → date_of_birth. */
    static String normalised(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
