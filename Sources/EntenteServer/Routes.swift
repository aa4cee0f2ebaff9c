/// Every route the server answers, with what `/openapi.json` says of it.
///
/// The API registers its handlers from this table, and a test checks that the OpenAPI
/// document and the router agree with it.
struct Route: Sendable {
  /// `GET` or `POST`.
  var method: String
  /// The path, parameters in braces (`/v1/documents/{id}`).
  var path: String
  /// One line on what it does.
  var summary: String
  /// Its query parameters: name and description.
  var query: [(String, String)] = []
  /// Whether it is part of the JSON API (and so in the OpenAPI document).
  var api = true
  /// Whether it needs the bearer token.
  var writes = false
  /// What the request body may be, by media type, if it takes one.
  var bodies: [String] = []
  /// What it answers with, by status: status, description and media type.
  var responses: [(Int, String, String)] = [(200, "OK", "application/json")]
}

enum Routes {
  /// The filters of `entente query events`, as query parameters.
  static let filters: [(String, String)] = [
    ("actor", "An actor code prefix, as source or target (`RUS` matches `RUSGOV`)."),
    ("source", "A source actor code prefix."),
    ("target", "A target actor code prefix."),
    ("country", "A country (ISO 3166 alpha-3) of the source, the target or the event's place."),
    ("near", "Only events located near this point: `LAT,LON` in degrees (`50.45,30.52`)."),
    ("km", "The distance for `near`, in kilometres; 50 by default."),
    ("code", "A CAMEO code prefix: a root (`05`) or a code (`057`)."),
    ("plover", "A PLOVER event type (`AGREE`)."),
    ("mode", "Modes, comma-separated, or `all`; `asserted` by default."),
    ("from", "The first day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."),
    ("to", "The last day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."),
    ("text", "Words the evidence or the document's title contains."),
  ]

  /// The paging of aggregates.
  static let paging: [(String, String)] = [
    ("pageSize", "Rows per page, at most (and by default) 1,000."),
    ("cursor", "The `nextCursor` of the page before."),
  ]

  static let errors: [(Int, String, String)] = [
    (400, "A parameter or the body is not valid; the message says which.", "application/json"),
    (
      503,
      "Busy: the requests of this kind that may run and wait are all taken, or this one was not answered within the time limit. `Retry-After` says when to try again.",
      "application/json"
    ),
  ]

  /// The answer to a body that ends before its announced length.
  static let incomplete = [
    (408, "The body ended before its end (the client stopped sending).", "application/json")
  ]

  static let code = Route(
    method: "POST", path: "/v1/code",
    summary:
      "Codes text, or JSON Lines or a JSON array of records, as `entente code` does; stores nothing.",
    bodies: ["text/plain", "application/x-ndjson", "application/json"],
    responses: [(200, "The `entente code` JSON: an array of documents.", "application/json")]
      + errors + incomplete + [(413, "The body is over the server's limit.", "application/json")])
  static let documentsPost = Route(
    method: "POST", path: "/v1/documents",
    summary:
      "Codes and stores documents (a JSON array or JSON Lines of records), skipping those stored with the same content, as `entente ingest` does.",
    writes: true, bodies: ["application/x-ndjson", "application/json"],
    responses: [(200, "What was stored, and each record rejected.", "application/json")] + errors
      + incomplete + [
        (401, "No bearer token, or a wrong one.", "application/json"),
        (403, "The server was started without a token and only reads.", "application/json"),
        (413, "The body is over the server's limit.", "application/json"),
      ])
  static let events = Route(
    method: "GET", path: "/v1/events",
    summary: "Stored events matching the filters, in the order they were stored, a page at a time.",
    query: filters + [
      ("limit", "Events per page, 100 by default."),
      ("cursor", "The `nextCursor` of the page before."),
      (
        "oneADay",
        "`true`: the Phoenix one-a-day groups (day, source, target, code) with their mentions, sources and articles, paged by `pageSize` and `cursor`."
      ),
      ("pageSize", "With `oneADay`, groups per page, at most (and by default) 1,000."),
    ],
    responses: [(200, "A page of events and the cursor of the next.", "application/json")] + errors)
  static let dyads = Route(
    method: "GET", path: "/v1/dyads",
    summary:
      "Events between two actors, either way, per period: counts by quad class, Goldstein total and mean, balance.",
    query: [
      ("a", "The first actor code prefix (required)."),
      ("b", "The second actor code prefix (required)."),
      ("period", "`day`, `week`, `month` (default) or `year`."),
    ] + filters.filter { !["actor", "source", "target"].contains($0.0) } + paging,
    responses: [(200, "One row per period.", "application/json")] + errors)
  static let actors = Route(
    method: "GET", path: "/v1/actors",
    summary: "The most active actors, as source or target, over everything or per period.",
    query: filters + [
      ("period", "`day`, `week`, `month` or `year`; none by default."),
      ("limit", "Actors per period, 20 by default."),
    ] + paging, responses: [(200, "One row per actor and period.", "application/json")] + errors)
  static let places = Route(
    method: "GET", path: "/v1/places",
    summary:
      "Where the events happened: one row per place, with its events, their counts by quad class, mean Goldstein score, first and last day; most events first.",
    query: filters + [("limit", "Places, at most; 1,000 by default.")] + paging,
    responses: [(200, "One row per place.", "application/json")] + errors)
  static let document = Route(
    method: "GET", path: "/v1/documents/{id}",
    summary:
      "A stored document as entente.document/1, byte for byte what `entente code --format jsonl` writes for it.",
    query: [("text", "`true` to include the document's text.")],
    responses: [
      (200, "The document.", "application/json"),
      (404, "No document has this id.", "application/json"),
    ])
  static let health = Route(
    method: "GET", path: "/healthz", summary: "Whether the server and its store answer.",
    responses: [
      (200, "`ok`, and the store's counts.", "application/json"),
      (503, "The store does not answer (within 5 s).", "application/json"),
    ])
  static let metrics = Route(
    method: "GET", path: "/metrics",
    summary: "Prometheus counters: requests, latencies, documents coded and stored.",
    responses: [(200, "Prometheus text format 0.0.4.", "text/plain")])
  static let openAPI = Route(
    method: "GET", path: "/openapi.json", summary: "This document.",
    responses: [(200, "OpenAPI 3.0.", "application/json")])

  /// The JSON API's routes.
  static let api = [
    code, documentsPost, events, dyads, actors, places, document, health, metrics, openAPI,
  ]

  /// The dashboard's pages.
  static let pages = [
    Route(method: "GET", path: "/", summary: "Read an article: paste or upload text.", api: false),
    Route(method: "POST", path: "/read", summary: "The article read, highlighted.", api: false),
    Route(method: "GET", path: "/events", summary: "The stored events, filtered.", api: false),
    Route(method: "GET", path: "/relations", summary: "The network of countries.", api: false),
    Route(method: "GET", path: "/dyad", summary: "Two actors over time.", api: false),
    Route(method: "GET", path: "/map", summary: "The stored events by place.", api: false),
    Route(
      method: "GET", path: "/documents/{id}", summary: "A stored document, highlighted.",
      api: false),
    Route(method: "GET", path: "/assets/{name}", summary: "CSS and JavaScript.", api: false),
  ]

  /// Every route.
  static let all = api + pages
}
