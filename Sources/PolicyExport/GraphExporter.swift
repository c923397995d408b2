#if canImport(Glibc)
import Glibc
#endif
import PolicyCore
import PolicyStore
import PolicyXML

/// The entry point of `kg export`: writes a graph in one format to a path (or "-" for standard output), streaming.
public enum GraphExporter {
    /// Writes `graph` as `format`. For `.neo4j`, `path` is a directory that receives `nodes.csv` and
    /// `relationships.csv`. Returns the paths written.
    @discardableResult
    public static func export(_ graph: Graph, format: ExportFormat, options: ExportOptions, to path: String) throws -> [String] {
        try exportCountingBytes(graph, format: format, options: options, to: path).paths
    }

    /// `export`, also returning the number of bytes written.
    public static func exportCountingBytes(_ graph: Graph, format: ExportFormat, options: ExportOptions,
                                           to path: String) throws -> (paths: [String], bytes: Int) {
        if options.view == .coissue && [.rdfxml, .turtle, .ntriples, .nquads, .jsonl].contains(format) {
            throw KGError("--view coissue is available for graphml, gexf, neo4j and dot; \(format.rawValue) exports the full graph")
        }
        if options.yEd && format != .graphml { throw KGError("--flavour yed applies to graphml only") }
        let view = try GraphView(graph: graph, options: options)
        switch format {
        case .neo4j:
            if path == "-" { throw KGError("neo4j export writes two files: give --out DIRECTORY") }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw KGError(file: path, "cannot create directory: \(String(cString: strerror(errno)))")
            }
            let nodesPath = path + "/nodes.csv", relationshipsPath = path + "/relationships.csv"
            let nodes = try ExportDestination(path: nodesPath), rels = try ExportDestination(path: relationshipsPath)
            let nodeSink = ByteSink(fileDescriptor: nodes.fileDescriptor, path: nodesPath)
            let relSink = ByteSink(fileDescriptor: rels.fileDescriptor, path: relationshipsPath)
            try Neo4jCSVWriter(view: view, options: options).write(nodes: nodeSink, relationships: relSink)
            try nodes.commit()
            try rels.commit()
            return ([nodesPath, relationshipsPath], nodeSink.bytesWritten + relSink.bytesWritten)
        default:
            let destination = try ExportDestination(path: path)
            let bytes: Int
            do {
                bytes = try write(view, format: format, options: options, fileDescriptor: destination.fileDescriptor, path: path)
            } catch let e as XMLWriterError {
                throw KGError(file: path, e.description)
            }
            try destination.commit()
            return ([path], bytes)
        }
    }

    /// Writes one single-file format to an open file descriptor; returns the number of bytes written.
    @discardableResult
    public static func write(_ view: GraphView, format: ExportFormat, options: ExportOptions,
                             fileDescriptor fd: Int32, path: String) throws -> Int {
        switch format {
        case .graphml, .gexf, .rdfxml:
            let xml = try XMLWriter(fileDescriptor: fd)
            switch format {
            case .graphml: try GraphMLWriter(view: view, options: options).write(to: xml)
            case .gexf: try GEXFWriter(view: view, options: options).write(to: xml)
            default:
                var mapper = RDFMapper(view: view, baseIRI: options.baseIRI, namedGraphs: false)
                try mapper.write(to: RDFXMLSerializer(xml: xml))
            }
            return xml.bytesWritten
        default:
            let sink = ByteSink(fileDescriptor: fd, path: path)
            switch format {
            case .turtle:
                var mapper = RDFMapper(view: view, baseIRI: options.baseIRI, namedGraphs: false)
                try mapper.write(to: TurtleSerializer(out: sink))
            case .ntriples, .nquads:
                var mapper = RDFMapper(view: view, baseIRI: options.baseIRI, namedGraphs: format == .nquads)
                try mapper.write(to: NTriplesSerializer(out: sink, quads: format == .nquads))
            case .jsonl: try JSONLWriter(view: view).write(to: sink)
            case .dot: try DOTWriter(view: view, options: options).write(to: sink)
            default: throw KGError("neo4j export writes a directory; use GraphExporter.export")
            }
            try sink.flush()
            return sink.bytesWritten
        }
    }
}
