package academy.cedarheights.schools;

/** What a school's emails and pages show of it: its name, colour, contact and time zone. */
public record Branding(String name, String brandColor, String contactEmail, String timeZone, String slug) {
}
