package academy.cedarheights.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A weekly timeslot as the public sees it, with whether anyone holds it. */
public record OpenSlot(UUID id, UUID teacherId, String teacherName, int weekday,
                       @JsonFormat(pattern = "HH:mm") LocalTime startTime,
                       @JsonFormat(pattern = "HH:mm") LocalTime endTime,
                       boolean active, boolean available) {

    /** The slot in words: "Tuesdays at 16:00 with Ada Keys". */
    public String inWords() {
        return inWords(weekday, startTime, teacherName);
    }

    public static String inWords(int weekday, LocalTime startTime, String teacher) {
        return DayOfWeek.of(weekday).getDisplayName(TextStyle.FULL, Locale.CANADA) + "s at " + startTime
                + " with " + teacher;
    }
}
