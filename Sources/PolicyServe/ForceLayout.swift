import Foundation

/// A deterministic layout for the few hundred nodes a picture shows: each connected component is drawn by a
/// force-directed layout (Fruchterman–Reingold from a circle; heavier links pull harder) in its own cell, and the
/// cells are packed in rows, largest component first, each with room in proportion to its size. The same input
/// always gives the same picture.
enum ForceLayout {
    struct Point: Sendable { var x: Double; var y: Double }

    /// Positions of `count` nodes inside `width` × `height`; `edges` are (i, j, weight).
    static func positions(count: Int, edges: [(Int, Int, Int)], width: Double, height: Double) -> [Point] {
        guard count > 0 else { return [] }
        // Connected components (union–find), largest first.
        var parent = Array(0..<count)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        for (a, b, _) in edges { let ra = root(a), rb = root(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        var members: [Int: [Int]] = [:]
        for i in 0..<count { members[root(i), default: []].append(i) }
        let components = members.values.sorted { ($1.count, $0[0]) < ($0.count, $1[0]) }
        // Rows of cells: the big component takes the top share of the canvas, the small ones share rows below it.
        var result = [Point](repeating: Point(x: 0, y: 0), count: count)
        let total = Double(count)
        var cells: [(x: Double, y: Double, w: Double, h: Double)] = []
        let mainShare = components.count == 1 ? 1.0 : max(0.55, min(0.85, Double(components[0].count) / total))
        cells.append((0, 0, width, height * mainShare))
        let rest = components.dropFirst()
        if !rest.isEmpty {
            let perRow = max(1, Int(Double(rest.count).squareRoot().rounded(.up) * 1.6))
            let rows = (rest.count + perRow - 1) / perRow
            let rowHeight = height * (1 - mainShare) / Double(rows)
            for (k, _) in rest.enumerated() {
                let row = k / perRow, column = k % perRow
                let inRow = min(perRow, rest.count - row * perRow)
                let cellWidth = width / Double(inRow)
                cells.append((Double(column) * cellWidth, height * mainShare + Double(row) * rowHeight, cellWidth, rowHeight))
            }
        }
        for (component, cell) in zip(components, cells) {
            let local = Dictionary(uniqueKeysWithValues: component.enumerated().map { ($1, $0) })
            let localEdges = edges.compactMap { a, b, w -> (Int, Int, Int)? in
                guard let i = local[a], let j = local[b] else { return nil }
                return (i, j, w)
            }
            let placed = forceDirected(count: component.count, edges: localEdges)
            // Fit into the cell, leaving room for labels to the right of the circles.
            let marginX = min(40.0, cell.w * 0.1), marginY = min(30.0, cell.h * 0.2)
            let minX = placed.map(\.x).min()!, maxX = placed.map(\.x).max()!, minY = placed.map(\.y).min()!, maxY = placed.map(\.y).max()!
            let usableW = max(1, cell.w - 2 * marginX - min(110, cell.w * 0.35)), usableH = max(1, cell.h - 2 * marginY)
            let scale = min(usableW / max(1e-6, maxX - minX), usableH / max(1e-6, maxY - minY))
            let offsetX = cell.x + marginX + (usableW - (maxX - minX) * scale) / 2
            let offsetY = cell.y + marginY + (usableH - (maxY - minY) * scale) / 2
            for (i, node) in component.enumerated() {
                result[node] = Point(x: (offsetX + (placed[i].x - minX) * scale).rounded(),
                                     y: (offsetY + (placed[i].y - minY) * scale).rounded())
            }
        }
        return result
    }

    /// Fruchterman–Reingold in a unit square, from a circle.
    static func forceDirected(count: Int, edges: [(Int, Int, Int)], iterations: Int = 200) -> [Point] {
        guard count > 1 else { return [Point(x: 0.5, y: 0.5)] }
        var p = (0..<count).map { i -> Point in
            let angle = 2 * Double.pi * Double(i) / Double(count)
            return Point(x: 0.5 + 0.45 * cos(angle), y: 0.5 + 0.45 * sin(angle))
        }
        let k = 0.9 / Double(count).squareRoot()
        let maxWeight = Double(edges.map(\.2).max() ?? 1)
        var temperature = 0.1
        var dx = [Double](repeating: 0, count: count), dy = dx
        for _ in 0..<iterations {
            for i in 0..<count { dx[i] = 0; dy[i] = 0 }
            for i in 0..<count {
                for j in (i + 1)..<count {
                    var ddx = p[i].x - p[j].x, ddy = p[i].y - p[j].y
                    var d2 = ddx * ddx + ddy * ddy
                    if d2 < 1e-8 { ddx = 1e-4 * Double(i - j); ddy = 1e-4; d2 = ddx * ddx + ddy * ddy }
                    let f = k * k / d2
                    dx[i] += ddx * f; dy[i] += ddy * f
                    dx[j] -= ddx * f; dy[j] -= ddy * f
                }
            }
            for (i, j, weight) in edges {
                let ddx = p[i].x - p[j].x, ddy = p[i].y - p[j].y
                let d = max(1e-6, (ddx * ddx + ddy * ddy).squareRoot())
                let f = d / k * (0.5 + Double(weight) / maxWeight)
                dx[i] -= ddx * f; dy[i] -= ddy * f
                dx[j] += ddx * f; dy[j] += ddy * f
            }
            for i in 0..<count {
                let d = max(1e-9, (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot())
                let step = min(d, temperature)
                p[i].x = min(1, max(0, p[i].x + dx[i] / d * step))
                p[i].y = min(1, max(0, p[i].y + dy[i] / d * step))
            }
            temperature *= 0.975
        }
        return p
    }
}
