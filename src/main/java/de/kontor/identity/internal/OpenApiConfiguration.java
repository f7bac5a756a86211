package de.kontor.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is and how to authenticate (it lives here because auth does). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    static final String SESSION = "sessionCookie";

    @Bean
    OpenAPI kontorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kontor API").version("v1")
                        .description("""
                                Everything the Kontor UI can do. Authenticate with a personal access token \
                                (`Authorization: Bearer kontor_…`, created under Settings → API tokens or \
                                `POST /api/v1/tokens`); scopes: `read` for GET, `write` for changes, `admin` for \
                                `/api/v1/admin/**`. A signed-in browser session (cookie `SESSION`) works as well, \
                                but then every change needs the CSRF token in the `X-CSRF-TOKEN` header. Errors \
                                are RFC 9457 problem details."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("personal access token")
                                .description("Personal access token with scopes read, write, admin"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("SESSION")
                                .description("Browser session; changes also need the X-CSRF-TOKEN header")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }
}
