import PolicyCore

// The ontology as a `BinaryArchivable` value: every record field by field, so that a compiled ontology reads back
// equal to the one its data files load (`Ontology.load(directory:)`); the name indexes are rebuilt by `init`.

extension Ontology: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(agencies)
        writer.write(regions)
        writer.write(programmes)
        writer.write(targetVocabulary)
        writer.write(localBodySuffixes)
        writer.write(genericRoles)
        writer.write(organizations)
        writer.write(bodyHeads)
        writer.write(issuanceVerbs)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(agencies: try reader.read(), regions: try reader.read(), programmes: try reader.read(),
                  targetVocabulary: try reader.read(), localBodySuffixes: try reader.read(), genericRoles: try reader.read(),
                  organizations: try reader.read(), bodyHeads: try reader.read(), issuanceVerbs: try reader.read())
    }
}

extension AgencyLevel: BinaryArchivable {}
extension RegionLevel: BinaryArchivable {}
extension BodyHead.Kind: BinaryArchivable {}
extension IssuanceVerb.Use: BinaryArchivable {}
extension ComparatorPosition: BinaryArchivable {}

extension ArchiveWriter {
    fileprivate mutating func write(optionalInt value: Int?) {
        write(value != nil)
        if let value { write(Int64(value)) }
    }
}

extension ArchiveReader {
    fileprivate mutating func readOptionalInt() throws -> Int? {
        try read(Bool.self) ? Int(try read(Int64.self)) : nil
    }
}

extension OntologyRecord: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(file)
        writer.write(Int64(line))
        writer.write(Int64(byteStart))
        writer.write(Int64(byteEnd))
        writer.write(text)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(file: try reader.read(), line: Int(try reader.read(Int64.self)), byteStart: Int(try reader.read(Int64.self)),
                  byteEnd: Int(try reader.read(Int64.self)), text: try reader.read())
    }
}

extension Agency: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(canonical)
        writer.write(aliases)
        writer.write(level)
        writer.write(parent)
        writer.write(optionalInt: validFrom)
        writer.write(optionalInt: validUntil)
        writer.write(successor)
        writer.write(record)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(canonical: try reader.read(), aliases: try reader.read(), level: try reader.read(), parent: try reader.read(),
                  validFrom: try reader.readOptionalInt(), validUntil: try reader.readOptionalInt(),
                  successor: try reader.read(), record: try reader.read())
    }
}

extension Region: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(code)
        writer.write(canonical)
        writer.write(aliases)
        writer.write(level)
        writer.write(parentCode)
        writer.write(record)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(code: try reader.read(), canonical: try reader.read(), aliases: try reader.read(), level: try reader.read(),
                  parentCode: try reader.read(), record: try reader.read())
    }
}

extension Programme: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(canonical)
        writer.write(aliases)
        writer.write(core)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(canonical: try reader.read(), aliases: try reader.read(), core: try reader.read(Bool.self))
    }
}

extension LocalBodySuffix: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(surface)
        writer.write(template)
        writer.write(levels.sorted { $0.rawValue < $1.rawValue })
        writer.write(parentTemplate)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(surface: try reader.read(), template: try reader.read(), levels: Set(try reader.read([RegionLevel].self)),
                  parentTemplate: try reader.read())
    }
}

extension NamedOrganization: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(canonical)
        writer.write(aliases)
        writer.write(kind)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(canonical: try reader.read(), aliases: try reader.read(), kind: try reader.read())
    }
}

extension BodyHead: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(head)
        writer.write(kind)
        writer.write(strong)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(head: try reader.read(), kind: try reader.read(), strong: try reader.read(Bool.self))
    }
}

extension IssuanceVerb: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(verb)
        writer.write(uses.sorted { $0.rawValue < $1.rawValue })
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(verb: try reader.read(), uses: Set(try reader.read([Use].self)))
    }
}

extension TargetVocabulary: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(units)
        writer.write(comparators)
        writer.write(redLineWords)
        writer.write(kindWords)
        writer.write(deadlinePatterns)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(units: try reader.read(), comparators: try reader.read(), redLineWords: try reader.read(),
                  kindWords: try reader.read(), deadlinePatterns: try reader.read())
    }
}

extension TargetUnit: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(name)
        writer.write(base)
        writer.write(scale)
        writer.write(dimension)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(name: try reader.read(), base: try reader.read(), scale: try reader.read(Double.self), dimension: try reader.read())
    }
}

extension ComparatorPhrase: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(phrase)
        writer.write(symbol)
        writer.write(position)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(phrase: try reader.read(), symbol: try reader.read(), position: try reader.read())
    }
}

extension TargetKindWord: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(word)
        writer.write(kind)
    }

    public init(from reader: inout ArchiveReader) throws {
        self.init(word: try reader.read(), kind: try reader.read())
    }
}
