package com.activeplatform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.activeplatform.conformance.SpecOperations.SpecOperation;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Suite 1: the spec itself. Every operation has an operationId, summary, description, tag,
 * explicit security and a vendor guide link, and every example it documents (responses, request
 * bodies, parameters) validates against its schema with swagger-request-validator.
 */
@DisplayName("Spec")
class SpecConformanceTest {

  private static final Coverage COVERAGE = new Coverage("Spec");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static OpenApiInteractionValidator validator;
  private static OpenApiInteractionValidator parametersOnly;
  private static SchemaValidator schemas;

  @BeforeAll
  static void createValidators() {
    String spec = SpecOperations.specFile().toUri().toString();
    validator = OpenApiInteractionValidator.createForSpecificationUrl(spec).build();
    parametersOnly = OpenApiInteractionValidator.createForSpecificationUrl(spec)
        .withLevelResolver(LevelResolver.create().withLevel("validation.request.body", ValidationReport.Level.IGNORE).build())
        .build();
    schemas = new SchemaValidator(SpecOperations.api(), new MessageResolver());
  }

  @AfterAll
  static void report() {
    COVERAGE.report();
  }

  @TestFactory
  Stream<DynamicTest> everyOperation() {
    return SpecOperations.all().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
      checkDocumentation(op);
      checkResponseExamples(op);
      checkRequestExample(op);
      COVERAGE.passed(op.id());
    }));
  }

  private static void checkDocumentation(SpecOperation op) {
    var operation = op.operation();
    assertThat(op.id()).as("operationId of " + op).isNotBlank().matches("[a-z][A-Za-z0-9]*");
    assertThat(operation.getSummary()).as("summary of " + op).isNotBlank();
    assertThat(operation.getDescription()).as("description of " + op).isNotBlank();
    Set<String> declaredTags = SpecOperations.api().getTags().stream().map(t -> t.getName()).collect(Collectors.toSet());
    assertThat(operation.getTags()).as("tags of " + op).isNotEmpty().allMatch(declaredTags::contains);
    assertThat(operation.getSecurity()).as("explicit security (or explicit none) of " + op).isNotNull();
    Set<String> schemes = SpecOperations.api().getComponents().getSecuritySchemes().keySet();
    operation.getSecurity().forEach(requirement -> assertThat(schemes).containsAll(requirement.keySet()));
    assertThat(operation.getExternalDocs()).as("vendor guide link of " + op).isNotNull();
    assertThat(operation.getExternalDocs().getUrl()).startsWith("https://docs.activeplatform.com/");
  }

  private static void checkResponseExamples(SpecOperation op) throws JsonProcessingException {
    int examples = 0;
    for (Map.Entry<String, ApiResponse> entry : op.operation().getResponses().entrySet()) {
      ApiResponse response = entry.getValue();
      if (response.getContent() == null) {
        continue;
      }
      for (Map.Entry<String, MediaType> content : response.getContent().entrySet()) {
        Map<String, Object> named = SpecOperations.examples(content.getValue());
        assertThat(named).as(op + " response " + entry.getKey() + " has an example").isNotEmpty();
        for (Map.Entry<String, Object> example : named.entrySet()) {
          SimpleResponse simulated = SimpleResponse.Builder.status(Integer.parseInt(entry.getKey()))
              .withContentType(content.getKey())
              .withBody(JSON.writeValueAsString(example.getValue()))
              .build();
          ValidationReport report = validator.validateResponse(op.examplePath(), Request.Method.valueOf(op.method().name()), simulated);
          assertValid(report, op + " response " + entry.getKey() + " example '" + example.getKey() + "'");
          examples++;
        }
      }
    }
    assertThat(examples).as(op + " documents at least one response example").isPositive();
  }

  /** The request built from the examples of every parameter and of the body must be valid. */
  private static void checkRequestExample(SpecOperation op) throws JsonProcessingException {
    SimpleRequest.Builder request = new SimpleRequest.Builder(op.method().name(), op.examplePath());
    for (Parameter p : op.parameters()) {
      Object example = op.parameterExample(p);
      assertThat(example).as(op + " parameter " + p.getName() + " has an example").isNotNull();
      if ("query".equals(p.getIn())) {
        request.withQueryParam(p.getName(), serialize(example));
      } else if ("header".equals(p.getIn())) {
        request.withHeader(p.getName(), serialize(example));
      }
    }
    for (var requirement : op.operation().getSecurity()) {
      for (String name : requirement.keySet()) {
        SecurityScheme scheme = SpecOperations.api().getComponents().getSecuritySchemes().get(name);
        if (scheme.getIn() == SecurityScheme.In.HEADER) {
          request.withHeader(scheme.getName(), "example-token");
        } else {
          request.withQueryParam(scheme.getName(), "example-token");
        }
      }
    }
    var body = op.requestExample();
    if (op.operation().getRequestBody() != null && Boolean.TRUE.equals(op.operation().getRequestBody().getRequired())) {
      assertThat(body).as(op + " has a request body example").isPresent();
    }
    if (body.isPresent() && body.get().getKey().equals(FORM)) {
      // the validator guesses form value types from their text ("1" becomes a number), so a
      // form body is checked as the typed object it stands for, against its schema
      JsonNode fields = JSON.valueToTree(body.get().getValue());
      var schema = op.operation().getRequestBody().getContent().get(FORM).getSchema();
      assertValid(schemas.validate(() -> fields, schema, "request.body"), op + " form body example");
      request.withContentType(FORM);
      assertValid(parametersOnly.validateRequest(request.build()), op + " request built from the examples");
      return;
    }
    if (body.isPresent()) {
      request.withContentType(body.get().getKey());
      request.withBody(JSON.writeValueAsString(body.get().getValue()));
    }
    assertValid(validator.validateRequest(request.build()), op + " request built from the examples");
  }

  private static String serialize(Object example) {
    return example instanceof Collection<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
        : String.valueOf(example);
  }

  private static void assertValid(ValidationReport report, String what) {
    assertThat(report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList())
        .as(what + " is valid")
        .isEmpty();
  }
}
