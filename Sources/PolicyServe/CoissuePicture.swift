/// The co-issuance network as an SVG drawn on the server: one circle an agency (area ∝ its co-issued documents),
/// one line a pair (width ∝ documents signed together). Circles link to the agency, lines to the pair's documents.
enum CoissuePicture {
    /// `pairHref(first, second)` and `agencyHref(id)` give the links; `focus` is drawn in the accent colour.
    static func svg(_ answer: CoissueAnswer, focus: String?, pairHref: (String, String) -> String,
                    agencyHref: (String) -> String) -> String {
        let position = Dictionary(uniqueKeysWithValues: answer.agencies.map { ($0.node.id, $0) })
        let maxCount = Double(answer.links.map(\.count).max() ?? 1)
        let maxDocuments = Double(answer.agencies.map(\.documents).max() ?? 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 700\" id=\"coissue-svg\" role=\"img\" aria-label=\"co-issuance network\">"
        out += "<g class=\"links\">"
        for link in answer.links {
            guard let a = position[link.first], let b = position[link.second] else { continue }
            let width = 1 + 7 * Double(link.count) / maxCount
            out += "<a class=\"link\" href=\"\(HTMLText.escape(pairHref(link.first, link.second)))\" data-count=\"\(link.count)\">"
            out += "<title>\(HTMLText.escape(a.node.label)) — \(HTMLText.escape(b.node.label)): \(link.count)</title>"
            out += "<line x1=\"\(Int(a.x))\" y1=\"\(Int(a.y))\" x2=\"\(Int(b.x))\" y2=\"\(Int(b.y))\" stroke-width=\"\(rounded(width))\"/></a>"
        }
        out += "</g><g class=\"agencies\">"
        for agency in answer.agencies {
            let radius = 5 + 20 * (Double(agency.documents) / maxDocuments).squareRoot()
            let cls = agency.node.id == focus ? "agency focus" : "agency"
            out += "<a class=\"\(cls)\" href=\"\(HTMLText.escape(agencyHref(agency.node.id)))\" data-id=\"\(HTMLText.escape(agency.node.id))\" data-documents=\"\(agency.documents)\">"
            out += "<title>\(HTMLText.escape(agency.node.label)): \(agency.documents) co-issued documents</title>"
            out += "<circle cx=\"\(Int(agency.x))\" cy=\"\(Int(agency.y))\" r=\"\(rounded(radius))\"/>"
            out += "<text x=\"\(Int(agency.x + radius + 3))\" y=\"\(Int(agency.y + 4))\">\(HTMLText.escape(short(agency.node.label)))</text></a>"
        }
        out += "</g></svg>"
        return out
    }

    /// A label cut to 14 characters for the picture (the full name is in the tooltip).
    static func short(_ label: String) -> String { label.count > 14 ? String(label.prefix(13)) + "…" : label }

    private static func rounded(_ v: Double) -> String { String(Double(Int(v * 10)) / 10) }
}
