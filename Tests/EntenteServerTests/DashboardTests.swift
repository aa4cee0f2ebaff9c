import EntenteIO
import EntenteStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EntenteServer

@Suite("Dashboard")
struct DashboardTests {
  @Test("every page renders, with its policy; the reading page marks what it found")
  func pages() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store).test(.router) { client in
      for uri in [
        "/", "/events", "/relations", "/dyad", "/dyad?a=RUS&b=UKR", "/documents/doc-0", "/map",
      ] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .ok, "\(uri)")
          #expect(response.headers[.contentType] == "text/html; charset=utf-8")
          #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
          #expect(text(response).contains("<nav>"))
        }
      }
      let form =
        "text=" + "Russia criticized Ukraine on Monday. \"We will not yield,\" Putin said."
        .addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&date=2024-06-03"
      try await client.execute(
        uri: "/read", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
      ) { response in
        let page = text(response)
        #expect(response.status == .ok)
        #expect(page.contains("seg mention mention-country"))
        #expect(page.contains(#"data-events="0""#))
        #expect(page.contains(#"<span class="code">110</span>"#))
        #expect(page.contains("Disapprove"))
        #expect(page.contains("<h2>Quotes"))
      }
      try await client.execute(
        uri: "/read", method: .post, body: ByteBuffer(string: "text=+++")
      ) { response in
        #expect(response.status == .badRequest)
        #expect(text(response).contains("no text"))
      }
    }
  }

  @Test("markup in a document or a request is shown as text, never run")
  func escaping() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(uri: "/documents/hostile", method: .get) { response in
        let page = text(response)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
        // A javascript: URL is not made a link.
        #expect(!page.contains("javascript:"))
      }
      let form = "text=%3Cscript%3Ealert(2)%3C%2Fscript%3E+Russia+praised+China."
      try await client.execute(uri: "/read", method: .post, body: ByteBuffer(string: form)) {
        response in
        let page = text(response)
        #expect(!page.contains("<script>alert(2)"))
        #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
      }
      try await client.execute(uri: "/events?text=%3Cscript%3E&actor=%22%3E%3Cb%3E", method: .get) {
        response in
        let page = text(response)
        #expect(!page.contains("<script>") || page.components(separatedBy: "<script").count == 2)
        #expect(page.contains("value=\"&quot;&gt;&lt;b&gt;\""))
      }
      try await client.execute(uri: "/documents/%3Cscript%3E", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(!text(response).contains("<script>"))
      }
    }
  }

  @Test("events, relations and dyad pages show the stored events")
  func stored() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(uri: "/events?actor=RUS", method: .get) { response in
        let page = text(response)
        #expect(page.contains("<table class=\"sortable events-table\">"))
        #expect(page.contains("Disapprove"))
        #expect(page.contains("href=\"/documents/doc-0\""))
        #expect(!page.contains("<td>CHN</td>") && !page.contains("<td>IRN</td>"))
      }
      try await client.execute(uri: "/relations", method: .get) { response in
        let page = text(response)
        #expect(page.contains("<svg class=\"network\""))
        #expect(page.contains("href=\"/dyad?a=RUS&amp;b=UKR\""))
        #expect(page.contains(">RUS</text>") && page.contains(">UKR</text>"))
      }
      try await client.execute(uri: "/dyad?a=RUS&b=UKR&period=day", method: .get) { response in
        let page = text(response)
        #expect(page.contains("<svg class=\"timeline\""))
        #expect(page.contains("class=\"bar quad-3\""))
        #expect(page.contains("<h2>Their events"))
        #expect(page.contains("Disapprove"))
      }
      try await client.execute(uri: "/dyad?a=RUS&b=UKR&period=decade", method: .get) { response in
        #expect(response.status == .badRequest)
      }
      try await client.execute(uri: "/assets/dashboard.js", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(text(response).contains("selectEvent"))
      }
      try await client.execute(uri: "/map", method: .get) { response in
        let page = text(response)
        #expect(page.contains("<svg class=\"world-map\""))
        // The outlines, and Geneva's point linking to its events.
        #expect(page.components(separatedBy: "<path d=").count > 150)
        #expect(page.contains("class=\"point quad-1\""))
        #expect(page.contains("Geneva, CHE: 2 events"))
        #expect(
          page.contains("near=46.2022%2C6.1457&amp;km=1") || page.contains("near=46.2022,6.1457"))
        #expect(page.contains("places-table"))
      }
      try await client.execute(uri: "/map?actor=CHN", method: .get) { response in
        let page = text(response)
        #expect(!page.contains("class=\"point "))
        #expect(page.contains("No stored event with a place matches."))
      }
      try await client.execute(uri: "/events?near=46.2,6.15&km=20", method: .get) { response in
        let page = text(response)
        #expect(page.contains("ARM") && page.contains("AZE") && !page.contains("<td>RUS</td>"))
      }
      try await client.execute(uri: "/documents/geneva", method: .get) { response in
        let page = text(response)
        #expect(page.contains("<h2>Places"))
        #expect(page.contains("<b>Geneva</b> (CHE, city, GeoNames 2660646"))
      }
      try await client.execute(uri: "/assets/..%2FServer.swift", method: .get) { response in
        #expect(response.status == .notFound)
      }
    }
  }
}
