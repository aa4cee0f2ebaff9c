import Benchmark
import EntenteNLP
import Foundation

/// The State of the Union corpus from `../shared`, as texts; empty when it is absent.
let corpus: [String] = {
  let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/data/corpora/state_union")
  let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
  return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
    guard
      let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
    else { return nil }
    // Six files are Latin-1; decode them leniently, as `entente code` would.
    return String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
  }
}()

let corpusBytes = corpus.reduce(0) { $0 + $1.utf8.count }

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(5), maxIterations: 20)

  guard !corpus.isEmpty else {
    print("../shared/data/corpora/state_union is absent: no benchmarks to run")
    return
  }

  // The statistical stages use the models shipped with Entente, loaded once.
  let models = try? Models.bundled(parser: true)
  for stage in PipelineStage.allCases {
    guard let pipeline = try? Pipeline.standard(until: stage, models: models) else {
      print("\(stage.rawValue): the shipped models could not be loaded; skipped")
      continue
    }
    Benchmark(
      "\(stage.rawValue): State of the Union corpus (\(corpusBytes) bytes)",
      configuration: .init(scalingFactor: .one)
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        var tokens = 0
        for text in corpus { tokens &+= pipeline(text).tokens.count }
        blackHole(tokens)
      }
    }
  }
}
