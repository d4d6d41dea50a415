package academy.cedarheights.platform.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that exercise the platform's error handling the way real controllers will. */
@RestController
@RequestMapping("/api/v1/public/test-probe")
class ProblemProbeController {

    private static final Logger log = LoggerFactory.getLogger(ProblemProbeController.class);

    record Lesson(@NotBlank String studentName, @NotNull LocalDate lessonDate, @Min(1) int durationMinutes,
                  @Valid @Size(max = 2) List<@NotBlank String> notes) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Lesson echo(@Valid @RequestBody Lesson lesson) {
        log.info("probe received a lesson for {}", lesson.lessonDate());
        return lesson;
    }

    @GetMapping("/boom")
    String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GetMapping("/conflict")
    String conflict() {
        throw new ConflictWithCurrentState("The slot is already held.") { };
    }
}
