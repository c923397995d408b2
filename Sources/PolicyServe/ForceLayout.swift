import Foundation

/// A deterministic force-directed layout (Fruchterman–Reingold, started from a circle) for the few hundred nodes a
/// picture shows; heavier links pull harder. The same input always gives the same picture.
enum ForceLayout {
    struct Point: Sendable { var x: Double; var y: Double }

    /// Positions of `count` nodes inside `width` × `height` (with a margin); `edges` are (i, j, weight).
    static func positions(count: Int, edges: [(Int, Int, Int)], width: Double, height: Double,
                          iterations: Int = 150) -> [Point] {
        guard count > 0 else { return [] }
        let margin = 60.0
        let w = width - 2 * margin, h = height - 2 * margin
        var p = (0..<count).map { i -> Point in
            let angle = 2 * Double.pi * Double(i) / Double(count)
            return Point(x: w / 2 + w / 2.2 * cos(angle), y: h / 2 + h / 2.2 * sin(angle))
        }
        guard count > 1 else { return [Point(x: width / 2, y: height / 2)] }
        let k = 0.8 * (w * h / Double(count)).squareRoot()
        let maxWeight = Double(edges.map(\.2).max() ?? 1)
        var temperature = w / 8
        var dx = [Double](repeating: 0, count: count), dy = dx
        for _ in 0..<iterations {
            for i in 0..<count { dx[i] = 0; dy[i] = 0 }
            for i in 0..<count {
                for j in (i + 1)..<count {
                    var ddx = p[i].x - p[j].x, ddy = p[i].y - p[j].y
                    var d2 = ddx * ddx + ddy * ddy
                    if d2 < 0.01 { ddx = 0.1 * Double(i - j); ddy = 0.1; d2 = ddx * ddx + ddy * ddy }
                    let f = k * k / d2
                    dx[i] += ddx * f; dy[i] += ddy * f
                    dx[j] -= ddx * f; dy[j] -= ddy * f
                }
            }
            for (i, j, weight) in edges {
                let ddx = p[i].x - p[j].x, ddy = p[i].y - p[j].y
                let d = max(0.1, (ddx * ddx + ddy * ddy).squareRoot())
                let f = d / k * (0.5 + Double(weight) / maxWeight)
                dx[i] -= ddx * f; dy[i] -= ddy * f
                dx[j] += ddx * f; dy[j] += ddy * f
            }
            for i in 0..<count {
                // A weak pull to the centre keeps unlinked agencies on the canvas.
                dx[i] += (w / 2 - p[i].x) * 0.05
                dy[i] += (h / 2 - p[i].y) * 0.05
                let d = max(0.1, (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot())
                let step = min(d, temperature)
                p[i].x = min(w, max(0, p[i].x + dx[i] / d * step))
                p[i].y = min(h, max(0, p[i].y + dy[i] / d * step))
            }
            temperature *= 0.97
        }
        return p.map { Point(x: ($0.x + margin).rounded(), y: ($0.y + margin).rounded()) }
    }
}
