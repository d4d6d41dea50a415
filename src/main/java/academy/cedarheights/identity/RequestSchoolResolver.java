package academy.cedarheights.identity;

import java.util.Locale;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.SchoolResolver;
import academy.cedarheights.schools.SchoolNotFound;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Chooses the school of a request, in the order of the spec: the {@code X-School} header, the host's
 * first label under {@code APP_BASE_DOMAIN}, else the deployment's default school.
 * (The signed-in user's token claim takes precedence once tokens carry one.)
 */
@Component
class RequestSchoolResolver implements SchoolResolver {

    static final String HEADER = "X-School";
    private final Schools schools;
    private final AppProperties app;

    RequestSchoolResolver(Schools schools, AppProperties app) {
        this.schools = schools;
        this.app = app;
    }

    @Override
    public CurrentSchool resolve(HttpServletRequest request) {
        String slug = requestedSlug(request);
        SchoolSummary school = schools.findBySlug(slug).orElseThrow(() -> new SchoolNotFound(slug));
        return new CurrentSchool(school.id(), school.slug(), school.timeZone());
    }

    private String requestedSlug(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim().toLowerCase(Locale.ROOT);
        }
        String fromHost = slugFromHost(request.getServerName());
        return fromHost != null ? fromHost : app.defaultSchool();
    }

    private String slugFromHost(String host) {
        String base = app.baseDomain();
        if (base == null || base.isBlank() || host == null) {
            return null;
        }
        String suffix = "." + base.toLowerCase(Locale.ROOT);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (!lowerHost.endsWith(suffix)) {
            return null;
        }
        String label = lowerHost.substring(0, lowerHost.length() - suffix.length());
        return label.isEmpty() || label.contains(".") ? null : label;
    }
}
