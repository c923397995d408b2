/// The kind of a document found in a file.
public enum DocumentKind: String, Sendable, Codable {
    case notice, opinion, plan, measures, outline, report, news, article, preface, toc, other

    /// The kind a title's final genre word implies ("…的通知" → notice), nil if none (see `GenreWords`).
    public static func fromTitle(_ title: String) -> DocumentKind? {
        GenreWords.genre(ofTitle: title)?.kind
    }
}
