package com.activeplatform.client;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Feign's invocation handler, except that a failure surfaces as the
 * {@link ActivePlatformException} behind it: Feign wraps whatever a decoder throws in its own
 * DecodeException.
 */
final class UnwrappingInvocationHandlerFactory implements InvocationHandlerFactory {

  private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler handler = delegate.create(target, dispatch);
    return (proxy, method, args) -> {
      try {
        return handler.invoke(proxy, method, args);
      } catch (FeignException e) {
        if (e.getCause() instanceof ActivePlatformException api) {
          throw api;
        }
        throw e;
      }
    };
  }
}
