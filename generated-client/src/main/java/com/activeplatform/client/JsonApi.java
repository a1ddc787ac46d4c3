package com.activeplatform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers for JSON:API compound documents: resolve a resource's {@code relationships} against the
 * document's {@code included} members, as models.
 *
 * <pre>{@code
 * InvoiceDocument doc = client.invoicesV3().getInvoice(1L, 2046L, List.of("charges"));
 * JsonApi.Included included = JsonApi.included(doc.getIncluded());
 * List<Charge> charges = included.resolve(doc.getData().getRelationships().getCharges(), Charge.class);
 * }</pre>
 */
public final class JsonApi {

  private static final ObjectMapper MAPPER = JsonSupport.newMapper();

  private JsonApi() {}

  /**
   * @param included the {@code included} member of a document (null when the document has none)
   * @return an index of the included resources by type and ID
   */
  public static Included included(Collection<?> included) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    if (included != null) {
      for (Object resource : included) {
        JsonNode node = MAPPER.valueToTree(resource);
        byKey.put(key(node.path("type").asText(), node.path("id").asText()), node);
      }
    }
    return new Included(byKey);
  }

  /**
   * @param relationship any relationship object of a resource (to-one or to-many)
   * @return the identifiers it points to, in order; empty when its data is null or absent
   */
  public static List<Identifier> identifiers(Object relationship) {
    List<Identifier> identifiers = new ArrayList<>();
    if (relationship == null) {
      return identifiers;
    }
    JsonNode data = MAPPER.valueToTree(relationship).path("data");
    if (data.isArray()) {
      data.forEach(d -> identifiers.add(new Identifier(d.path("type").asText(), d.path("id").asText())));
    } else if (data.isObject()) {
      identifiers.add(new Identifier(data.path("type").asText(), data.path("id").asText()));
    }
    return identifiers;
  }

  private static String key(String type, String id) {
    return type + "\u0000" + id;
  }

  /**
   * The type and ID of a related resource.
   *
   * @param type its JSON:API type, e.g. {@code charges}
   * @param id its ID
   */
  public record Identifier(String type, String id) {}

  /** The included resources of one document, by type and ID. */
  public static final class Included {
    private final Map<String, JsonNode> byKey;

    private Included(Map<String, JsonNode> byKey) {
      this.byKey = byKey;
    }

    /** @return how many resources were included */
    public int size() {
      return byKey.size();
    }

    /**
     * @param type a resource type
     * @param id a resource ID
     * @param model the model class to read it as
     * @param <T> the model type
     * @return the included resource, if the document carries it
     */
    public <T> Optional<T> find(String type, String id, Class<T> model) {
      return Optional.ofNullable(byKey.get(key(type, id))).map(node -> MAPPER.convertValue(node, model));
    }

    /**
     * The included resources a relationship points to, read as one model class. Identifiers
     * whose resource was not included are skipped.
     *
     * @param relationship a relationship of a resource of the document
     * @param model the model class of the related resources
     * @param <T> the model type
     * @return the related resources, in the relationship's order
     */
    public <T> List<T> resolve(Object relationship, Class<T> model) {
      List<T> related = new ArrayList<>();
      for (Identifier id : identifiers(relationship)) {
        find(id.type(), id.id(), model).ifPresent(related::add);
      }
      return related;
    }

    /**
     * The included resources a relationship points to, each read as the model the spec defines
     * for its type (a generic {@code JsonApiResource} for a type the spec does not model).
     *
     * @param relationship a relationship of a resource of the document
     * @return the related resources, in the relationship's order
     */
    public List<Object> resolve(Object relationship) {
      List<Object> related = new ArrayList<>();
      for (Identifier id : identifiers(relationship)) {
        Class<?> model = ResourceTypes.modelOf(id.type())
            .orElse(com.activeplatform.client.model.JsonApiResource.class);
        find(id.type(), id.id(), model).ifPresent(related::add);
      }
      return related;
    }
  }
}
