package academy.cedarheights.schools;

/** A school about to be created by its first admin; prices start at the defaults and are changed in the settings. */
public record NewSchool(String slug, String name, String timeZone, String currency) {
}
