import EntenteCoding
import EntenteIO
import Foundation
import Testing

@Suite("Validation records")
struct ValidationTests {
  static let fixture = TestFiles.fixture("validation/records.xml")

  @Test("reads PETRARCH's XML layout: records, expected events, environment")
  func readsXML() throws {
    let (records, environment) = try ValidationReader.read(path: Self.fixture)
    #expect(records.map(\.id) == ["T-01", "T-02", "T-03", "T-04"])
    #expect(records[0].expected == ["ATLGOV>LEM 042"])
    #expect(records[0].text == "Atlantis officials visited Lemuria on Tuesday.")
    #expect(records[0].date == DayDate(iso: "2024-06-19"))
    #expect(records[1].expected.isEmpty)
    #expect(records[2].expected.sorted() == ["ATL>LEM 057", "LEM>ATL 057"])
    #expect(records.map(\.category) == ["DEMO", "MODE", "MODE", "DEMO"])
    #expect(environment.actors.count == 1)
    #expect(environment.actors.first?.hasSuffix("validation/test.actors.txt") == true)
    #expect(environment.agents.first?.hasSuffix("validation/test.agents.txt") == true)
  }

  @Test("reads the JSON Lines layout and rejects a file without records")
  func readsJSONLines() throws {
    let directory = try TestFiles.temporaryDirectory()
    let path = directory.appendingPathComponent("records.jsonl").path
    try """
    {"id": "J-1", "date": "20240619", "category": "DEMO", "text": "A met B.", "expected": [{"source": "AAA", "target": "BBB", "code": "040"}], "active": true}
    not json
    {"id": "J-2", "text": "Nothing here.", "expected": [], "active": false}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let (records, _) = try ValidationReader.read(path: path)
    #expect(records.map(\.id) == ["J-1", "J-2"])
    #expect(records[0].expected == ["AAA>BBB 040"])
    #expect(records[1].active == false)
    let empty = directory.appendingPathComponent("empty.xml").path
    try "<Validation></Validation>".write(toFile: empty, atomically: true, encoding: .utf8)
    #expect(throws: InputError.self) { try ValidationReader.read(path: empty) }
  }
}

@Suite("Validation options")
struct ValidationOptionTests {
  @Test("require_dyad: from a record's config, and cumulative between XML records")
  func requireDyad() throws {
    let directory = try TestFiles.temporaryDirectory()
    let jsonl = directory.appendingPathComponent("dyad.jsonl").path
    try """
    {"id": "A", "text": "X.", "expected": [], "config": {"require_dyad": "FALSE"}}
    {"id": "B", "text": "Y.", "expected": []}
    """.write(toFile: jsonl, atomically: true, encoding: .utf8)
    #expect(try ValidationReader.read(path: jsonl).0.map(\.requiresDyad) == [false, true])
    let xml = directory.appendingPathComponent("dyad.xml").path
    try """
    <Validation><Environment><Discardfile>d.txt</Discardfile></Environment>
    <Sentence date="20240101" id="A" category="C"><Text>X.</Text></Sentence>
    <Config option="require_dyad" value="false"></Config>
    <Sentence date="20240101" id="B" category="C"><Text>Y.</Text></Sentence>
    <Sentence date="20240101" id="C" category="C"><Text>Z.</Text></Sentence>
    <Config option="require_dyad" value="true"></Config>
    <Sentence date="20240101" id="D" category="C"><Text>W.</Text></Sentence>
    </Validation>
    """.write(toFile: xml, atomically: true, encoding: .utf8)
    let (records, environment) = try ValidationReader.read(path: xml)
    #expect(records.map(\.requiresDyad) == [true, false, false, true])
    #expect(environment.discards?.hasSuffix("/d.txt") == true)
  }
}
