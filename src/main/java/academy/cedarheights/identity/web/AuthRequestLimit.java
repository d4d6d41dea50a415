package academy.cedarheights.identity.web;

import academy.cedarheights.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts every request to {@code /auth/**} against its client address before it reaches a controller.
 * The address is the connection's, or the proxy's forwarded one when {@code server.forward-headers-strategy}
 * says proxies are trusted — never a header a client could set freely.
 */
@Configuration(proxyBeanMethods = false)
class AuthRequestLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final SignIn signIn;

    AuthRequestLimit(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/auth/**", "/sign-in", "/sign-in/supabase", "/sign-up",
                "/forgot-password", "/reset-password");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        signIn.countRequestFrom(request.getRemoteAddr());
        return true;
    }
}
