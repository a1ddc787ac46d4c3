package com.activeplatform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryResourceStoreTest {

  private final InMemoryResourceStore store = new InMemoryResourceStore();

  @Test
  void concurrentUpdatesOfOneResourceAreNeverLost() throws Exception {
    ObjectNode counter = JsonNodeFactory.instance.objectNode().put("count", 0);
    store.reset(List.of(new ResourceStore.Seed("Counter", "1", counter)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < 500; i++) {
          store.update("Counter", "1", c -> c.put("count", c.get("count").asInt() + 1));
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(store.get("Counter", "1").orElseThrow().get("count").asInt()).isEqualTo(4000);
  }

  @Test
  void newIdsFollowTheHighestSeededOne() {
    store.reset(List.of(new ResourceStore.Seed("Account", "710", JsonNodeFactory.instance.objectNode())));
    ObjectNode created = store.create("Account", id -> JsonNodeFactory.instance.objectNode().put("id", id));
    assertThat(created.get("id").asText()).isEqualTo("711");
    assertThat(store.list("Account")).hasSize(2);
    assertThat(store.update("Account", "999", c -> c)).isEmpty();
  }
}
