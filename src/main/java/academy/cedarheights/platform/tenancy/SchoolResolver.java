package academy.cedarheights.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;

/** Decides which school a request acts for; throws a not-found problem when the named school does not exist. */
public interface SchoolResolver {

    CurrentSchool resolve(HttpServletRequest request);
}
