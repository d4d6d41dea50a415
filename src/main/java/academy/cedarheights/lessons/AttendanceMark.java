package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How a lesson went: present, absent (reported), no_show, or cancelled_by_school. */
public record AttendanceMark(
        @NotNull UUID enrollmentId,
        @NotNull LocalDate date,
        @NotNull @Pattern(regexp = "present|absent|no_show|cancelled_by_school",
                message = "must be present, absent, no_show or cancelled_by_school") String status,
        @Size(max = 2000) String notes) {
}
