package academy.cedarheights.booking.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.SlotFilter;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public weekly timetable of a school. */
@RestController
@RequestMapping(path = "/api/v1/public", produces = "application/json")
@Tag(name = "Public")
class PublicTimeslotsController {

    private final OpenSlots openSlots;

    PublicTimeslotsController(OpenSlots openSlots) {
        this.openSlots = openSlots;
    }

    @GetMapping("/timeslots")
    @Operation(summary = "Weekly slots of active teachers; available = no provisional or active holder")
    List<OpenSlot> timeslots(CurrentSchool school,
            @RequestParam(name = "teacher_id", required = false) UUID teacherId,
            @RequestParam(name = "weekday", required = false) @Min(1) @Max(7) Integer weekday,
            @RequestParam(name = "instrument_id", required = false) UUID instrumentId,
            @RequestParam(name = "active", required = false) Boolean active,
            @RequestParam(name = "available", required = false) Boolean available) {
        return openSlots.find(school.id(), new SlotFilter(teacherId, weekday, instrumentId, active, available));
    }
}
