import Foundation
import PolicyCore

/// Finds the files to ingest below `paths` (files or folders, folders walked recursively in sorted order).
/// Files with an unsupported extension found in folders, hidden files, empty files and symbolic links met while
/// walking a folder (never followed, so a link cannot lead outside the named roots or round a loop) are skipped;
/// `skip(path, reason)` hears about each (default: one line on standard error). Files named explicitly are taken
/// whatever their extension (read as their magic bytes or as plain text), and a named symbolic link is followed:
/// the user asked for it.
///
/// A named path that does not exist, and a folder or file that exists but cannot be read, are errors reported to
/// `fail` (with `KGError.Kind.notFound` or `.unreadable`): the caller must not take them for "nothing there".
///
/// Each input carries its `SourceIdentity`; a file reached twice (two spellings, or a folder and a file in it both
/// named) is taken once.
///
/// A `.zip` (named or found in a folder) stands for its members, walked in archive order under the same rules
/// (nested folders included; hidden and `__MACOSX` entries passed over silently, unsupported extensions, empty
/// members, symbolic links, archives inside the archive and unsafe paths — absolute or with `..` — skipped with a
/// reason, as are members over the size limits of `ZipArchive.sizeLimitReason` — too large, or compressed more than
/// text ever is — and those past `ZipArchive.largestTotalSize` inflated bytes for the whole archive). A member's path is `archive.zip!/dir/member.txt`;
/// such a path may also be named explicitly.
/// An archive that cannot be read is not skipped but reported to `fail` (default: an error line on standard
/// error) as an error naming the archive.
public func discoverInputs(paths: [String],
                           skip: (String, String) -> Void = { path, reason in
                               FileHandle.standardError.write(Data("skip: \(path): \(reason)\n".utf8))
                           },
                           fail: (KGError) -> Void = { error in
                               FileHandle.standardError.write(Data((error.description + "\n").utf8))
                           }) -> [Input] {
    var out: [Input] = []
    var seen = Set<String>()
    let fm = FileManager.default

    func addMembers(of archivePath: String, only memberName: String? = nil) {
        let archive: ZipArchive
        do { archive = try ZipArchive(path: archivePath) } catch let e as KGError { fail(e); return } catch {
            fail(KGError(file: archivePath, "\(error)")); return
        }
        let archiveIdentity = SourceIdentity.of(archivePath)
        var totalSize = 0
        for member in archive.members where memberName == nil || member.name == memberName {
            let memberPath = ArchiveMemberPath.join(archive: archivePath, member: member.name)
            if member.kind == .directory { continue }
            let components = member.name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if let reason = unsafeMemberPathReason(member.name, components: components) { skip(memberPath, reason); continue }
            if memberName == nil && components.contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" }) { continue }
            if member.kind == .symbolicLink { skip(memberPath, "symbolic link in the archive"); continue }
            let ext = fileExtension(of: member.name)
            var format = InputFormat(extension: ext)
            if format == nil, let reason = archiveSkipReason(member.name) { skip(memberPath, reason); continue }
            if format == nil && memberName == nil {
                skip(memberPath, ext.isEmpty ? "no file extension" : "unsupported extension .\(ext)")
                continue
            }
            if format == nil { format = .text }
            if member.size == 0 { skip(memberPath, "empty file"); continue }
            if let reason = ZipArchive.sizeLimitReason(member) { skip(memberPath, reason); continue }
            if totalSize + member.size > ZipArchive.largestTotalSize {
                skip(memberPath, "the archive's members inflate to more than \(ZipArchive.largestTotalSize >> 30) GiB together")
                continue
            }
            totalSize += member.size
            let identity = ArchiveMemberPath.join(archive: archiveIdentity, member: member.name)
            if !seen.insert(identity).inserted { continue }
            out.append(Input(path: memberPath, identity: identity, format: format!, size: member.size,
                             location: .zipMember(archive, member)))
        }
        if let memberName, !archive.members.contains(where: { $0.name == memberName }) {
            skip(ArchiveMemberPath.join(archive: archivePath, member: memberName), "no such member in the archive")
        }
        archive.closeIdleHandles()
    }

    func visit(_ path: String, explicit: Bool) {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if explicit, let (archive, member) = ArchiveMemberPath.split(path), fm.fileExists(atPath: archive) {
                addMembers(of: archive, only: member)
            } else if explicit {
                fail(KGError(file: path, kind: .notFound, "no such file or folder"))
            } else {
                skip(path, "no such file or folder")
            }
            return
        }
        if !explicit && isSymbolicLink(path) { skip(path, "symbolic link (not followed)"); return }
        if isDirectory.boolValue {
            guard let entries = listFolder(path) else {
                fail(KGError(file: path, kind: .unreadable, "cannot list the folder (nothing below it was read)"))
                return
            }
            let folder = path.hasSuffix("/") ? path : path + "/"
            var names: [String] = []
            for entry in entries where entry.bytes.first != UInt8(ascii: ".") {
                if let name = entry.name {
                    names.append(name)
                } else {
                    skip(folder + entry.displayName, "the file name is not UTF-8 and kg records UTF-8 paths only: rename it "
                        + "(e.g. convmv -f gbk -t utf-8 -r --notest FOLDER) and ingest again")
                }
            }
            for name in names.sorted() { visit(folder + name, explicit: false) }
            return
        }
        let ext = fileExtension(of: path)
        if ext.lowercased() == "zip" { addMembers(of: path); return }
        let byExtension = InputFormat(extension: ext)
        if byExtension == nil, let reason = archiveSkipReason(path) { skip(path, reason); return }
        if !explicit && byExtension == nil {
            skip(path, ext.isEmpty ? "no file extension" : "unsupported extension .\(ext)")
            return
        }
        guard let attributes = try? fm.attributesOfItem(atPath: path), let size = (attributes[.size] as? NSNumber)?.intValue else {
            fail(KGError(file: path, kind: .unreadable, "cannot read the file's attributes")); return
        }
        if size == 0 { skip(path, "empty file"); return }
        let identity = SourceIdentity.of(path)
        if !seen.insert(identity).inserted { return }
        var format = byExtension ?? .text
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = handle.readData(ofLength: 512)
            try? handle.close()
            format = InputFormat.detect(path: path, head: ArraySlice([UInt8](head)))
        } else {
            fail(KGError(file: path, kind: .unreadable, "cannot open the file (permission denied or unreadable)")); return
        }
        out.append(Input(path: path, identity: identity, format: format, size: size))
    }
    for p in paths { visit(p, explicit: true) }
    for i in out.indices { out[i].ordinal = i }
    return out
}

/// Whether `path` itself (not what it points to) is a symbolic link.
func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

/// Why a member path is unsafe to use (absolute, a drive letter, or a `..` component), nil when it is safe.
func unsafeMemberPathReason(_ name: String, components: [Substring]) -> String? {
    let absolute = name.hasPrefix("/") || name.hasPrefix("\\") || (components.first.map { $0.count == 2 && $0.hasSuffix(":") } ?? false)
    if absolute || components.contains("..") { return "unsafe path in the archive (absolute or with ..)" }
    return nil
}

/// The skip reason of an archive format other than zip (nil for other names).
func archiveSkipReason(_ path: String) -> String? {
    let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    for suffix in [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".7z", ".rar", ".gz", ".zip"] where name.hasSuffix(suffix) {
        return suffix == ".zip" ? "archive inside an archive is not read" : "unsupported archive \(suffix) (only .zip archives are read)"
    }
    return nil
}
