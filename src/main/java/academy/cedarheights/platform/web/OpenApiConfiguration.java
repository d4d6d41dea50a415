package academy.cedarheights.platform.web;

import java.util.Arrays;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document at {@code /v3/api-docs}, with schemas spelled in snake_case as the API speaks. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // a controller's CurrentSchool and Caller come from the request's headers and token, not from parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentSchool.class, Caller.class);
        // PATCH bodies are JSON merge patches: any subset of the resource's request fields
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema()
                .description("JSON merge patch (RFC 7396): the fields to change; null clears an optional field"));
    }

    /** Every API operation may name its school; documenting the header once keeps controllers plain. */
    @Bean
    OperationCustomizer schoolHeader() {
        return (operation, handlerMethod) -> {
            boolean actsForSchool = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CurrentSchool.class);
            if (actsForSchool) {
                operation.addParametersItem(new HeaderParameter().name("X-School").required(false)
                        .description("the school's slug; defaults to the signed-in user's school, the host, "
                                + "or the deployment's default school")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    @Bean
    OpenAPI cedarHeightsOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Cedar Heights API")
                .version("v1")
                .description("Discovery, booking, billing and lessons for independent music schools."));
    }

    /** springdoc reads schemas with its own (Jackson 2) mapper, which ignores Spring's naming strategy. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
