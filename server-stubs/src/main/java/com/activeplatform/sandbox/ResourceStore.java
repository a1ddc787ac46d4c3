package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Where the stateful sandbox keeps the resources partners create and change, by kind (the schema
 * of the resource, e.g. {@code Subscription} or {@code AccountV1}) and ID. Implementations must be
 * safe for concurrent use; stored nodes are never modified in place.
 */
public interface ResourceStore {

  /** @return the resource, if stored */
  Optional<ObjectNode> get(String kind, String id);

  /** @return every resource of a kind, in the order they were first stored */
  List<ObjectNode> list(String kind);

  /** Stores the resource {@code build} makes for a new ID chosen by the store, and returns it. */
  ObjectNode create(String kind, Function<String, ObjectNode> build);

  /** Replaces a stored resource atomically; returns the new version, or empty when it is not stored. */
  Optional<ObjectNode> update(String kind, String id, UnaryOperator<ObjectNode> change);

  /** @return whether the resource was stored (and is now removed) */
  boolean delete(String kind, String id);

  /** Drops everything and stores the given resources (by kind) instead. */
  void reset(List<Seed> seed);

  /**
   * A resource to start from.
   *
   * @param kind its kind
   * @param id its ID
   * @param resource the stored representation
   */
  record Seed(String kind, String id, ObjectNode resource) {}
}
