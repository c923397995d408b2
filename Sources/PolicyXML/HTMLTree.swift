import CLibXML2

/// A parsed HTML or XML document as flat arrays (no libxml2 pointers escape this module).
/// Node 0 is the document root; elements carry lower-cased local names, text nodes their decoded text.
public struct MarkupTree: Sendable {
    /// What a node is.
    public enum NodeKind: UInt8, Sendable { case root, element, text }

    public private(set) var kinds: [NodeKind] = []
    /// Element local name (lower-cased for HTML), "" for text and the root.
    public private(set) var names: [String] = []
    /// Text of a text/CDATA node, "" otherwise.
    public private(set) var texts: [String] = []
    /// 1-based line in the parsed input where the node starts (0 when unknown).
    public private(set) var lines: [Int] = []
    public private(set) var parents: [Int32] = []
    public private(set) var firstChild: [Int32] = []
    public private(set) var nextSibling: [Int32] = []
    private var attributeStart: [Int32] = []
    private var attributeNames: [String] = []
    private var attributeValues: [String] = []

    public var count: Int { kinds.count }

    /// Parses HTML tolerantly (broken markup is repaired). `encoding` is an iconv name such as "GB18030";
    /// nil lets libxml2 detect it (BOM, meta charset), defaulting to UTF-8. `XML_PARSE_HUGE` lifts libxml2's
    /// nesting limit of 256 elements, past which it silently drops the rest of the page (CMS templates nest deep).
    public static func parseHTML(_ bytes: [UInt8], encoding: String?) -> MarkupTree? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { base in
                htmlReadMemory(base, Int32(buf.count), nil, encoding, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        return MarkupTree(document: doc, lowercaseNames: true)
    }

    /// Parses well-formed XML (entities expanded, no network). Nil when the input is not XML.
    public static func parseXML(_ bytes: [UInt8]) -> MarkupTree? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { base in
                xmlReadMemory(base, Int32(buf.count), nil, nil, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        return MarkupTree(document: doc, lowercaseNames: false)
    }

    private init(document: xmlDocPtr, lowercaseNames: Bool) {
        appendNode(.root, name: "", text: "", line: 0, parent: -1)
        // Iterative depth-first walk over libxml2's tree.
        var stack: [(xmlNodePtr, Int32)] = []
        var child = document.pointee.children
        var pending: [(xmlNodePtr, Int32)] = []
        while let c = child { pending.append((c, 0)); child = c.pointee.next }
        stack.append(contentsOf: pending.reversed())
        var lastChildOf: [Int32: Int32] = [:]
        while let (node, parent) = stack.popLast() {
            let type = node.pointee.type
            let index: Int32
            if type == XML_ELEMENT_NODE {
                var name = node.pointee.name.map { String(cString: $0) } ?? ""
                if lowercaseNames { name = name.lowercased() }
                index = appendNode(.element, name: name, text: "", line: Int(xmlGetLineNo(node)), parent: parent)
                attributeStart[Int(index)] = Int32(attributeNames.count)
                var attribute = node.pointee.properties
                while let a = attribute {
                    var aname = a.pointee.name.map { String(cString: $0) } ?? ""
                    if lowercaseNames { aname = aname.lowercased() }
                    var value = ""
                    var valueNode = a.pointee.children
                    while let v = valueNode {
                        if let content = v.pointee.content { value += String(cString: content) }
                        valueNode = v.pointee.next
                    }
                    attributeNames.append(aname)
                    attributeValues.append(value)
                    attribute = a.pointee.next
                }
                var kids: [(xmlNodePtr, Int32)] = []
                var k = node.pointee.children
                while let c = k { kids.append((c, index)); k = c.pointee.next }
                stack.append(contentsOf: kids.reversed())
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                let text = node.pointee.content.map { String(cString: $0) } ?? ""
                index = appendNode(.text, name: "", text: text, line: Int(xmlGetLineNo(node)), parent: parent)
            } else {
                continue
            }
            if let previous = lastChildOf[parent] {
                nextSibling[Int(previous)] = index
            } else {
                firstChild[Int(parent)] = index
            }
            lastChildOf[parent] = index
        }
        attributeStart.append(Int32(attributeNames.count))
        // Elements without attributes got no start: make starts monotone.
        for i in stride(from: attributeStart.count - 2, through: 0, by: -1) where attributeStart[i] < 0 {
            attributeStart[i] = attributeStart[i + 1]
        }
    }

    @discardableResult
    private mutating func appendNode(_ kind: NodeKind, name: String, text: String, line: Int, parent: Int32) -> Int32 {
        kinds.append(kind)
        names.append(name)
        texts.append(text)
        lines.append(max(0, line))
        parents.append(parent)
        firstChild.append(-1)
        nextSibling.append(-1)
        attributeStart.append(-1)
        return Int32(kinds.count - 1)
    }

    /// The value of attribute `name` on element `node`.
    public func attribute(_ name: String, of node: Int) -> String? {
        let start = Int(attributeStart[node])
        var end = Int(attributeStart[node + 1])
        if end < start { end = start }
        for i in start..<end where attributeNames[i] == name { return attributeValues[i] }
        return nil
    }

    /// Direct children of `node`, in document order.
    public func children(of node: Int) -> [Int] {
        var out: [Int] = []
        var c = Int(firstChild[node])
        while c >= 0 { out.append(c); c = Int(nextSibling[c]) }
        return out
    }

    /// All text below `node`, concatenated in document order.
    public func textContent(of node: Int) -> String {
        if kinds[node] == .text { return texts[node] }
        var out = ""
        var stack = children(of: node).reversed() as [Int]
        while let n = stack.popLast() {
            if kinds[n] == .text { out += texts[n] } else { stack.append(contentsOf: children(of: n).reversed()) }
        }
        return out
    }

    /// Elements named `name` in document order.
    public func elements(named name: String) -> [Int] {
        (0..<count).filter { kinds[$0] == .element && names[$0] == name }
    }

    /// Whether `node` lies below `ancestor` (or is it).
    public func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        var n = node
        while n >= 0 { if n == ancestor { return true }; n = Int(parents[n]) }
        return false
    }
}
