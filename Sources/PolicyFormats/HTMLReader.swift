import PolicyCore
import PolicyText
import PolicyXML

/// Reads a government portal page: decodes it (UTF-8 or a declared GBK/GB2312/GB18030), parses it with
/// libxml2's tolerant HTML parser, finds the main text, drops navigation and boilerplate, and maps every
/// extracted byte back to the HTML file (line exact; byte exact where the text appears literally).
public enum HTMLReader {
    /// Elements whose content is never main text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "button", "select",
        "option", "textarea", "link", "meta", "head", "title", "svg", "canvas", "object", "embed", "aside", "menu",
    ]
    /// Elements that start and end a line.
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "li", "ul", "ol", "table", "section", "article",
        "main", "center", "blockquote", "pre", "dd", "dt", "dl", "address", "hr", "body", "tbody", "thead", "caption",
        "figure", "figcaption",
    ]
    /// Containers scored by the text-density fallback.
    static let containers: Set<String> = ["div", "td", "article", "section", "main", "body", "center"]

    /// Whether the page is read as GB18030: it declares GB2312/GBK/GB18030, or declares nothing and is not UTF-8.
    static func readsAsGB18030(_ bytes: [UInt8]) -> Bool {
        if let cs = declaredCharset(bytes) { return cs.hasPrefix("gb") || cs == "cp936" || cs == "x-gbk" }
        return !isValidUTF8(bytes)
    }

    /// Extracts the main text of an HTML file given as bytes.
    public static func extract(_ bytes: [UInt8], path: String) throws -> DerivedText {
        let decoded: DecodedBytes
        var warnings: [String] = []
        if readsAsGB18030(bytes) {
            decoded = decodeGB18030WithOffsets(bytes)
            if declaredCharset(bytes) == nil { warnings.append("no charset declared and not UTF-8: read as GB18030") }
        } else {
            decoded = decodeUTF8WithOffsets(bytes)
        }
        guard let tree = MarkupTree.parseHTML(decoded.utf8, encoding: "UTF-8") else {
            throw KGError(file: path, "cannot parse the HTML")
        }
        var metadata = HTMLMetadata.collect(tree)
        let content = mainContent(tree)
        var walker = HTMLTextWalker(tree: tree, decoded: decoded)
        let contentText = squeezed(tree.textContent(of: content))
        var headed = false
        if let heading = precedingHeading(tree, before: content) {
            let headingText = squeezed(tree.textContent(of: heading))
            if !mentionsUncited(contentText, headingText) {
                walker.emit(heading)
                walker.builder.endLine()
                headed = true
            }
        }
        if !headed, let (node, length) = documentTitle(tree, absentFrom: contentText) {
            walker.emit(node, scalars: length)
            walker.builder.endLine()
        }
        walker.emit(content)
        let (utf8, offsets) = walker.builder.finish(originalLength: bytes.count)
        if metadata["title"] == nil, let t = tree.elements(named: "title").first {
            let title = squeezed(tree.textContent(of: t))
            if !title.isEmpty { metadata["title"] = title }
        }
        var text = DerivedText(utf8: utf8, originalOffsets: offsets, metadata: metadata, warnings: warnings)
        text.warnings += HTMLMetadata.disagreements(metadata, text: text.string)
        if text.utf8.isEmpty { throw KGError(file: path, "no text found in the HTML page") }
        return text
    }

    /// The element holding the page's main text: the known content container with the most text, else the
    /// container with the most text outside links. Linear in the number of nodes.
    static func mainContent(_ tree: MarkupTree) -> Int {
        let count = tree.count
        var inSkipped = [Bool](repeating: false, count: count)
        var inLink = [Bool](repeating: false, count: count)
        var nearestContainer = [Int](repeating: 0, count: count)
        // Direct scores per container, and subtree text totals (outside links and skipped elements).
        var scores = [Int](repeating: 0, count: count)
        var linkScores = [Int](repeating: 0, count: count)
        var subtreeText = [Int](repeating: 0, count: count)
        // Nodes are in pre-order, so parents come before children.
        for n in 1..<count {
            let p = Int(tree.parents[n])
            inSkipped[n] = inSkipped[p] || (tree.kinds[n] == .element && skipped.contains(tree.names[n]))
            inLink[n] = inLink[p] || (tree.kinds[n] == .element && tree.names[n] == "a")
            nearestContainer[n] = tree.kinds[p] == .element && containers.contains(tree.names[p]) ? p : nearestContainer[p]
            if tree.kinds[n] == .text && !inSkipped[n] {
                let weight = tree.texts[n].unicodeScalars.reduce(0) { $0 + (isSpace($1) ? 0 : 1) }
                if inLink[n] { linkScores[nearestContainer[n]] += weight } else {
                    scores[nearestContainer[n]] += weight
                    subtreeText[n] = weight
                }
            }
        }
        for n in stride(from: count - 1, through: 1, by: -1) { subtreeText[Int(tree.parents[n])] += subtreeText[n] }
        // Known content containers of Chinese government portals.
        var best = -1
        var bestText = 0
        for n in 1..<count where tree.kinds[n] == .element && !inSkipped[n] && isKnownContentContainer(tree, n) {
            if subtreeText[n] >= 20 && subtreeText[n] > bestText { best = n; bestText = subtreeText[n] }
        }
        if best >= 0 { return best }
        var bestScore = Int.min
        for n in 0..<count where tree.kinds[n] == .element && containers.contains(tree.names[n]) {
            let score = scores[n] - 2 * linkScores[n]
            if score > bestScore { bestScore = score; best = n }
        }
        return best >= 0 ? best : 0
    }

    /// The page's `<title>` when it names a document the text does not name: its text before the site suffix
    /// (`stripSiteSuffix`), heading-shaped and ending with a genre word (…统计公报, …的通知), and found nowhere in the
    /// main text. A portal that prints no heading above the text still names the document in its `<title>`; the
    /// segmenter reads it as the first line, its offsets in the `<title>` element.
    ///
    ///     pageTitle → '<title>' documentTitle(genre) (separator siteName)? '</title>'
    ///
    /// Returns the text node and the number of its scalars that make the document title.
    static func documentTitle(_ tree: MarkupTree, absentFrom contentText: String) -> (node: Int, scalars: Int)? {
        guard let element = tree.elements(named: "title").first,
              let node = tree.children(of: element).first(where: { tree.kinds[$0] == .text }) else { return nil }
        let raw = tree.texts[node]
        let head = HTMLMetadata.stripSiteSuffix(HTMLMetadata.cleaned(raw))
        let key = squeezed(head)
        guard key.unicodeScalars.count >= 8, key.unicodeScalars.count <= 80, !mentionsUncited(contentText, key),
              let genre = GenreWords.genre(ofTitle: head), genre.kind != nil, key.hasSuffix(genre.word),
              !key.unicodeScalars.contains(where: { "，,。；;：:!！?？|".unicodeScalars.contains($0) }) else { return nil }
        // (The scalars of the raw text up to the end of the head: leading spaces and inner spaces included.)
        var seen = 0, count = 0
        let wanted = key.unicodeScalars.count
        for u in raw.unicodeScalars {
            count += 1
            if !isSpace(u) { seen += 1 }
            if seen == wanted { return (node, count) }
        }
        return nil
    }

    /// Whether `text` holds `title` other than cited in 《》: a link to the page's own reading ("图文解读：《T》") or a
    /// cited document does not print the title.
    static func mentionsUncited(_ text: String, _ title: String) -> Bool {
        guard !title.isEmpty else { return true }
        var from = text.startIndex
        while let r = text.range(of: title, range: from..<text.endIndex) {
            let cited = r.lowerBound > text.startIndex && text[text.index(before: r.lowerBound)] == "《"
                && r.upperBound < text.endIndex && text[r.upperBound] == "》"
            if !cited { return true }
            from = r.upperBound
        }
        return false
    }

    static func isKnownContentContainer(_ tree: MarkupTree, _ n: Int) -> Bool {
        if tree.names[n] == "article" { return true }
        let id = (tree.attribute("id", of: n) ?? "").lowercased()
        let cls = (tree.attribute("class", of: n) ?? "").lowercased()
        if ["zoom", "ucap-content", "content_text", "articlecontent", "article-content"].contains(id) { return true }
        for marker in ["trs_editor", "pages_content", "article-content", "article_content", "content_text", "view tab_conter"]
        where cls.contains(marker) {
            return true
        }
        return false
    }

    /// The last heading (h1–h3, or an element whose class/id names a title; not a label ending with a colon)
    /// before `content` in document order and outside it: the page's title, usually set above the text container. Linear in the nodes before
    /// `content`, however deep the page nests.
    static func precedingHeading(_ tree: MarkupTree, before content: Int) -> Int? {
        // The ancestors of `content` (a heading must not contain the text), and for every node before it whether
        // it lies inside a skipped element (nodes are in pre-order: parents first).
        var ancestors = Set<Int>()
        var a = content
        while a >= 0 { ancestors.insert(a); a = Int(tree.parents[a]) }
        var inSkipped = [Bool](repeating: false, count: max(content, 1))
        var found: Int?
        for n in 1..<max(content, 1) {
            let p = Int(tree.parents[n])
            let parentSkipped = p > 0 && (inSkipped[p] || skipped.contains(tree.names[p]))
            inSkipped[n] = parentSkipped
            guard tree.kinds[n] == .element, !ancestors.contains(n), !parentSkipped else { continue }
            let name = tree.names[n]
            var isHeading = name == "h1" || name == "h2" || name == "h3"
            if !isHeading, name == "div" || name == "p" || name == "td" {
                let key = ((tree.attribute("class", of: n) ?? "") + " " + (tree.attribute("id", of: n) ?? "")).lowercased()
                isHeading = key.contains("title") && !key.contains("subtitle")
            }
            guard isHeading else { continue }
            let text = squeezed(tree.textContent(of: n))
            // (A label ending with a colon — "关联稿件：", "相关链接:" — heads a list, not the page.)
            if text.hasSuffix("：") || text.hasSuffix(":") { continue }
            let length = text.unicodeScalars.count
            if length >= 4 && length <= 200 { found = n }
        }
        return found
    }
}

