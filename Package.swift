// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "PolicyKG",
    products: [
        .executable(name: "kg", targets: ["kg"]),
        .library(name: "PolicyKG", targets: [
            "PolicyCore", "PolicyGrammar", "PolicyText", "PolicyOntology", "PolicyExtraction", "PolicyStore",
            "PolicyQuery", "PolicyExport", "PolicyFormats", "PolicyEvaluation", "PolicyIngest", "PolicyServe",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Shared vocabulary: node/edge kinds, attribute values, evidence, contributions, errors.
        .target(name: "PolicyCore"),
        // The combinator layer extraction grammars are written in: patterns over Unicode scalars, word sets, captures.
        .target(name: "PolicyGrammar"),
        // OpenCC (traditional → simplified Chinese), linked once; only PolicyText imports it.
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        // Reading files, encodings, normalisation with an offset map, sentences, document segmentation.
        .target(name: "PolicyText", dependencies: ["PolicyCore", "PolicyGrammar", "COpenCC", .product(name: "Crypto", package: "swift-crypto")],
                exclude: ["DOCUMENTS.md"]),
        // The ontology: gazetteers of agencies, regions, programmes and target vocabulary, loaded from Ontology/.
        .target(name: "PolicyOntology", dependencies: ["PolicyCore"]),
        // Longest-match automaton, entity and relation extractors, the extraction pipeline.
        .target(name: "PolicyExtraction", dependencies: ["PolicyCore", "PolicyGrammar", "PolicyText", "PolicyOntology", .product(name: "Crypto", package: "swift-crypto")],
                exclude: ["TARGETS.md", "README.md"]),
        // CRC-32C with the SSE 4.2 crc32 instruction (PolicyStore falls back to software without it).
        .target(name: "CCRC32C"),
        // The frozen graph, its builder, snapshots and incremental ingest bookkeeping.
        .target(name: "PolicyStore", dependencies: [
            "PolicyCore", "CCRC32C",
            .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["SNAPSHOT-FORMAT.md"]),
        // Questions users ask: path, coissue, neighbours, entity card, targets, stats.
        .target(name: "PolicyQuery", dependencies: ["PolicyCore", "PolicyStore"]),
        // libxml2, linked once; only PolicyXML imports it.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "PolicyXML", dependencies: ["CLibXML2"]),
        // Writers for GraphML, GEXF, RDF, Neo4j CSV, JSONL, DOT.
        .target(name: "PolicyExport", dependencies: ["PolicyCore", "PolicyStore", "PolicyQuery", "PolicyXML"]),
        // Input formats beyond plain text: HTML, DOCX, PDF.
        .target(name: "PolicyFormats", dependencies: [
            "PolicyCore", "PolicyText", "PolicyXML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The ingest loop as a library: discover → parallel extract → upsert → checkpointed saves → summary.
        .target(name: "PolicyIngest", dependencies: [
            "PolicyCore", "PolicyFormats", "PolicyExtraction", "PolicyOntology", "PolicyStore",
        ]),
        // Accuracy report against gold annotations (the scorer of shared/eval, inside the tool).
        .target(name: "PolicyEvaluation", dependencies: ["PolicyCore", "PolicyStore"]),
        // `kg serve`: the read-only web explorer (Hummingbird 2, Mustache templates, compiled-in assets).
        .target(name: "PolicyServe", dependencies: [
            "PolicyCore", "PolicyText", "PolicyStore", "PolicyQuery", "PolicyExport", "PolicyFormats",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "kg", dependencies: [
            "PolicyCore", "PolicyText", "PolicyOntology", "PolicyExtraction", "PolicyStore", "PolicyQuery",
            "PolicyExport", "PolicyFormats", "PolicyEvaluation", "PolicyIngest", "PolicyServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The readers as fuzzing targets, and their libFuzzer entry point / replayer (`Fuzz/run.sh`).
        .target(name: "PolicyFuzzing", dependencies: ["PolicyCore", "PolicyText", "PolicyFormats", "PolicyStore"]),
        .executableTarget(name: "kg-fuzz", dependencies: ["PolicyFuzzing"]),
        // Release-build benchmarks (not tests): `swift run -c release kg-bench --help`.
        .executableTarget(name: "kg-bench", dependencies: [
            "PolicyCore", "PolicyText", "PolicyOntology", "PolicyExtraction", "PolicyStore", "PolicyQuery",
            "PolicyExport", "PolicyFormats", "PolicyIngest", "PolicyServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "PolicyGrammarTests", dependencies: ["PolicyGrammar", "TestSupport"]),
        .testTarget(name: "PolicyFuzzingTests", dependencies: ["PolicyFuzzing"]),
        .testTarget(name: "PolicyTextTests", dependencies: ["PolicyText", "TestSupport"]),
        .testTarget(name: "PolicyOntologyTests", dependencies: ["PolicyOntology"]),
        .testTarget(name: "PolicyExtractionTests", dependencies: ["PolicyExtraction", "PolicyText", "TestSupport"]),
        .testTarget(name: "PolicyStoreTests", dependencies: ["PolicyStore", "TestSupport"]),
        .testTarget(name: "PolicyQueryTests", dependencies: ["PolicyQuery", "PolicyStore", "TestSupport"]),
        .testTarget(name: "PolicyExportTests", dependencies: ["PolicyExport", "PolicyStore", "PolicyXML", "CLibXML2", "TestSupport"]),
        .testTarget(name: "PolicyFormatsTests", dependencies: [
            "PolicyFormats", "PolicyText", "PolicyExtraction", "PolicyOntology", "TestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "PolicyIngestTests", dependencies: [
            "PolicyIngest", "PolicyCore", "PolicyFormats", "PolicyExtraction", "PolicyOntology", "PolicyStore", "TestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures"]),
        // End to end: the demo corpus and its committed exports, the real corpus and its queries.
        .testTarget(name: "IntegrationTests", dependencies: [
            "PolicyCore", "PolicyText", "PolicyOntology", "PolicyExtraction", "PolicyStore", "PolicyQuery", "PolicyExport",
            "PolicyIngest", "TestSupport",
        ]),
        .testTarget(name: "PolicyServeTests", dependencies: [
            "PolicyServe", "PolicyStore", "PolicyQuery", "PolicyCore", "PolicyExtraction", "PolicyFormats", "PolicyOntology", "PolicyText", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "PolicyEvaluationTests", dependencies: ["PolicyEvaluation", "PolicyStore", "TestSupport"]),
        // Helpers shared by test targets (paths, CI detection, running tools, seeded randomness).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ]
)
