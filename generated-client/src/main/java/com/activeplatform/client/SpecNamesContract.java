package com.activeplatform.client;

import feign.Contract;
import feign.MethodMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Feign's default contract, plus one repair: the generator renames a path variable to its Java
 * parameter name only when the variable is a whole path segment ({@code /{reseller_id}/} becomes
 * {@code /{resellerId}/}), not when it shares the segment with text, as in ActivePlatform's v1
 * paths ({@code /accounts/{account_id}.json}). Such a variable is bound here to the parameter
 * whose generated name it corresponds to (and that parameter is no longer taken for a form field).
 */
final class SpecNamesContract implements Contract {

  private final Contract delegate = new Contract.Default();

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
    methods.forEach(SpecNamesContract::bindUnmatchedVariables);
    return methods;
  }

  private static void bindUnmatchedVariables(MethodMetadata method) {
    Map<Integer, Collection<String>> names = method.indexToName();
    for (String variable : method.template().variables()) {
      boolean bound = names.values().stream().anyMatch(n -> n.contains(variable));
      if (!bound) {
        String javaName = javaName(variable);
        names.values().stream().filter(n -> n.contains(javaName)).findFirst().ifPresent(n -> {
          n.add(variable);
          method.formParams().remove(javaName);
        });
      }
    }
  }

  /** The generator's naming of a spec name: account_id becomes accountId. */
  static String javaName(String specName) {
    StringBuilder name = new StringBuilder();
    for (String part : specName.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(name.length() == 0 ? part.substring(0, 1).toLowerCase() : part.substring(0, 1).toUpperCase())
            .append(part.substring(1));
      }
    }
    return name.toString();
  }
}