/// `s` without any whitespace.
func squeezed(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars where !isSpace(u) { out.append(u) }
    return String(out)
}

/// Whitespace as pages use it: ASCII, no-break, ideographic, the typographic spaces, BOM.
@inline(__always)
func isSpace(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
    return v == 0xA0 || v == 0x3000 || (v >= 0x2000 && v <= 0x200B) || v == 0x2028 || v == 0x2029
        || v == 0x202F || v == 0x205F || v == 0xFEFF || v == 0x85 || v == 0x1680
}

/// Walks an element's subtree in document order, emitting lines of text with their original offsets.
struct HTMLTextWalker {
    let tree: MarkupTree
    let decoded: DecodedBytes
    var builder = DerivedTextBuilder()
    /// Decoded-byte offset where the search for the next text node starts.
    private var cursor = 0
    private let lineStarts: LineStarts

    init(tree: MarkupTree, decoded: DecodedBytes) {
        self.tree = tree
        self.decoded = decoded
        lineStarts = LineStarts(decoded.utf8)
    }

    /// Emits `node` and its subtree in document order. Iterative (an explicit stack, not recursion), so a page
    /// nested a hundred thousand elements deep is read like any other.
    mutating func emit(_ node: Int) {
        // A step is a node to open, or a block element to close (its line ends after its children).
        enum Step { case open(Int), close }
        var steps: [Step] = [.open(node)]
        while let step = steps.popLast() {
            guard case .open(let n) = step else { builder.endLine(); continue }
            switch tree.kinds[n] {
            case .text:
                emitText(n)
            case .root:
                steps.append(contentsOf: tree.children(of: n).reversed().map(Step.open))
            case .element:
                let name = tree.names[n]
                if HTMLReader.skipped.contains(name) { continue }
                if name == "br" { builder.endLine(); continue }
                let isBlock = HTMLReader.blocks.contains(name)
                if isBlock { builder.endLine(); steps.append(.close) }
                if (name == "td" || name == "th") && !builder.lineIsEmpty {
                    builder.append(" ", from: builder.offsets.last ?? 0)
                }
                steps.append(contentsOf: tree.children(of: n).reversed().map(Step.open))
            }
        }
    }

