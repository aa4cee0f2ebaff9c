import EntenteNLP
import Foundation
let path = CommandLine.arguments[1]
let text = try String(contentsOfFile: path, encoding: .utf8)
let doc = Pipeline.standard()(text)
for s in doc.sentenceSpans {
  print("S: " + s.tokenViews.map(\.text).joined(separator: " | "))
}
print(doc.sentences.count)
