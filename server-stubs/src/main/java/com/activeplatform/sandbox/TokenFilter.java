package com.activeplatform.sandbox;

import com.activeplatform.sandbox.ApiSpec.SpecOperation;
import com.activeplatform.sandbox.ApiSpec.TokenLocation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Set;

/**
 * Checks the token of each request where the spec's security for its operation says: the
 * {@code api_token} query parameter (v1, v2) or the {@code X-Api-Token} header (v3). A missing or
 * unknown token gets 401 in the API generation's error format.
 */
@Priority(Priorities.AUTHENTICATION)
final class TokenFilter implements ContainerRequestFilter {

  private final ApiSpec spec;
  private final Set<String> acceptedTokens;

  @Context
  private ResourceInfo resource;

  /**
   * @param spec where the operations' security is read
   * @param acceptedTokens the tokens accepted; empty accepts any non-blank token
   */
  TokenFilter(ApiSpec spec, Set<String> acceptedTokens) {
    this.spec = spec;
    this.acceptedTokens = Set.copyOf(acceptedTokens);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource == null || resource.getResourceMethod() == null) {
      return;
    }
    SpecOperation operation = spec.operation(resource.getResourceMethod().getName()).orElse(null);
    if (operation == null || operation.tokens().isEmpty()) {
      return;
    }
    List<TokenLocation> locations = operation.tokens();
    boolean sent = locations.stream().anyMatch(location -> !isBlank(token(request, location)));
    if (!sent && operation.anonymous()) {
      return;
    }
    if (locations.stream().noneMatch(location -> accepted(token(request, location)))) {
      TokenLocation expected = locations.get(0);
      request.abortWith(ApiErrors.response(request,
          expected.header() ? ApiErrors.Kind.UNAUTHORIZED_HEADER : ApiErrors.Kind.UNAUTHORIZED_QUERY, expected.name()));
    }
  }

  private boolean accepted(String token) {
    return !isBlank(token) && (acceptedTokens.isEmpty() || acceptedTokens.contains(token));
  }

  private static boolean isBlank(String token) {
    return token == null || token.isBlank();
  }

  private static String token(ContainerRequestContext request, TokenLocation location) {
    return location.header()
        ? request.getHeaderString(location.name())
        : request.getUriInfo().getQueryParameters().getFirst(location.name());
  }
}
