package academy.cedarheights.platform.tenancy;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands controllers the {@link CurrentSchool}, resolved once per request, and makes it the
 * {@link TenantContext} of the rest of the request.
 */
@Configuration(proxyBeanMethods = false)
class CurrentSchoolArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final String ATTRIBUTE = CurrentSchool.class.getName();
    private final SchoolResolver resolver;

    CurrentSchoolArgumentResolver(SchoolResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentSchool.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof CurrentSchool school) {
            return school;
        }
        CurrentSchool school = resolver.resolve(request);
        request.setAttribute(ATTRIBUTE, school);
        // from here on, the request's transactions see this school's rows only
        TenantContext.set(school.id());
        return school;
    }
}
