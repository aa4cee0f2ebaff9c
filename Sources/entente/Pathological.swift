import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Benchmark {
  /// An input made to be hard: runs of one character, one endless line, deep nesting.
  struct Pathology: Sendable {
    /// Its name in the report.
    var name: String
    /// Whether the file is JSON Lines (one record) rather than plain text.
    var jsonl = false
    /// The output format asked for.
    var format = "jsonl"
    /// A piece repeated (and, for nesting, its closing piece) to make the input.
    var make: @Sendable (Int) -> String
  }

  /// The inputs of `benchmark --pathological`, each of about `bytes` bytes.
  static let pathologies: [Pathology] = [
    Pathology(name: "quote run") { String(repeating: "\"", count: $0) },
    Pathology(name: "mixed brackets") { String(repeating: "([{<\"'>}])", count: $0 / 10) },
    Pathology(name: "peeled periods") { String(repeating: ".)", count: $0 / 2) },
    Pathology(name: "one long line") { bytes in
      // Words with no sentence end and no newline: the segmenter must cut it.
      String(
        repeating: "Russia criticized Ukraine and China praised Pakistan and ", count: bytes / 58)
    },
    Pathology(name: "short sentences") { bytes in
      String(repeating: "Iran warned Israel. Egypt met Jordan. ", count: bytes / 38)
    },
    Pathology(name: "places in every sentence") { bytes in
      // Ambiguous places whose readings depend on each other (US states, cities nearby).
      String(
        repeating: "Police in Springfield said Texas troops met in Paris and Dallas. ",
        count: bytes / 65)
    },
    Pathology(name: "deep nesting") { bytes in
      // Brackets and quotes opened, with words, and closed only at the end.
      let depth = bytes / 40
      return String(repeating: "(\u{201C}Turkey said [that ", count: depth)
        + "Greece agreed" + String(repeating: "]\u{201D})", count: depth)
    },
    Pathology(name: "long quotation") { bytes in
      // One quotation that never closes, of reported speech.
      "\u{201C}"
        + String(
          repeating: "We will defend our allies, he said, and we will not yield. ",
          count: bytes / 60)
    },
    Pathology(name: "one JSON Lines record, JSON out", jsonl: true, format: "json") { bytes in
      String(
        repeating: "Russia and North Korea signed a pact in Pyongyang on Wednesday. ",
        count: bytes / 65)
    },
  ]

  /// Codes each pathological input at `size` and 4 x `size` bytes in a process of its own
  /// (`entente code`, output discarded) and reports the time and peak memory of both, their
  /// ratios, and whether the peak stays under 300 MB plus 20 times the input's size.
  func measurePathological() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-pathological-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let executable = Self.executable
    // What a run costs with no work: starting, loading the models.
    let empty = directory.appendingPathComponent("empty.txt").path
    try "Peru.".write(toFile: empty, atomically: true, encoding: .utf8)
    var base = try Self.spawn(executable, ["code", empty])
    for _ in 0..<2 {
      let run = try Self.spawn(executable, ["code", empty])
      if run.seconds < base.seconds { base = run }
    }
    print(
      String(
        format: "start-up (a one-word document): %.2f s, %.0f MB peak; subtracted below",
        base.seconds, base.megabytes))
    print(
      "input | n | time n | time 4n | ratio | peak n | peak 4n | ratio | limit at 4n (300 MB + 20 x size) | ok"
    )
    var failures = 0
    for pathology in Self.pathologies {
      var runs: [(seconds: Double, megabytes: Double, status: Int32)] = []
      var bytes: [Int] = []
      for scale in [1, 4] {
        let text = pathology.make(size * scale)
        let file = directory.appendingPathComponent("input.\(pathology.jsonl ? "jsonl" : "txt")")
        let content: String
        if pathology.jsonl {
          let record = ["id": "long", "date": "2024-06-19", "text": text]
          let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
          content = String(decoding: data, as: UTF8.self) + "\n"
        } else {
          content = text
        }
        try content.write(toFile: file.path, atomically: true, encoding: .utf8)
        bytes.append(content.utf8.count)
        // The best of `repeats` runs: other work on the machine only slows a run down.
        let arguments = ["code", file.path, "--format", pathology.format]
        var best = try Self.spawn(executable, arguments)
        for _ in 1..<max(1, min(repeats, 3)) {
          let run = try Self.spawn(executable, arguments)
          if run.seconds < best.seconds { best = run }
        }
        runs.append(best)
      }
      let work = runs.map { max(0.001, $0.seconds - base.seconds) }
      let limit = 300 + 20 * Double(bytes[1]) / 1_048_576
      // Linear: 4x the input takes at most 4x the time and memory, with room for timing
      // noise (5.5x); every run ended well and stayed under the memory bound.
      let ok =
        runs.allSatisfy { $0.status == 0 } && work[1] / work[0] <= 5.5
        && runs[1].megabytes <= limit && runs[1].megabytes / runs[0].megabytes <= 4.5
      if !ok { failures += 1 }
      print(
        String(
          format:
            "%@ | %.1f MB | %.2f s | %.2f s | %.1fx | %.0f MB | %.0f MB | %.1fx | %.0f MB | %@",
          pathology.name, Double(bytes[0]) / 1_048_576, work[0], work[1], work[1] / work[0],
          runs[0].megabytes, runs[1].megabytes, runs[1].megabytes / runs[0].megabytes, limit,
          ok ? "yes" : "NO (status \(runs.map(\.status)))"))
    }
    if failures > 0 {
      FileHandle.standardError("entente: \(failures) inputs grew faster than linearly\n")
      throw ExitCode(1)
    }
  }

  /// Runs a command with its output discarded; its wall time, peak resident memory and exit
  /// status.
  static func spawn(_ executable: String, _ arguments: [String]) throws -> (
    seconds: Double, megabytes: Double, status: Int32
  ) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw ValidationError("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = (clock.now - start).inSeconds
    // Linux reports kilobytes.
    let exited = status & 0x7f == 0
    return (
      seconds, Double(usage.ru_maxrss) / 1024, exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    )
  }
}
