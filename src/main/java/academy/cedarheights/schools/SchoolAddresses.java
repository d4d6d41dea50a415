package academy.cedarheights.schools;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.config.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each school lives, and the one link builder of the app: every link made for a school — in an email, a
 * Checkout return address, a page — starts with its base URL. That is its own domain if it has one
 * ({@code https://lessons.example.org}), else its subdomain under {@code APP_BASE_DOMAIN}, else the deployment's
 * public address — at the root for the default school, under {@code /s/<slug>} for every other.
 */
@Component
@Transactional(readOnly = true)
public class SchoolAddresses {

    private final JdbcClient jdbc;
    private final PublicAddress site;
    private final AppProperties app;

    SchoolAddresses(JdbcClient jdbc, PublicAddress site, AppProperties app) {
        this.jdbc = jdbc;
        this.site = site;
        this.app = app;
    }

    private record Place(String slug, String customDomain) {
    }

    public URI baseUrl(UUID school) {
        Place place = jdbc.sql("select slug, custom_domain from schools where id = :id").param("id", school)
                .query(Place.class).single();
        return URI.create(baseUrl(place.slug(), place.customDomain()));
    }

    /** The base URL of a school read with its slug and domain already. */
    String baseUrl(String slug, String customDomain) {
        return base(slug, customDomain, site.base(), app.baseDomain(), app.defaultSchool());
    }

    /** An absolute link to {@code path} (from its leading slash) on the school's own address. */
    public URI link(UUID school, String path) {
        return URI.create(baseUrl(school) + path);
    }

    /** The school whose own domain {@code host} is, if any. */
    public Optional<String> slugOfDomain(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select slug from schools where custom_domain = :host")
                .param("host", host.toLowerCase(Locale.ROOT)).query(String.class).optional();
    }

    /**
     * The base URL, without a trailing slash, by the rules above. A custom domain and a subdomain take the scheme and
     * the port of the public address: in production that is {@code https} on the standard port, behind the proxy that
     * holds the domain's certificate; on a laptop, {@code http://a.localhost:8080} opens the same server.
     */
    static String base(String slug, String customDomain, String site, String baseDomain, String defaultSchool) {
        URI address = URI.create(site);
        String port = address.getPort() > 0 ? ":" + address.getPort() : "";
        if (customDomain != null) {
            return address.getScheme() + "://" + customDomain + port;
        }
        if (baseDomain != null && !baseDomain.isBlank()) {
            return address.getScheme() + "://" + slug + "." + baseDomain.toLowerCase(Locale.ROOT) + port;
        }
        return slug.equals(defaultSchool) ? site : site + "/s/" + slug;
    }
}
