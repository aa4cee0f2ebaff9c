import Foundation

/// The dashboard's SVG drawings: the network of countries and a dyad's timeline.
enum Charts {
  /// Events between two countries over a period.
  struct Edge {
    var first: String
    var second: String
    var events: Int
    var cooperation: Int
    var conflict: Int
    var goldstein: Double
    /// (cooperation − conflict) / both, from −1 to 1; nil without either.
    var balance: Double?
  }

  /// A dyad's events in one period: counts by quad class (1 to 4) and mean Goldstein score.
  struct Point {
    var period: String
    var counts: [Int]
    var goldsteinMean: Double
  }

  /// The quad classes' colours, verbal and material cooperation, verbal and material
  /// conflict.
  static let quadColours = ["#7fb3d5", "#1f618d", "#f0b27a", "#c0392b"]
  static let quadNames = [
    "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict",
  ]

  /// The colour of a balance: red for conflict, grey for neither, blue for cooperation.
  static func colour(_ balance: Double?) -> String {
    guard let balance else { return "#999999" }
    let value = max(-1, min(1, balance))
    let grey = (153.0, 153.0, 153.0)
    let end = value < 0 ? (192.0, 57.0, 43.0) : (31.0, 97.0, 141.0)
    let t = abs(value)
    let mix = (
      grey.0 + (end.0 - grey.0) * t, grey.1 + (end.1 - grey.1) * t, grey.2 + (end.2 - grey.2) * t
    )
    return String(format: "#%02x%02x%02x", Int(mix.0), Int(mix.1), Int(mix.2))
  }

  /// Countries on a circle, an edge per pair with events, coloured by its balance and as
  /// thick as its events are many; each edge links to its dyad.
  static func network(_ edges: [Edge], link: (Edge) -> String) -> String {
    var weight: [String: Int] = [:]
    for edge in edges {
      weight[edge.first, default: 0] += edge.events
      weight[edge.second, default: 0] += edge.events
    }
    let nodes = weight.keys.sorted { (weight[$0] ?? 0, $1) > (weight[$1] ?? 0, $0) }.prefix(40)
    let size = 640.0
    let center = size / 2
    let radius = size / 2 - 60
    var position: [String: (Double, Double)] = [:]
    for (index, node) in nodes.enumerated() {
      let angle = 2 * Double.pi * Double(index) / Double(max(1, nodes.count)) - Double.pi / 2
      position[node] = (center + radius * cos(angle), center + radius * sin(angle))
    }
    let most = Double(edges.map(\.events).max() ?? 1)
    var out = """
      <svg class="network" viewBox="0 0 \(Int(size)) \(Int(size))" width="\(Int(size))" \
      height="\(Int(size))" role="img" aria-label="Network of countries by their events">
      """
    for edge in edges {
      guard let a = position[edge.first], let b = position[edge.second] else { continue }
      let width = 1.5 + 8 * log(1 + Double(edge.events)) / log(1 + most)
      let balance = edge.balance.map { String(format: "%+.2f", $0) } ?? "none"
      out += """
        <a class="edge" href="\(HTML.escape(link(edge)))"><title>\(HTML.escape(edge.first)) – \
        \(HTML.escape(edge.second)): \(edge.events) events, balance \(balance), mean Goldstein \
        \(String(format: "%.2f", edge.goldstein))</title><line x1="\(format(a.0))" y1="\(format(a.1))" \
        x2="\(format(b.0))" y2="\(format(b.1))" stroke="\(colour(edge.balance))" \
        stroke-width="\(format(width))" stroke-linecap="round" opacity="0.85"/></a>
        """
    }
    for node in nodes {
      guard let (x, y) = position[node] else { continue }
      let dx = x - center
      let dy = y - center
      let length = max(1, (dx * dx + dy * dy).squareRoot())
      let labelX = x + dx / length * 22
      let labelY = y + dy / length * 22 + 4
      let anchor = abs(dx) < 10 ? "middle" : dx > 0 ? "start" : "end"
      out += """
        <g class="node"><circle cx="\(format(x))" cy="\(format(y))" r="7" fill="#2c3e50"/>\
        <text x="\(format(labelX))" y="\(format(labelY))" text-anchor="\(anchor)" \
        font-size="13">\(HTML.escape(node))</text></g>
        """
    }
    return out + "</svg>"
  }

  /// The balance legend of the network.
  static func legend() -> String {
    let stops = [-1.0, -0.5, 0, 0.5, 1]
    let swatches = stops.map { value in
      "<span class=\"swatch\" data-colour=\"\(colour(value))\"><svg width=\"14\" height=\"14\"><rect width=\"14\" height=\"14\" fill=\"\(colour(value))\"/></svg> \(String(format: "%+.1f", value))</span>"
    }.joined(separator: " ")
    return
      "<p class=\"legend\">Balance of cooperation over conflict: \(swatches). Click an edge for its dyad.</p>"
  }

