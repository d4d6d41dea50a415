package academy.cedarheights.platform.security;

import java.util.List;
import java.util.Optional;

import academy.cedarheights.platform.web.Unauthenticated;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands controllers the signed-in {@link Caller}, read from the backend token that the security filter
 * chain has already verified.
 */
@Configuration(proxyBeanMethods = false)
public class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current().orElseThrow(() -> new NotSignedIn());
    }

    /** The caller of the request this thread serves, if it carries a valid backend token. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        var jwt = token.getToken();
        return Optional.of(new Caller(jwt.getSubject(), jwt.getClaimAsString("email"),
                Role.fromClaim(jwt.getClaimAsString("role")), jwt.getClaimAsString("school"),
                Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"))));
    }

    static final class NotSignedIn extends Unauthenticated {
        NotSignedIn() {
            super("A valid bearer token is required.");
        }
    }
}
