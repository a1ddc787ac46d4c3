package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The JAX-RS application of the sandbox: the generated resources, the filters and the error mapping. */
public final class SandboxApplication extends ResourceConfig {

  private final int operationCount;

  /**
   * @param spec the spec to serve
   * @param options how to serve it
   */
  public SandboxApplication(ApiSpec spec, SandboxOptions options) {
    ObjectMapper mapper = newMapper();
    RequestValidation validation = new RequestValidation(spec.openApi(), mapper);
    SandboxEngine engine = new SandboxEngine(spec, mapper, options, new InMemoryResourceStore(), validation.schemas());
    List<Class<?>> resources = SandboxResources.classes();
    this.operationCount = checkCoverage(spec, resources);
    register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(spec).to(ApiSpec.class);
        bind(engine).to(SandboxEngine.class);
      }
    });
    registerClasses(Set.copyOf(resources));
    register(DocsResource.class);
    register(ControlResource.class);
    register(new AccessLog());
    register(new RequestBodyFilter());
    register(new TokenFilter(spec, options.tokens()));
    register(new ValidationFilter(spec, validation));
    register(new ErrorMapper(spec));
    register(new JavaTimeParamConverters());
    register(JacksonFeature.withoutExceptionMappers());
    register((ContextResolver<ObjectMapper>) type -> mapper);
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // everything is registered explicitly: no classpath scanning at start-up
    property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    property(ServerProperties.BV_FEATURE_DISABLE, true);
    property(ServerProperties.RESOURCE_VALIDATION_DISABLE, true); // checkCoverage already matched methods to the spec
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
  }

  /** @return the number of operations served */
  public int operationCount() {
    return operationCount;
  }

  /** JSON mapping of bodies: java.time types, unknown fields accepted (the schemas are open). */
  static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** Every generated resource method must be an operation of the spec, and the other way round. */
  private static int checkCoverage(ApiSpec spec, List<Class<?>> resources) {
    Set<String> methods = new TreeSet<>();
    for (Class<?> resource : resources) {
      for (Class<?> api : resource.getInterfaces()) {
        Arrays.stream(api.getDeclaredMethods()).map(Method::getName).forEach(methods::add);
      }
    }
    Set<String> operations = new TreeSet<>(spec.operations().keySet());
    if (!methods.equals(operations)) {
      throw new IllegalStateException("Generated resources " + methods + " do not match the spec's operations " + operations);
    }
    return operations.size();
  }
}
