package academy.cedarheights.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How the console log reads: one JSON object a line (with the request's id, a job's school and instance) where a
 * log collector reads it — in production, on {@code DATABASE_URL} — and plain lines on the embedded database, where
 * a person starting the app for the first time reads them. {@code APP_LOG_FORMAT=json|plain} decides otherwise, and
 * a {@code logging.structured.format.console} set anywhere wins.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(STRUCTURED)) {
            return;
        }
        String chosen = environment.getProperty("app.log-format", "");
        boolean json = chosen.isBlank() ? !environment.getProperty("database.url", "").isBlank()
                : chosen.trim().equalsIgnoreCase("json");
        if (json) {
            environment.getPropertySources().addLast(new MapPropertySource("app-log-format", Map.of(STRUCTURED, "logstash")));
        }
    }
}
