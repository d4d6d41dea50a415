package academy.cedarheights.identity;

import java.io.IOException;

import academy.cedarheights.identity.web.SessionCookie;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a page request in from the session cookie. Deliberately not Spring's bearer-token resource server: that
 * exempts every request carrying its token from CSRF protection, which is right for an Authorization header and
 * wrong for a cookie the browser attaches by itself. A cookie that no longer verifies (expired, tampered) is
 * dropped and the request goes on as a visitor's, so public pages keep working.
 */
final class SessionCookieAuthentication extends OncePerRequestFilter {

    private final JwtDecoder decoder;
    private final Converter<Jwt, AbstractAuthenticationToken> authentication;

    SessionCookieAuthentication(JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> authentication) {
        this.decoder = decoder;
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = SessionCookie.token(request);
        if (token != null) {
            try {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication.convert(decoder.decode(token)));
                SecurityContextHolder.setContext(context);
            } catch (JwtException refused) {
                SessionCookie.clear(request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /** The error page of a page request knows who is signed in, as the page itself did. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
