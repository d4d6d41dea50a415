package academy.cedarheights.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links are written as they are. Spring Boot adds {@link ResourceUrlEncodingFilter} whenever a webjars locator is on
 * the class path, to rewrite links to static files into versioned ones; it matched every {@code @{…}} link of every
 * page against the static paths' patterns — a tenth of a signed-in page's CPU, to put htmx's version into one URL.
 * The unversioned {@code /webjars/htmx.org/dist/htmx.min.js} is resolved when it is requested. Registered here
 * switched off, Boot's own is not added.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
