package com.activeplatform.sandbox;

import com.activeplatform.sandbox.ApiSpec.SpecOperation;
import com.activeplatform.sandbox.ApiSpec.SpecResponse;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stateful sandbox: create, read, update, delete and list operations work on stored
 * resources, so a partner can create an object, read it back, change it and find it in lists.
 *
 * <p>What each operation does is read from the spec, not written per operation. The kind of an
 * operation is the resource schema its answer carries (a JSON:API document's {@code data}, or a v1
 * object or array); its role follows from its method and path:
 * <ul>
 *   <li>list: GET with {@code x-paging}: stored resources, filtered by {@code filter[...]} /
 *       {@code filters[...]} equality and paged with the documented paging parameters;
 *   <li>get: GET on a path ending in an ID: the stored resource, or 404;
 *   <li>create: POST answering 201 on a path that does not end in an ID: a new resource, built
 *       from the documented example (so it has the documented shape) with the request's
 *       attributes, a new ID and fresh timestamps;
 *   <li>update: PATCH or PUT on a path ending in an ID: the request's attributes merged in;
 *   <li>delete: DELETE on a path ending in an ID: removed;
 *   <li>action: an operation on or below an object whose spec states, in {@code x-sandbox-sets},
 *       the attribute values it leaves (stop, cancel, complete...): 404 when the object is not
 *       stored; 422 when the object's attributes are not among those {@code x-sandbox-requires}
 *       allows (answered with the documented example {@code x-sandbox-refusal} names, if any);
 *       else those values and then the request's attributes are set, and the changed object is
 *       the answer where the operation answers with one, else its documented answer.
 * </ul>
 * Everything else answers its documented example. The store starts from the resources of the
 * documented examples: a get operation's example is stored under the ID its example request
 * names, so the documented request finds the documented answer. {@link #reset()} restores them.
 */
final class StatefulResponder {

  private static final String SCHEMAS = "#/components/schemas/";
  private static final Pattern ENDS_WITH_ID = Pattern.compile("^(.*)/\\{([^}/]+)}(\\.json)?$");
  private static final Pattern BELOW_OBJECT = Pattern.compile("^(.*/\\{([^}/]+)}(\\.json)?)/[^{}]+$");
  private static final Pattern FILTER = Pattern.compile("^filters?\\[([A-Za-z0-9_]+)]$");

  enum Role { LIST, GET, CREATE, UPDATE, DELETE, ACTION }

  /**
   * What the sandbox does for one operation.
   *
   * @param role the role
   * @param kind the resource schema name
   * @param jsonApi whether resources travel in JSON:API documents (v3) rather than bare (v1)
   * @param idParameter the path parameter that names the object (get, update, delete, action)
   * @param template the documented example of one resource of this kind (for create: its own example)
   * @param action what an action does, or null
   * @param answersObject whether the operation answers with the object it acts on (update, action)
   */
  record Behaviour(Role role, String kind, boolean jsonApi, String idParameter, ObjectNode template, Action action,
      boolean answersObject) {}

  /**
   * What a state operation does.
   *
   * @param sets attribute values it leaves ({@code x-sandbox-sets})
   * @param requires the values each attribute must have beforehand ({@code x-sandbox-requires})
   * @param refusal the documented 422 example that answers when they do not ({@code x-sandbox-refusal}), or null
   */
  record Action(ObjectNode sets, Map<String, List<String>> requires, String refusal) {}

  /** The documented answers of an operation. */
  interface Documented {
    /** @return its documented success answer */
    Response success();

    /** @return the documented example of that name and status */
    Response example(int status, String name);
  }

  /** Thrown inside a store update to leave the object unchanged. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }

  private final OpenAPI api;
  private final ObjectMapper mapper;
  private final ResourceStore store;
  private final SchemaValidator schemas;
  private final Map<String, Behaviour> behaviours = new HashMap<>();
  private final Map<String, ObjectNode> templates = new HashMap<>();
  private final List<ResourceStore.Seed> seed = new ArrayList<>();

  StatefulResponder(ApiSpec spec, ObjectMapper mapper, ResourceStore store, SchemaValidator schemas) {
    this.api = spec.openApi();
    this.mapper = mapper;
    this.store = store;
    this.schemas = schemas;
    classify(spec);
    reset();
  }

  /** Restores the resources of the documented examples. */
  void reset() {
    store.reset(seed);
  }

  /** @return the behaviour of an operation, if it is stateful */
  Optional<Behaviour> behaviour(String operationId) {
    return Optional.ofNullable(behaviours.get(operationId));
  }

  /**
   * @param op the operation
   * @param request the request, with its raw body in {@link RequestBodies}
   * @param documented the documented answers, for roles that answer them
   * @return the answer
   */
  Response respond(SpecOperation op, ContainerRequestContext request, Documented documented) {
    Behaviour b = behaviours.get(op.operationId());
    int status = op.success().status();
    String id = b.idParameter() == null ? null : request.getUriInfo().getPathParameters().getFirst(b.idParameter());
    return switch (b.role()) {
      case LIST -> ok(status, op, list(b, request));
      case GET -> store.get(b.kind(), id).map(r -> ok(status, op, wrap(b, r))).orElseGet(() -> notFound(request, id));
      case CREATE -> ok(status, op, wrap(b, store.create(b.kind(), newId -> create(b, newId, RequestBodies.fields(request, mapper)))));
      case UPDATE -> store.update(b.kind(), id, current -> merge(b, current, RequestBodies.fields(request, mapper)))
          .map(r -> answer(b, op, r, documented))
          .orElseGet(() -> notFound(request, id));
      case DELETE -> store.delete(b.kind(), id) ? documented.success() : notFound(request, id);
      case ACTION -> act(b, op, request, id, documented);
    };
  }

  private Response act(Behaviour b, SpecOperation op, ContainerRequestContext request, String id, Documented documented) {
    Action action = b.action();
    ObjectNode fields = RequestBodies.fields(request, mapper);
    try {
      return store.update(b.kind(), id, current -> {
            if (!allows(b, action, current)) {
              throw new Refused();
            }
            return merge(b, apply(b, current, action.sets()), fields);
          })
          .map(r -> answer(b, op, r, documented))
          .orElseGet(() -> notFound(request, id));
    } catch (Refused refused) {
      return action.refusal() != null ? documented.example(422, action.refusal())
          : ApiErrors.response(request, ApiErrors.Kind.INVALID_STATE, id, describe(action.requires()));
    }
  }

  private static boolean allows(Behaviour b, Action action, ObjectNode resource) {
    JsonNode fields = b.jsonApi() ? resource.path("attributes") : resource;
    return action.requires().entrySet().stream()
        .allMatch(required -> required.getValue().contains(fields.path(required.getKey()).asText()));
  }

  private static String describe(Map<String, List<String>> requires) {
    return requires.entrySet().stream().map(r -> r.getKey() + " " + String.join(" | ", r.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** An update's answer: the changed object where the operation answers with one of its kind, else the documented answer. */
  private Response answer(Behaviour b, SpecOperation op, ObjectNode changed, Documented documented) {
    return b.answersObject() ? ok(op.success().status(), op, wrap(b, changed)) : documented.success();
  }

  private Response ok(int status, SpecOperation op, JsonNode body) {
    return Response.status(status).type(op.success().mediaType()).entity(SandboxEngine.serialize(mapper, body)).build();
  }

  private static Response notFound(ContainerRequestContext request, String id) {
    return ApiErrors.response(request, ApiErrors.Kind.OBJECT_NOT_FOUND, id);
  }

  // ---- building answers ----

  private JsonNode wrap(Behaviour b, ObjectNode resource) {
    return b.jsonApi() ? mapper.createObjectNode().set("data", resource) : resource;
  }

  private JsonNode list(Behaviour b, ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    Map<String, List<String>> filters = filters(query);
    List<ObjectNode> matching = store.list(b.kind()).stream().filter(r -> matches(b, r, filters)).toList();
    PageRequest paging = b.jsonApi() ? PageRequest.read(query, "page[number]", "page[size]", 50)
        : PageRequest.read(query, "page", "per_page", Integer.MAX_VALUE);
    List<ObjectNode> page = paging.slice(matching);
    if (!b.jsonApi()) {
      return mapper.createArrayNode().addAll(page);
    }
    ObjectNode document = mapper.createObjectNode();
    ArrayNode data = document.putArray("data");
    page.forEach(data::add);
    document.set("links", paging.links(mapper, request.getUriInfo().getRequestUri(), matching.size()));
    return document;
  }

  /** The {@code filter[name]} (v3) and {@code filters[name]} (v1) parameters: name to accepted values. */
  private static Map<String, List<String>> filters(MultivaluedMap<String, String> query) {
    Map<String, List<String>> filters = new HashMap<>();
    query.forEach((name, values) -> {
      Matcher filter = FILTER.matcher(name);
      if (filter.matches()) {
        filters.put(filter.group(1), values.stream().flatMap(v -> Stream.of(v.split(","))).toList());
      }
    });
    return filters;
  }

  private static boolean matches(Behaviour b, ObjectNode resource, Map<String, List<String>> filters) {
    JsonNode fields = b.jsonApi() ? resource.path("attributes") : resource;
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      JsonNode value = filter.getKey().equals("id") ? resource.path("id") : fields.path(filter.getKey());
      if (value.isMissingNode() || value.isContainerNode()) {
        continue; // a filter on something the sandbox does not model (dates ranges, ...) keeps everything
      }
      if (!filter.getValue().contains(value.asText())) {
        return false;
      }
    }
    return true;
  }

  private ObjectNode create(Behaviour b, String id, ObjectNode fields) {
    ObjectNode resource = b.template().deepCopy();
    if (b.jsonApi()) {
      resource.put("id", id);
      ObjectNode attributes = resource.with("attributes");
      String now = now();
      stamp(attributes, "created_at", now);
      stamp(attributes, "updated_at", now);
    } else {
      resource.put("id", Long.parseLong(id));
    }
    return apply(b, resource, fields);
  }

  private ObjectNode merge(Behaviour b, ObjectNode current, ObjectNode fields) {
    ObjectNode changed = apply(b, current, fields);
    if (b.jsonApi()) {
      stamp(changed.with("attributes"), "updated_at", now());
    }
    return changed;
  }

  /**
   * Sets each field on the resource: where its schema has a property of that name, or, failing
   * that, on an object property one level down that has it (a request's {@code autorenew} lands
   * in {@code renewal_settings.autorenew}). Fields the schema does not know are dropped.
   */
  private ObjectNode apply(Behaviour b, ObjectNode resource, ObjectNode fields) {
    ObjectNode target = b.jsonApi() ? resource.with("attributes") : resource;
    Schema<?> schema = fieldsSchema(b.kind(), b.jsonApi());
    Map<String, Schema> properties = properties(schema);
    fields.fields().forEachRemaining(field -> {
      if (properties.containsKey(field.getKey())) {
        setIfValid(target, field.getKey(), field.getValue(), properties.get(field.getKey()));
        return;
      }
      properties.entrySet().stream()
          .filter(p -> properties(resolve(p.getValue())).containsKey(field.getKey()))
          .findFirst()
          .ifPresent(p -> setIfValid(target.with(p.getKey()), field.getKey(), field.getValue(),
              properties(resolve(p.getValue())).get(field.getKey())));
    });
    return resource;
  }

  /** Sets a field only when its value fits the resource's schema (request and answer shapes can differ). */
  private void setIfValid(ObjectNode target, String name, JsonNode value, Schema<?> schema) {
    JsonNode typed = coerce(value, resolve(schema));
    if (!schemas.validate(() -> typed, schema, "sandbox").hasErrors()) {
      target.set(name, typed);
    }
  }

  /**
   * Gives a request value the type the resource's schema says: form fields arrive as text, and
   * some JSON attributes are sent as numbers but answered as strings (amounts).
   */
  private JsonNode coerce(JsonNode value, Schema<?> schema) {
    if (schema == null || schema.getType() == null) {
      return value;
    }
    if ("string".equals(schema.getType()) && value.isValueNode() && !value.isNull()) {
      return mapper.getNodeFactory().textNode(value.asText());
    }
    if (!value.isTextual()) {
      return value;
    }
    String text = value.asText();
    try {
      return switch (schema.getType()) {
        case "integer" -> mapper.getNodeFactory().numberNode(Long.parseLong(text));
        case "number" -> mapper.getNodeFactory().numberNode(new java.math.BigDecimal(text));
        case "boolean" -> mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
        default -> value;
      };
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static void stamp(ObjectNode attributes, String name, String value) {
    if (attributes.has(name)) {
      attributes.put(name, value);
    }
  }

  private static String now() {
    return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  // ---- reading the spec ----

  private void classify(ApiSpec spec) {
    Map<String, SpecOperation> getsByPath = new HashMap<>();
    spec.operations().values().stream().filter(op -> op.method().equals("GET")).forEach(op -> getsByPath.put(op.path(), op));
    Map<String, Map<String, ObjectNode>> seeds = new LinkedHashMap<>();
    // get operations first: the object a documented request names is the one its documented answer shows
    spec.operations().values().stream().sorted(Comparator.comparing(op -> requestedId(op).isEmpty()))
        .forEach(op -> shape(op).ifPresent(shape -> collectSeeds(shape, op, seeds, requestedId(op))));
    spec.operations().values().forEach(op ->
        classify(op, shape(op), getsByPath).ifPresent(b -> behaviours.put(op.operationId(), b)));
    seeds.forEach((kind, byId) -> byId.forEach((id, resource) -> seed.add(new ResourceStore.Seed(kind, id, resource))));
  }

  private Optional<Behaviour> classify(SpecOperation op, Optional<Shape> shape, Map<String, SpecOperation> getsByPath) {
    Matcher item = ENDS_WITH_ID.matcher(op.path());
    Matcher below = BELOW_OBJECT.matcher(op.path());
    String method = op.method();
    Action action = action(op);
    if (shape.isPresent() && shape.get().list()) {
      return method.equals("GET") ? Optional.of(behaviour(Role.LIST, op, shape.get(), null, null)) : Optional.empty();
    }
    if (method.equals("POST") && !item.matches() && shape.isPresent() && op.success().status() == 201) {
      return Optional.of(behaviour(Role.CREATE, op, shape.get(), null, null));
    }
    if (action != null && !method.equals("GET")) {
      Matcher object = item.matches() ? item : below;
      String objectPath = item.matches() ? op.path() : below.matches() ? below.group(1) : "";
      Shape target = object(objectPath, getsByPath).or(() -> object(objectPath + ".json", getsByPath)).orElseThrow(() ->
          new IllegalStateException(op.operationId() + " has x-sandbox-sets, but no get operation reads its object"));
      return Optional.of(behaviour(Role.ACTION, op, target, object.group(2), action));
    }
    if (item.matches()) {
      Optional<Shape> target = shape.or(() -> object(op.path(), getsByPath));
      Role role = switch (method) {
        case "GET" -> Role.GET;
        case "PATCH", "PUT" -> Role.UPDATE;
        case "DELETE" -> Role.DELETE;
        default -> null;
      };
      if (role != null && target.isPresent() && !target.get().list()) {
        return Optional.of(behaviour(role, op, target.get(), item.group(2), null));
      }
    }
    return Optional.empty();
  }

  /** The shape of the object a get operation on that path reads. */
  private Optional<Shape> object(String path, Map<String, SpecOperation> getsByPath) {
    return Optional.ofNullable(getsByPath.get(path)).flatMap(this::shape).filter(s -> !s.list());
  }

  private Behaviour behaviour(Role role, SpecOperation op, Shape target, String idParameter, Action action) {
    ObjectNode template = role == Role.CREATE ? ownExample(op, target).orElse(templates.get(target.kind())) : templates.get(target.kind());
    boolean answersObject = shape(op).filter(s -> s.kind().equals(target.kind()) && !s.list()).isPresent();
    return new Behaviour(role, target.kind(), target.jsonApi(), idParameter, template, action, answersObject);
  }

  /** The resource of the operation's first success example, so a created object looks like the documented creation. */
  private Optional<ObjectNode> ownExample(SpecOperation op, Shape shape) {
    return op.success().examples().values().stream().findFirst()
        .map(example -> (JsonNode) mapper.valueToTree(example))
        .map(body -> shape.jsonApi() ? body.path("data") : body)
        .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
  }

  @SuppressWarnings("unchecked")
  private Action action(SpecOperation op) {
    Optional<Object> sets = op.extension("x-sandbox-sets");
    if (sets.isEmpty()) {
      return null;
    }
    Map<String, List<String>> requires = new LinkedHashMap<>();
    op.extension("x-sandbox-requires").ifPresent(r -> ((Map<String, List<?>>) r).forEach((name, values) ->
        requires.put(name, values.stream().map(String::valueOf).toList())));
    String refusal = op.extension("x-sandbox-refusal").map(String::valueOf).orElse(null);
    SpecResponse unprocessable = op.responses().get(422);
    if (!requires.isEmpty() && unprocessable == null) {
      throw new IllegalStateException(op.operationId() + " has x-sandbox-requires but documents no 422 answer");
    }
    if (refusal != null && !unprocessable.examples().containsKey(refusal)) {
      throw new IllegalStateException(op.operationId() + ": x-sandbox-refusal names no documented 422 example " + refusal);
    }
    return new Action((ObjectNode) mapper.valueToTree(sets.get()), requires, refusal);
  }

  /** For a get operation: the example value of the path parameter that names the object. */
  private Optional<String> requestedId(SpecOperation op) {
    Matcher item = ENDS_WITH_ID.matcher(op.path());
    if (!op.method().equals("GET") || !item.matches() || op.model().getParameters() == null) {
      return Optional.empty();
    }
    return op.model().getParameters().stream() // references were resolved when the spec was read
        .filter(p -> "path".equals(p.getIn()) && item.group(2).equals(p.getName()) && p.getExample() != null)
        .map(p -> String.valueOf(p.getExample()))
        .findFirst();
  }

  /** The documented resources of an operation's success examples become seeds and templates. */
  private void collectSeeds(Shape shape, SpecOperation op, Map<String, Map<String, ObjectNode>> seeds,
      Optional<String> requestedId) {
    SpecResponse success = op.success();
    for (Object example : success.examples().values()) {
      JsonNode body = mapper.valueToTree(example);
      JsonNode resources = shape.jsonApi() ? body.path("data") : body;
      List<JsonNode> each = new ArrayList<>();
      if (resources.isArray()) {
        resources.forEach(each::add);
      } else {
        each.add(resources);
      }
      for (JsonNode resource : each) {
        if (resource instanceof ObjectNode object && object.hasNonNull("id")) {
          templates.putIfAbsent(shape.kind(), object);
          ObjectNode seeded = object;
          if (requestedId.isPresent() && !shape.list() && !requestedId.get().equals(object.get("id").asText())) {
            seeded = object.deepCopy();
            seeded.set("id", object.get("id").isNumber()
                ? mapper.getNodeFactory().numberNode(Long.parseLong(requestedId.get()))
                : mapper.getNodeFactory().textNode(requestedId.get()));
          }
          seeds.computeIfAbsent(shape.kind(), k -> new LinkedHashMap<>()).putIfAbsent(seeded.get("id").asText(), seeded);
        }
      }
    }
  }

  /**
   * @param kind the resource schema
   * @param list whether the answer lists resources
   * @param jsonApi whether it is a JSON:API document
   */
  private record Shape(String kind, boolean list, boolean jsonApi) {}

  private Optional<Shape> shape(SpecOperation op) {
    SpecResponse success = op.success();
    if (success.mediaType() == null) {
      return Optional.empty();
    }
    Schema<?> schema = success.schema();
    if (schema == null) {
      return Optional.empty();
    }
    Schema<?> document = resolve(schema);
    Schema<?> data = document == null ? null : properties(document).get("data");
    if (data != null) {
      if (data.get$ref() != null) {
        return Optional.of(new Shape(name(data.get$ref()), false, true));
      }
      if (data.getItems() != null && data.getItems().get$ref() != null) {
        return Optional.of(new Shape(name(data.getItems().get$ref()), true, true));
      }
      return Optional.empty();
    }
    if (schema.get$ref() != null) {
      return Optional.of(new Shape(name(schema.get$ref()), false, false));
    }
    if (schema.getItems() != null && schema.getItems().get$ref() != null) {
      return Optional.of(new Shape(name(schema.getItems().get$ref()), true, false));
    }
    return Optional.empty();
  }

  private Schema<?> fieldsSchema(String kind, boolean jsonApi) {
    Schema<?> resource = api.getComponents().getSchemas().get(kind);
    return jsonApi ? resolve(properties(resource).get("attributes")) : resource;
  }

  private Schema<?> resolve(Schema<?> schema) {
    return ApiSpec.dereference(api, schema);
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> properties(Schema<?> schema) {
    return schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
  }

  private static String name(String ref) {
    return ref.substring(SCHEMAS.length());
  }
}
