package org.exchangehub.ops;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see what over HTTP: health and info are open (monitoring probes; details only for users), the
 * exchange log and metrics need an operations user, the Hawtio console and Jolokia need an operator. Users
 * come from {@code hub.ops.users}; without any, a web start fails with a message saying what to set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpsSecurityConfiguration {

    @Bean
    UserDetailsService opsUserDetails(OpsProperties properties, @Value("${hub.demo.enabled:false}") boolean demo) {
        OpsUsers users = OpsUsers.from(properties, demo).requireSome("the console and the exchange log");
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (OpsProperties.User user : users.all()) {
            manager.createUser(User.withUsername(user.name()).password(user.password().reveal())
                    .roles(user.roles().stream().map(String::toLowerCase).toArray(String[]::new)).build());
        }
        return manager;
    }

    @Bean
    SecurityFilterChain opsSecurity(HttpSecurity http) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // the console reads the token from the cookie on every request
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        // viewers read MBeans over Jolokia (GET read/list/search/version); exec, write and every
                        // POST (a bulk request can carry them) stay the operator's, as do the console's own calls
                        .requestMatchers(OpsSecurityConfiguration::isJolokiaRead)
                        .hasAnyRole(OpsUsers.OPERATOR, OpsUsers.VIEWER)
                        .requestMatchers("/actuator/hawtio/**", "/actuator/jolokia/**").hasRole(OpsUsers.OPERATOR)
                        .requestMatchers("/actuator/**", "/ops/**").hasAnyRole(OpsUsers.OPERATOR, OpsUsers.VIEWER)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    private static final java.util.regex.Pattern JOLOKIA_READ =
            java.util.regex.Pattern.compile("/actuator/jolokia(/(version|read|list|search)(/.*)?)?/?");

    /**
     * A Jolokia request that can only read: a GET whose path is read, list, search or version, without the
     * {@code p} parameter (with which Jolokia takes its operation from the query instead of the path).
     */
    static boolean isJolokiaRead(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HttpMethod.GET.matches(request.getMethod()) && request.getParameter("p") == null
                && JOLOKIA_READ.matcher(path).matches() && !path.contains(";");
    }

    /** Makes the deferred CSRF token load, so that its cookie is set for the console's scripts. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
