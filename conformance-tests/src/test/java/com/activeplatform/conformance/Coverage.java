package com.activeplatform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * Counts the operations a suite exercised successfully, prints "N of N operations" and fails
 * when any operation of the spec was left out.
 */
final class Coverage {

  private final String suite;
  private final Set<String> passed = new ConcurrentSkipListSet<>();

  Coverage(String suite) {
    this.suite = suite;
  }

  void passed(String operationId) {
    passed.add(operationId);
  }

  void report() {
    Set<String> all = SpecOperations.all().stream().map(SpecOperations.SpecOperation::id)
        .collect(Collectors.toCollection(TreeSet::new));
    System.out.printf("%s: %d of %d operations%n", suite, passed.size(), all.size());
    Set<String> missing = new TreeSet<>(all);
    missing.removeAll(passed);
    assertThat(missing).as(suite + ": operations not exercised successfully").isEmpty();
  }
}
