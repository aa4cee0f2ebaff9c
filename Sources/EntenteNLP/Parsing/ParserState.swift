/// A configuration of the arc-hybrid transition system over one sentence.
///
/// Words are numbered 1...n; 0 is the artificial root, which starts on the stack. The
/// transitions are SHIFT (move the first buffer word onto the stack), LEFT-ARC (the stack
/// top gets the first buffer word as head and is popped) and RIGHT-ARC (the stack top gets
/// the word below it as head and is popped). The root takes a dependent only when the buffer
/// is empty and one word is left on the stack, so every parse has exactly one root word.
struct ParserState {
  let n: Int
  var stack: [Int32] = []
  /// The first buffer word; the buffer is `next...n`.
  var next = 1
  var heads: [Int32]
  var labels: [UInt16]
  /// Nearest and second-nearest children on each side, or -1.
  var leftmost: [Int32]
  var leftmost2: [Int32]
  var rightmost: [Int32]
  var rightmost2: [Int32]
  var leftCount: [UInt8]
  var rightCount: [UInt8]
  /// Bit sets of the labels of the left and right children (label number mod 64).
  var leftLabels: [UInt64]
  var rightLabels: [UInt64]

  init(words n: Int) {
    self.n = n
    stack.reserveCapacity(n + 1)
    stack.append(0)
    heads = [Int32](repeating: -1, count: n + 1)
    labels = [UInt16](repeating: .max, count: n + 1)
    leftmost = [Int32](repeating: -1, count: n + 1)
    leftmost2 = leftmost
    rightmost = leftmost
    rightmost2 = leftmost
    leftCount = [UInt8](repeating: 0, count: n + 1)
    rightCount = leftCount
    leftLabels = [UInt64](repeating: 0, count: n + 1)
    rightLabels = leftLabels
  }

  var isTerminal: Bool { next > n && stack.count == 1 }
  var s0: Int { stack.count >= 1 ? Int(stack[stack.count - 1]) : -1 }
  var s1: Int { stack.count >= 2 ? Int(stack[stack.count - 2]) : -1 }
  var s2: Int { stack.count >= 3 ? Int(stack[stack.count - 3]) : -1 }
  var b0: Int { next <= n ? next : -1 }
  var b1: Int { next + 1 <= n ? next + 1 : -1 }
  var b2: Int { next + 2 <= n ? next + 2 : -1 }

  var canShift: Bool { next <= n }
  var canLeft: Bool { stack.count >= 2 && next <= n }
  var canRight: Bool { stack.count >= 3 || (stack.count == 2 && next > n) }

  mutating func shift() {
    stack.append(Int32(next))
    next += 1
  }

  mutating func left(label: UInt16) {
    let dependent = Int(stack.removeLast())
    attach(dependent, to: next, label: label)
  }

  mutating func right(label: UInt16) {
    let dependent = Int(stack.removeLast())
    attach(dependent, to: Int(stack[stack.count - 1]), label: label)
  }

  mutating func attach(_ d: Int, to h: Int, label: UInt16) {
    heads[d] = Int32(h)
    labels[d] = label
    let bit: UInt64 = 1 << UInt64(label % 64)
    if d < h {
      if leftmost[h] < 0 || d < leftmost[h] {
        leftmost2[h] = leftmost[h]
        leftmost[h] = Int32(d)
      } else if leftmost2[h] < 0 || d < leftmost2[h] {
        leftmost2[h] = Int32(d)
      }
      leftCount[h] &+= 1
      leftLabels[h] |= bit
    } else {
      if rightmost[h] < 0 || d > rightmost[h] {
        rightmost2[h] = rightmost[h]
        rightmost[h] = Int32(d)
      } else if rightmost2[h] < 0 || d > rightmost2[h] {
        rightmost2[h] = Int32(d)
      }
      rightCount[h] &+= 1
      rightLabels[h] |= bit
    }
  }

  // MARK: Dynamic oracle

  /// The number of gold arcs that SHIFT, LEFT-ARC and RIGHT-ARC would make unreachable
  /// (Goldberg and Nivre's arc-hybrid oracle); `gold` holds heads with 0 for the root.
  func costs(gold: [Int32], onStack: [Bool]) -> (shift: Int, left: Int, right: Int) {
    var shift = Int.max
    var left = Int.max
    var right = Int.max
    let top = s0
    if canShift {
      let b = next
      var cost = 0
      for d in stack where gold[Int(d)] == Int32(b) { cost += 1 }
      let h = Int(gold[b])
      if h != top && h < onStack.count && onStack[h] { cost += 1 }
      shift = cost
    }
    if canLeft || canRight {
      var dependentsInBuffer = 0
      if next <= n {
        for d in next...n where gold[d] == Int32(top) { dependentsInBuffer += 1 }
      }
      let h = Int(gold[top])
      let headInBuffer = h >= next && h <= n
      if canLeft {
        var cost = dependentsInBuffer
        if (headInBuffer && h != next) || h == s1 { cost += 1 }
        left = cost
      }
      if canRight {
        right = dependentsInBuffer + (headInBuffer ? 1 : 0)
      }
    }
    return (shift, left, right)
  }
}
