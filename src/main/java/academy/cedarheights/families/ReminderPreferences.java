package academy.cedarheights.families;

import jakarta.validation.constraints.NotNull;

/** Whether a family wants lesson reminders by email and by text. Receipts and notices always go out. */
public record ReminderPreferences(@NotNull Boolean lessonReminderEmails, @NotNull Boolean lessonReminderTexts) {
}
