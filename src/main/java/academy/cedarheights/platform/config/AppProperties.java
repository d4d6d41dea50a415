package academy.cedarheights.platform.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment-wide settings ({@code APP_*} environment variables).
 *
 * @param dataDir       where the embedded PostgreSQL keeps its data between runs ({@code APP_DATA_DIR})
 * @param baseDomain    when set, a request to {@code <slug>.<baseDomain>} selects that school ({@code APP_BASE_DOMAIN})
 * @param defaultSchool the slug of the school a request gets when nothing else names one ({@code APP_DEFAULT_SCHOOL})
 * @param demoData      load the demo school; unset means "only with the embedded database" ({@code APP_DEMO_DATA})
 * @param publicUrl     the address people open, used in start-up messages and links ({@code APP_PUBLIC_URL}); unset,
 *                      {@code http://localhost:<port>} ({@link PublicAddress})
 * @param metricsToken  the bearer token Prometheus scrapes {@code /actuator/prometheus} with; unset, the metrics are
 *                      not served ({@code APP_METRICS_TOKEN})
 */
@ConfigurationProperties("app")
public record AppProperties(
        @DefaultValue(".cedar-data") Path dataDir,
        String baseDomain,
        @DefaultValue("cedar-heights") String defaultSchool,
        Boolean demoData,
        String publicUrl,
        String metricsToken) {
}