    /// Emits a text node, locating it in the decoded file: from its parent's line, skip tags to the first
    /// character of text, then align scalar by scalar (entities and whitespace tolerated). A node that mostly
    /// does not align (text libxml2 made out of markup it could not parse, such as the declarations of an internal
    /// DTD subset) does not move the search on: the text after it is still found where it is.
    /// Emits the first `scalars` scalars of text node `node`, each from its place in the file.
    mutating func emit(_ node: Int, scalars: Int) {
        emitText(node, limit: scalars)
    }

    private mutating func emitText(_ node: Int, limit: Int = Int.max) {
        let text = tree.texts[node]
        let parent = Int(tree.parents[node])
        let line = max(1, tree.lines[parent] > 0 ? tree.lines[parent] : tree.lines[node])
        let lineStart = lineStarts.start(ofLine: min(line, lineStarts.count))
        // Indentation between tags is not the text: a node that starts with a visible scalar starts after it.
        let startsVisible = text.unicodeScalars.first.map { !isSpace($0) } ?? false
        var position = locate(from: max(cursor, lineStart), skippingSpaces: startsVisible)
        let bytes = decoded.utf8
        // The parser's line can be wrong (an internal DTD subset shifts libxml2's count): when the text does not
        // start where the line says, look for it after the previous text instead.
        if cursor < lineStart, let first = text.unicodeScalars.first(where: { !isSpace($0) }), !startsWith(first, near: position) {
            let afterPrevious = locate(from: cursor, skippingSpaces: startsVisible)
            if startsWith(first, near: afterPrevious) { position = afterPrevious }
        }
        var encoded: [UInt8] = []
        var visible = 0, aligned = 0
        var mappedOffsets: [Int32] = []
        for u in text.unicodeScalars {
            encoded.removeAll(keepingCapacity: true)
            UTF8.encode(u) { encoded.append($0) }
            let here = min(position, bytes.count)
            var mapped = here
            if !isSpace(u) { visible += 1 }
            if matches(encoded, at: here) {
                position = here + encoded.count
                if !isSpace(u) { aligned += 1 }
            } else if here < bytes.count, bytes[here] == UInt8(ascii: "&"), entity(at: here, couldStandFor: u) {
                aligned += 1
                // An entity reference: it stands for this scalar.
                var end = here + 1
                while end < bytes.count, end - here < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
                position = end < bytes.count && bytes[end] == UInt8(ascii: ";") ? end + 1 : here + 1
            } else if !isSpace(u) {
                // Resynchronise: the scalar a little further on (after markup the parser repaired, "\r" …).
                var probe = here + 1
                while probe < bytes.count, probe - here < 256, !matches(encoded, at: probe) { probe += 1 }
                if probe < bytes.count, probe - here < 256 {
                    mapped = probe
                    position = probe + encoded.count
                }
            }
            mappedOffsets.append(decoded.offsets[min(mapped, decoded.offsets.count - 1)])
        }
        if aligned * 2 >= visible {
            for (u, offset) in zip(text.unicodeScalars, mappedOffsets).prefix(limit) { builder.append(u, from: offset) }
            cursor = max(cursor, position)
        } else {
            // Unaligned: every scalar at the place the search had reached, so offsets stay in file order.
            let here = decoded.offsets[min(cursor, decoded.offsets.count - 1)]
            for u in text.unicodeScalars.prefix(limit) { builder.append(u, from: here) }
        }
    }

