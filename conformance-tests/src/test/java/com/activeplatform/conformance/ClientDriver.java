package com.activeplatform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.activeplatform.client.ActivePlatformClient;
import com.activeplatform.client.JsonSupport;
import com.activeplatform.conformance.SpecOperations.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Param;
import feign.QueryMap;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Calls any operation of the spec through the generated client, with the spec's examples as
 * arguments, and checks that the answer decodes into the method's typed model. Nothing here is
 * written per operation: the method is found by operationId, its arguments by parameter name.
 */
final class ClientDriver {

  private static final String API_PACKAGE = "com.activeplatform.client.api";

  private final ActivePlatformClient client;
  private final boolean answersAreExamples;
  private final ObjectMapper mapper = JsonSupport.newMapper();

  /**
   * @param client the client to call through
   * @param answersAreExamples whether the server answers the documented examples (Prism's mock),
   *     so a list must have the example's length; a stateful server lists what it stores
   */
  ClientDriver(ActivePlatformClient client, boolean answersAreExamples) {
    this.client = client;
    this.answersAreExamples = answersAreExamples;
  }

  /**
   * Calls the operation and checks the decoded answer against the spec's success example.
   *
   * @return the decoded answer (null for an operation without a body)
   */
  Object callAndCheck(SpecOperation op) throws Throwable {
    Method method = findMethod(op.id());
    Object api = client.api(method.getDeclaringClass());
    Object[] args = arguments(op, method);
    Object result;
    try {
      result = method.invoke(api, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    checkDecoded(op, method, result);
    return result;
  }

  /** The positional (non query-map) method named after the operationId, on any generated API. */
  static Method findMethod(String operationId) {
    return Arrays.stream(ActivePlatformClient.class.getMethods())
        .map(Method::getReturnType)
        .filter(type -> type.isInterface() && type.getPackageName().equals(API_PACKAGE))
        .distinct()
        .flatMap(api -> Arrays.stream(api.getMethods()))
        .filter(m -> m.getName().equals(operationId))
        .filter(m -> Arrays.stream(m.getParameters()).noneMatch(p -> p.isAnnotationPresent(QueryMap.class)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("The generated client has no method " + operationId));
  }

  private Object[] arguments(SpecOperation op, Method method) {
    Map<String, Object> values = new HashMap<>();
    for (Parameter p : op.parameters()) {
      values.put(comparable(p.getName()), op.parameterExample(p));
    }
    Optional<Map.Entry<String, Object>> body = op.requestExample();
    if (body.isPresent() && body.get().getKey().equals("application/x-www-form-urlencoded")
        && body.get().getValue() instanceof Map<?, ?> form) {
      form.forEach((name, value) -> values.put(comparable(String.valueOf(name)), value));
    }
    java.lang.reflect.Parameter[] params = method.getParameters();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      Param named = params[i].getAnnotation(Param.class);
      Object example;
      if (named != null) {
        example = values.get(comparable(named.value()));
      } else {
        example = body.map(Map.Entry::getValue)
            .orElseThrow(() -> new AssertionError(op + " has a body argument but no request example"));
      }
      args[i] = example == null ? null : mapper.convertValue(example, mapper.constructType(params[i].getParameterizedType()));
    }
    return args;
  }

  private void checkDecoded(SpecOperation op, Method method, Object result) {
    if (method.getReturnType() == void.class) {
      return;
    }
    assertThat(result).as(op + " decoded answer").isNotNull().isInstanceOf(method.getReturnType());
    Object example = successExample(op);
    JsonNode expected = mapper.valueToTree(example);
    JsonNode decoded = mapper.valueToTree(result);
    if (expected.isObject()) {
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!expected.get(name).isNull()) { // the client leaves nulls out when it writes a model back
          assertThat(decoded.has(name)).as(op + ": decoded answer keeps member " + name).isTrue();
        }
      }
    } else if (expected.isArray() && answersAreExamples) {
      assertThat(decoded.size()).as(op + ": decoded list size").isEqualTo(expected.size());
    }
  }

  private static Object successExample(SpecOperation op) {
    return op.operation().getResponses().entrySet().stream()
        .filter(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null)
        .map(e -> e.getValue().getContent().values().iterator().next())
        .map(MediaType.class::cast)
        .flatMap(media -> SpecOperations.examples(media).values().stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError(op + " documents no success example"));
  }

  /**
   * A spec name and the generator's Java name for it compare equal in this form: page[size] and
   * pageSize both become "pagesize", account_id and accountId both "accountid".
   */
  private static String comparable(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
