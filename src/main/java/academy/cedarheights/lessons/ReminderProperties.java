package academy.cedarheights.lessons;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param every  how often reminders are looked for; a lesson is reminded at the first look within
 *               {@code ahead} of its start, so about 24 hours before it
 * @param ahead  how long before a lesson its reminder goes out
 * @param smsAhead how long before a lesson a second reminder goes out by text (a family with a phone that has not
 *               opted out); null: none
 */
@ConfigurationProperties("app.reminders")
record ReminderProperties(@DefaultValue("10m") Duration every, @DefaultValue("24h") Duration ahead,
                          @Nullable Duration smsAhead) {
}
