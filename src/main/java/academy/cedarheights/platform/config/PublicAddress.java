package academy.cedarheights.platform.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The deployment's public address: {@code APP_PUBLIC_URL}, else {@code http://localhost:<port>} with the port this
 * server actually listens on — {@code PORT}, or the one the system chose — so a newcomer who runs on another port
 * gets links that open.
 */
@Component
public class PublicAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile int port;

    public PublicAddress(AppProperties app, @Value("${server.port:8080}") int port) {
        this.configured = app.publicUrl() == null || app.publicUrl().isBlank() ? null
                : app.publicUrl().replaceAll("/+$", "");
        this.port = port;
    }

    /** Without a trailing slash: {@code https://lessons.example.org}, {@code http://localhost:8080}. */
    public String base() {
        return configured != null ? configured : "http://localhost:" + port;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server, when on a port of its own, is not where people go
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }
}
