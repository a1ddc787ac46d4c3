package com.activeplatform.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks every list operation's {@code x-paging} against the operation and adds what tools need
 * to page through it, derived from the spec so nobody writes it twice:
 * {@code x-paging-page-param} and {@code x-paging-size-param} (the query parameters that select a
 * page), {@code x-paging-items} (the schema of one listed item) and {@code x-paging-links}
 * (whether the answer carries JSON:API paging links).
 *
 * <ul>
 *   <li>{@code page-number-size}: {@code page[number]} and {@code page[size]} (API v3);
 *   <li>{@code page-per-page}: {@code page} and {@code per_page} (API v1, and a few v3 methods).
 * </ul>
 * The answer is either a bare array of one schema or a document whose {@code data} is one.
 */
final class PagingExtensions {

  static final String PAGING = "x-paging";
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String RESPONSES = "#/components/responses/";

  private PagingExtensions() {}

  /** Adds the derived extensions; returns the problems found. */
  static List<String> derive(OpenAPI api) {
    List<String> problems = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      Object style = op.getExtensions() == null ? null : op.getExtensions().get(PAGING);
      if (style != null) {
        String where = op.getOperationId() + " (" + method + " " + path + ")";
        derive(api, op, String.valueOf(style)).ifPresent(problem -> problems.add(where + ": " + problem));
      }
    }));
    return problems;
  }

  private static Optional<String> derive(OpenAPI api, Operation op, String style) {
    String pageParam;
    String sizeParam;
    switch (style) {
      case "page-number-size" -> {
        pageParam = "page[number]";
        sizeParam = "page[size]";
      }
      case "page-per-page" -> {
        pageParam = "page";
        sizeParam = "per_page";
      }
      default -> {
        return Optional.of("x-paging must be page-number-size or page-per-page, not " + style);
      }
    }
    List<String> queryNames = Optional.ofNullable(op.getParameters()).orElse(List.of()).stream()
        .filter(p -> "query".equals(p.getIn())).map(Parameter::getName).toList();
    if (!queryNames.contains(pageParam) || !queryNames.contains(sizeParam)) {
      return Optional.of(style + " paging needs the query parameters " + pageParam + " and " + sizeParam);
    }
    Schema<?> answer = answerSchema(api, op);
    Schema<?> document = component(api, answer);
    Map<String, Schema> properties = document == null || document.getProperties() == null ? Map.of() : document.getProperties();
    Schema<?> list = properties.containsKey("data") ? properties.get("data") : answer;
    if (list == null || list.getItems() == null || list.getItems().get$ref() == null) {
      return Optional.of("the 200 answer must be an array of a component schema, or a document whose data is one");
    }
    op.addExtension("x-paging-page-param", pageParam);
    op.addExtension("x-paging-size-param", sizeParam);
    op.addExtension("x-paging-items", list.getItems().get$ref().substring(SCHEMAS.length()));
    op.addExtension("x-paging-links", properties.containsKey("links"));
    return Optional.empty();
  }

  private static Schema<?> answerSchema(OpenAPI api, Operation op) {
    ApiResponse ok = op.getResponses() == null ? null : op.getResponses().get("200");
    if (ok != null && ok.get$ref() != null) {
      ok = api.getComponents().getResponses().get(ok.get$ref().substring(RESPONSES.length()));
    }
    if (ok == null || ok.getContent() == null || ok.getContent().isEmpty()) {
      return null;
    }
    return ok.getContent().values().stream().map(MediaType::getSchema).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static Schema<?> component(OpenAPI api, Schema<?> schema) {
    if (schema == null || schema.get$ref() == null) {
      return schema;
    }
    return api.getComponents().getSchemas().get(schema.get$ref().substring(SCHEMAS.length()));
  }
}
