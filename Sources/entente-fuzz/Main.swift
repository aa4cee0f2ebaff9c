import Foundation

/// The target named by `ENTENTE_FUZZ_TARGET`, or by the first argument of a replay.
func target(_ name: String?) -> FuzzTarget {
  guard let name, let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("entente-fuzz: name a target: \(names)\n".utf8))
    exit(2)
  }
  return target
}

#if ENTENTE_FUZZ
  /// Built with libFuzzer (`-sanitize=fuzzer -DENTENTE_FUZZ`, Scripts/fuzz.sh): the target is
  /// named by `ENTENTE_FUZZ_TARGET`, and the command line is libFuzzer's (`-max_total_time=`,
  /// corpus directories, ...).
  private let fuzzTarget = target(ProcessInfo.processInfo.environment["ENTENTE_FUZZ_TARGET"])

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzTarget.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
  }

  /// libFuzzer's driver, by its C interface.
  @_silgen_name("LLVMFuzzerRunDriver")
  private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// The program's entry: SwiftPM links an executable's `main` to `<module>_main`, which here
  /// hands the command line to libFuzzer's driver (libFuzzer's own `main` does the same).
  @_cdecl("entente_fuzz_main")
  public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> CInt {
    _ = fuzzTarget
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
  }
#else
  /// Built as usual: replays inputs (files, or every file of directories) through a target,
  /// as a regression check of the seed corpus: `entente-fuzz TARGET PATH...`.
  @main
  enum Replay {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      let target = target(arguments.first)
      var files: [String] = []
      for path in arguments.dropFirst() {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          FileHandle.standardError.write(Data("entente-fuzz: no such file: \(path)\n".utf8))
          exit(1)
        }
        if isDirectory.boolValue {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
          files += names.sorted().map { (path as NSString).appendingPathComponent($0) }
        } else {
          files.append(path)
        }
      }
      for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        data.withUnsafeBytes { target.run($0.bindMemory(to: UInt8.self)) }
      }
      print("entente-fuzz: \(target.rawValue): \(files.count) inputs, every invariant held")
    }
  }
#endif
