package academy.cedarheights.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param allowedOrigins {@code CORS_ALLOWED_ORIGINS}: comma-separated browser origins allowed to call the API */
@ConfigurationProperties("cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