    /// Whether the entity reference at `i` (`&name;`, `&#123;`, `&#x7B;`) can stand for `scalar`: a numeric one
    /// only for its own value, the common named ones only for their characters (`&nbsp;` for a space), any other
    /// name for anything.
    private func entity(at i: Int, couldStandFor scalar: Unicode.Scalar) -> Bool {
        let bytes = decoded.utf8
        var end = i + 1
        while end < bytes.count, end - i < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return true }
        let name = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.map { $0 == scalar.value } ?? true
        }
        switch name {
        case "nbsp", "ensp", "emsp", "thinsp": return isSpace(scalar)
        case "amp": return scalar == "&"
        case "lt": return scalar == "<"
        case "gt": return scalar == ">"
        case "quot": return scalar == "\""
        case "apos": return scalar == "'"
        default: return true
        }
    }

    /// Whether `scalar` (the first non-space scalar of a text node) is at `position`, after at most a few spaces.
    private func startsWith(_ scalar: Unicode.Scalar, near position: Int) -> Bool {
        var encoded: [UInt8] = []
        UTF8.encode(scalar) { encoded.append($0) }
        let bytes = decoded.utf8
        var i = position
        while i < bytes.count, i - position < 64, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return matches(encoded, at: i) || (i < bytes.count && bytes[i] == UInt8(ascii: "&"))
    }

    private func matches(_ encoded: [UInt8], at i: Int) -> Bool {
        let bytes = decoded.utf8
        guard i + encoded.count <= bytes.count else { return false }
        for k in 0..<encoded.count where bytes[i + k] != encoded[k] { return false }
        return true
    }

    /// Where a text node starts at or after `start`: the first byte after any tags and comments (and, when
    /// `skippingSpaces`, after the whitespace between them).
    private func locate(from start: Int, skippingSpaces: Bool = false) -> Int {
        let bytes = decoded.utf8
        var i = start
        var scanned = 0
        while i < bytes.count, scanned < 1 << 16 {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), i + 1 < bytes.count,
               isTagStart(bytes[i + 1]) {
                if i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = findEndOfComment(from: i + 4)
                } else {
                    var quote: UInt8 = 0
                    i += 1
                    while i < bytes.count {
                        let c = bytes[i]
                        if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == UInt8(ascii: ">") { break }
                        i += 1
                    }
                    i += 1
                }
                scanned += 1
                continue
            }
            if skippingSpaces && (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) {
                i += 1
                continue
            }
            return i
        }
        return start
    }

    private func isTagStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "/") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
    }

    private func findEndOfComment(from start: Int) -> Int {
        let bytes = decoded.utf8
        var i = start
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: ">") { return i + 3 }
            i += 1
        }
        return bytes.count
    }
}