  /// The quad class legend of the timeline, and without its Goldstein line of the map.
  static func quadLegend(goldstein: Bool = true) -> String {
    let items = zip(quadColours, quadNames).map { colour, name in
      "<span class=\"swatch\"><svg width=\"14\" height=\"14\"><rect width=\"14\" height=\"14\" fill=\"\(colour)\"/></svg> \(name)</span>"
    }.joined(separator: " ")
    let line =
      goldstein
      ? " <span class=\"swatch\"><svg width=\"20\" height=\"14\"><line x1=\"0\" y1=\"7\" x2=\"20\" y2=\"7\" stroke=\"#111\" stroke-width=\"2\"/></svg> Mean Goldstein (right axis, −10 to 10)</span>"
      : ""
    return "<p class=\"legend\">\(items)\(line)</p>"
  }

  /// Stacked bars of the counts by quad class per period, with the mean Goldstein score as a
  /// line on a second axis.
  static func timeline(_ points: [Point]) -> String {
    let width = 760.0
    let height = 320.0
    let left = 44.0
    let right = 44.0
    let top = 16.0
    let bottom = 64.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let most = max(1, points.map { $0.counts.reduce(0, +) }.max() ?? 1)
    let step = plotWidth / Double(max(1, points.count))
    let barWidth = max(2, min(48, step * 0.7))
    func y(count: Double) -> Double { top + plotHeight * (1 - count / Double(most)) }
    func y(goldstein: Double) -> Double { top + plotHeight * (1 - (goldstein + 10) / 20) }
    var out = """
      <svg class="timeline" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" \
      height="\(Int(height))" role="img" aria-label="Events per period by quad class, and mean Goldstein score">
      <line x1="\(format(left))" y1="\(format(top + plotHeight))" x2="\(format(width - right))" \
      y2="\(format(top + plotHeight))" stroke="#555"/>
      <line x1="\(format(left))" y1="\(format(y(goldstein: 0)))" x2="\(format(width - right))" \
      y2="\(format(y(goldstein: 0)))" stroke="#bbb" stroke-dasharray="4 3"/>
      <text x="\(format(left - 6))" y="\(format(top + 4))" text-anchor="end" font-size="11">\(most)</text>
      <text x="\(format(left - 6))" y="\(format(top + plotHeight))" text-anchor="end" font-size="11">0</text>
      <text x="\(format(width - right + 6))" y="\(format(top + 4))" font-size="11">+10</text>
      <text x="\(format(width - right + 6))" y="\(format(y(goldstein: 0) + 4))" font-size="11">0</text>
      <text x="\(format(width - right + 6))" y="\(format(top + plotHeight))" font-size="11">−10</text>
      """
    var line: [String] = []
    let labelEvery = max(1, points.count / 12)
    for (index, point) in points.enumerated() {
      let x = left + step * (Double(index) + 0.5)
      var base = 0
      for (quad, count) in point.counts.enumerated() where count > 0 {
        let y0 = y(count: Double(base))
        let y1 = y(count: Double(base + count))
        out += """
          <rect class="bar quad-\(quad + 1)" x="\(format(x - barWidth / 2))" y="\(format(y1))" \
          width="\(format(barWidth))" height="\(format(y0 - y1))" fill="\(quadColours[quad])">\
          <title>\(HTML.escape(point.period)): \(count) \(quadNames[quad].lowercased())</title></rect>
          """
        base += count
      }
      line.append("\(format(x)),\(format(y(goldstein: point.goldsteinMean)))")
      if index % labelEvery == 0 {
        out += """
          <text x="\(format(x))" y="\(format(top + plotHeight + 14))" font-size="11" \
          text-anchor="end" transform="rotate(-40 \(format(x)) \(format(top + plotHeight + 14)))">\
          \(HTML.escape(point.period))</text>
          """
      }
    }
    out += """
      <polyline class="goldstein" points="\(line.joined(separator: " "))" fill="none" \
      stroke="#111" stroke-width="2"/>
      """
    for (index, point) in points.enumerated() {
      let x = left + step * (Double(index) + 0.5)
      out += """
        <circle cx="\(format(x))" cy="\(format(y(goldstein: point.goldsteinMean)))" r="3" \
        fill="#111"><title>\(HTML.escape(point.period)): mean Goldstein \
        \(String(format: "%.2f", point.goldsteinMean))</title></circle>
        """
    }
    return out + "</svg>"
  }

  static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
