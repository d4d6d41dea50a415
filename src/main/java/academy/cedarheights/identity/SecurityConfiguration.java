package academy.cedarheights.identity;

import java.util.List;

import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.web.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two chains. The API is stateless and every protected route needs our backend token: {@code /admin/**} admins,
 * {@code /teacher/**} teachers, {@code /parent/**} parents; public discovery, sign-in, webhooks,
 * documentation and health are open. Refusals answer problem+json (401 no or bad token, 403 wrong role).
 * The pages ({@link #pageSecurity}) follow the same roles with a cookie and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' https://checkout.stripe.com";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems, JwtDecoder backendTokenDecoder)
            throws Exception {
        return http
                .securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**",
                        "/billing/simulated-checkout/**")
                // the API is token-authenticated; the simulated checkout's capability is the session id in its path
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/billing/simulated-checkout/**"))
                .cors(cors -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/auth/me", "/api/v1/auth/sign-out-everywhere",
                                "/api/v1/auth/verification-email").authenticated()
                        .requestMatchers("/api/v1/auth/**", "/api/v1/public/**", "/api/v1/webhooks/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.claim())
                        .requestMatchers("/api/v1/teacher/**").hasRole(Role.TEACHER.claim())
                        .requestMatchers("/api/v1/parent/**").hasRole(Role.PARENT.claim())
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/billing/simulated-checkout/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(backendTokensOnly())
                        .jwt(jwt -> jwt.decoder(backendTokenDecoder).jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .build();
    }

    /**
     * The pages: signed in by the session cookie, forms protected by a CSRF token (a cookie plus a form field or
     * htmx header), role paths as in the API. A visitor who must sign in is sent to the sign-in page and back; a
     * signed-in person without the role gets the friendly 403 page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, JwtDecoder backendTokenDecoder) throws Exception {
        AuthenticationEntryPoint signIn = PageSignInEntryPoint::redirect;
        return http
                // an email's one-click unsubscribe is posted by the mail client itself: its signed token is its proof
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers("/unsubscribe/**", "/s/*/unsubscribe/**"))
                .addFilterAfter(new CsrfTokenEagerLoading(), CsrfFilter.class)
                // no HTTP session at all; and no session-fixation strategy, which would take every request signed
                // in by the cookie for a fresh sign-in and rotate the CSRF token under the page's forms
                .sessionManagement(session -> session.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.claim())
                        .requestMatchers("/teacher/**").hasRole(Role.TEACHER.claim())
                        .requestMatchers("/parent/**", "/book/**").hasRole(Role.PARENT.claim())
                        .requestMatchers("/account/**", "/receipts/**").authenticated()
                        .anyRequest().permitAll())
                .addFilterBefore(new SessionCookieAuthentication(backendTokenDecoder, rolesFromClaim()),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn)
                        .accessDeniedHandler(PageAccessDenied::handle))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    /**
     * Spring Security observes each of its filters, authentications and authorizations when an observation
     * registry exists: a wrapper around every filter of every request, for spans nobody collects here (the request
     * metrics time the whole request). Switching the observations off in properties still leaves the wrappers.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer headerCharacterRules() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    /**
     * Exchange and refresh carry a Supabase token (or one to renew) that is theirs to check, not the filter's; the
     * metrics endpoint's bearer token is the scraper's, checked by its own filter.
     */
    private static BearerTokenResolver backendTokensOnly() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            String path = request.getRequestURI();
            return path.equals("/api/v1/auth/exchange") || path.equals("/api/v1/auth/refresh")
                    || path.equals("/actuator/prometheus") ? null : standard.resolve(request);
        };
    }

    /** The token's {@code role} claim becomes the authority {@code ROLE_<role>}. */
    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("role");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * Browser origins from {@code CORS_ALLOWED_ORIGINS}; unset, none — except with the embedded demo
     * database, where local front-end development servers are let in.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors, DatabaseProperties database) {
        CorsConfiguration configuration = new CorsConfiguration();
        if (!cors.allowedOrigins().isEmpty()) {
            configuration.setAllowedOrigins(cors.allowedOrigins().stream().map(String::trim).toList());
        } else if (database.embedded()) {
            configuration.setAllowedOriginPatterns(List.of("http://localhost:[*]", "http://127.0.0.1:[*]"));
        }
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-School", "X-Request-Id",
                "Idempotency-Key"));
        configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        configuration.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }
}
