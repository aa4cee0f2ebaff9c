import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Entente has one document model: what `entente code` writes for a document is what the
/// store keeps of it and what the server gives back.
@Suite("One document model", .serialized)
struct DocumentModelTests {
  @Test(
    "a document comes out byte for byte the same from entente code and from GET /v1/documents/{id} after an ingest"
  )
  func sameBytes() async throws {
    let server = try ServerProcess(documents: browserDocuments)
    defer { _ = server.stop() }
    let input = server.directory.appendingPathComponent("documents.jsonl").path
    for withText in [false, true] {
      let coded = try EntenteProcess.run(
        ["code", input, "--format", "jsonl"] + (withText ? ["--text"] : []))
      try #require(coded.status == 0, "\(coded.stderr)")
      let lines = coded.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast()
      #expect(lines.count == 4)
      for line in lines {
        let object = try #require(
          JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let id = try #require(object["id"] as? String)
        #expect((object["text"] != nil) == withText)
        #expect((object["events"] as? [Any])?.isEmpty == false, "\(id) has events")
        var request = URLRequest(
          url: try #require(
            URL(string: server.url("/v1/documents/\(id)" + (withText ? "?text=true" : "")))))
        request.httpMethod = "GET"
        let (status, body) = try await fetch(request)
        #expect(status == 200)
        #expect(body == line + "\n", "GET /v1/documents/\(id) differs from entente code's line")
      }
    }
  }
}
