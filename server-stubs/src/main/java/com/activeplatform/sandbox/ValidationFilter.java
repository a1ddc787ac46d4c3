package com.activeplatform.sandbox;

import com.activeplatform.sandbox.ErrorFormat.Problem;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects requests that break the spec before any operation answers them: 400 for parameters
 * (missing, malformed, unknown) and bodies that are missing or not expected, 422 for body fields
 * (missing, wrong type, format or value), with a JSON Pointer or parameter name per error, in the
 * request's locale.
 */
@Priority(Priorities.USER)
final class ValidationFilter implements ContainerRequestFilter {

  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
  private static final Pattern MISSING_PROPERTIES = Pattern.compile("\\(\\[(.*)]\\)");

  private final ApiSpec spec;
  private final RequestValidation validation;

  @Context
  private ResourceInfo resource;

  ValidationFilter(ApiSpec spec, RequestValidation validation) {
    this.spec = spec;
    this.validation = validation;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource == null || resource.getResourceMethod() == null) {
      return;
    }
    Optional<ApiSpec.SpecOperation> operation = spec.operation(resource.getResourceMethod().getName());
    if (operation.isEmpty()) {
      return;
    }
    List<ValidationReport.Message> errors = validation.validate(request, operation.get());
    if (errors.isEmpty()) {
      return;
    }
    Set<Problem> problems = new LinkedHashSet<>();
    errors.forEach(error -> problems.addAll(toProblems(request, error)));
    int status = problems.stream().allMatch(p -> p.status() == 422) ? 422 : 400;
    request.abortWith(ApiErrors.response(request, status, new ArrayList<>(problems)));
  }

  private static List<Problem> toProblems(ContainerRequestContext request, ValidationReport.Message error) {
    String key = error.getKey();
    String parameter = error.getContext().flatMap(ValidationReport.MessageContext::getParameter)
        .map(io.swagger.v3.oas.models.parameters.Parameter::getName)
        .orElseGet(() -> firstQuoted(error.getMessage()));
    String pointer = error.getContext().flatMap(ValidationReport.MessageContext::getPointers)
        .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
    if (key.startsWith("validation.request.parameter")) {
      ApiErrors.Kind kind = key.endsWith(".unexpected") ? ApiErrors.Kind.UNKNOWN_PARAMETER
          : key.endsWith(".missing") ? ApiErrors.Kind.MISSING_PARAMETER : ApiErrors.Kind.INVALID_PARAMETER;
      return List.of(ApiErrors.problem(request, kind, null, parameter, parameter));
    }
    if (key.equals("validation.request.body.missing")) {
      return List.of(ApiErrors.problem(request, ApiErrors.Kind.MISSING_BODY, null, null));
    }
    if (key.equals("validation.request.body.unexpected")) {
      return List.of(ApiErrors.problem(request, ApiErrors.Kind.UNEXPECTED_BODY, null, null));
    }
    if (key.equals("validation.request.body.schema.required")) {
      List<Problem> problems = new ArrayList<>();
      Matcher names = MISSING_PROPERTIES.matcher(error.getMessage());
      if (names.find()) {
        for (String name : names.group(1).split(",")) {
          String field = pointer + "/" + name.replace("\"", "").strip();
          problems.add(ApiErrors.problem(request, ApiErrors.Kind.MISSING_FIELD, field, null, field));
        }
      }
      return problems.isEmpty() ? List.of(ApiErrors.problem(request, ApiErrors.Kind.MISSING_FIELD, pointer, null, pointer))
          : problems;
    }
    if (key.startsWith("validation.request.body.schema.invalidJson")) {
      return List.of(ApiErrors.problem(request, ApiErrors.Kind.BAD_REQUEST, null, null, "JSON"));
    }
    if (key.startsWith("validation.request.body")) {
      String field = pointer.isEmpty() ? "/" : pointer;
      return List.of(ApiErrors.problem(request, ApiErrors.Kind.INVALID_FIELD, field, null, field));
    }
    return List.of(ApiErrors.problem(request, ApiErrors.Kind.INVALID_REQUEST, null, null));
  }

  private static String firstQuoted(String message) {
    Matcher quoted = QUOTED.matcher(message);
    return quoted.find() ? quoted.group(1) : "?";
  }
}
