/// The quad class of a CAMEO event: cooperation or conflict, in words or in deeds.
public enum QuadClass: Int, Sendable, Codable, CaseIterable {
  /// Verbal cooperation (CAMEO roots 01 to 05).
  case verbalCooperation = 1
  /// Material cooperation (06 to 08).
  case materialCooperation = 2
  /// Verbal conflict (09 to 13).
  case verbalConflict = 3
  /// Material conflict (14 to 20).
  case materialConflict = 4
}
