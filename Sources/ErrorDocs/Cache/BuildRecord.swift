import ErrorDocsModel
import Foundation

/// What a build wrote and what it was built from, kept with the output so the next build can
/// skip what has not changed.
///
/// A page is reused only when the key of everything it was rendered from is the same and its
/// file is still the one the build wrote; so a record that is stale, or a page changed by hand,
/// costs a re-render, never a wrong page.
public struct BuildRecord: Sendable, Equatable {
    /// The key of every input: tool, catalog folder as named, theme and each catalog file.
    public var inputs: String
    /// The key of what each page was rendered from, by output path.
    public var pages: [String: String]
    /// What the build reported, repeated by a build that finds nothing changed.
    public var diagnostics: [Diagnostic]
    public var errorCount: Int
    /// The hashes of catalog files a later build may reuse while their stamps are unchanged.
    public var inputFiles: [String: HashedFile] = [:]
    /// Where each error's part is in the files made of one part per error (its entry in
    /// registry.json, its Markdown page in llms-full.txt), by file and by the key of what the
    /// part is made from: a later build copies a part whose key is unchanged instead of making
    /// it again. A file no longer as the build wrote it has none.
    public var parts: [String: [String: Range<Int>]] = [:]
    /// True when every page is still as the build wrote it and the output holds no other file:
    /// only then may a build with the same inputs skip everything.
    public var complete = true
    /// The pages and folders that changed since the build (or are gone): a changed folder may
    /// hold a file added by hand. (The stamps read are not kept for the next record: held
    /// through a 100,000-error rebuild they raised its peak by about 45 MB, to over 1 GB.)
    public var changedPages: [String] = []
    public var changedFolders: [String] = []
    /// False when the record was written by another errdocs: no page can be kept then, so its
    /// pages, parts and folders were not read, and what the output holds is not known.
    public var pagesRead = true

    public init(inputs: String, pages: [String: String], diagnostics: [Diagnostic], errorCount: Int) {
        self.inputs = inputs
        self.pages = pages
        self.diagnostics = diagnostics
        self.errorCount = errorCount
    }
}

/// A file's content hash, with the stamp the file had when it was read.
public struct HashedFile: Sendable, Equatable {
    public var hash: String
    public var stamp: FileStamp

    public init(hash: String, stamp: FileStamp) {
        self.hash = hash
        self.stamp = stamp
    }
}
