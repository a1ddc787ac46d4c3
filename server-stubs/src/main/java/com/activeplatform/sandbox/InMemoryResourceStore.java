package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The default {@link ResourceStore}: one ordered map per kind, each guarded by its own lock, which
 * is held only to read or store a version (never while one is built). New IDs continue after the
 * highest numeric ID stored of that kind.
 */
public final class InMemoryResourceStore implements ResourceStore {

  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  @Override
  public Optional<ObjectNode> get(String kind, String id) {
    Kind k = kinds.get(kind);
    if (k == null) {
      return Optional.empty();
    }
    synchronized (k) {
      return Optional.ofNullable(k.resources.get(id));
    }
  }

  @Override
  public List<ObjectNode> list(String kind) {
    Kind k = kinds.get(kind);
    if (k == null) {
      return List.of();
    }
    synchronized (k) {
      return new ArrayList<>(k.resources.values());
    }
  }

  @Override
  public ObjectNode create(String kind, Function<String, ObjectNode> build) {
    Kind k = kinds.computeIfAbsent(kind, name -> new Kind());
    String id = Long.toString(k.nextId.incrementAndGet());
    ObjectNode stored = build.apply(id); // outside the lock: building (and validating) is the slow part
    synchronized (k) {
      k.resources.put(id, stored);
    }
    return stored;
  }

  @Override
  public Optional<ObjectNode> update(String kind, String id, UnaryOperator<ObjectNode> change) {
    Kind k = kinds.get(kind);
    if (k == null) {
      return Optional.empty();
    }
    while (true) {
      ObjectNode current;
      synchronized (k) {
        current = k.resources.get(id);
      }
      if (current == null) {
        return Optional.empty();
      }
      // changed outside the lock, then stored only if nobody stored another version meanwhile
      ObjectNode changed = change.apply(current.deepCopy());
      synchronized (k) {
        if (k.resources.get(id) == current) {
          k.resources.put(id, changed);
          return Optional.of(changed);
        }
      }
    }
  }

  @Override
  public boolean delete(String kind, String id) {
    Kind k = kinds.get(kind);
    if (k == null) {
      return false;
    }
    synchronized (k) {
      return k.resources.remove(id) != null;
    }
  }

  @Override
  public synchronized void reset(List<Seed> seed) {
    Map<String, Kind> fresh = new LinkedHashMap<>();
    for (Seed s : seed) {
      Kind k = fresh.computeIfAbsent(s.kind(), name -> new Kind());
      k.resources.put(s.id(), s.resource().deepCopy());
      parseLong(s.id()).ifPresent(n -> k.nextId.accumulateAndGet(n, Math::max));
    }
    kinds.clear();
    kinds.putAll(fresh);
  }

  private static Optional<Long> parseLong(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static final class Kind {
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
  }
}
