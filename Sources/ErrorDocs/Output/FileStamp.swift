import Foundation

/// A regular file's (or folder's) size, modification time and inode: a file written, replaced
/// or touched since has another stamp. Read with one `stat(2)`.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int
    public var inode: UInt64

    /// The modification time, in seconds since 1970.
    public var modified: Double { Double(seconds) + Double(nanoseconds) / 1_000_000_000 }

    /// Nil when `path` is not a regular file (or a link to one). A relative `path` is taken
    /// from `folder` when given (an open folder's descriptor: no walk of the folder's own path
    /// for each file), else from the working directory.
    public init?(path: String, in folder: Int32 = AT_FDCWD) {
        self.init(path: path, in: folder, type: S_IFREG)
    }

    /// A folder's stamp: its time changes when an entry is added to it, removed or renamed.
    public init?(folder path: String, in folder: Int32 = AT_FDCWD) {
        self.init(path: path, in: folder, type: S_IFDIR)
    }

    private init?(path: String, in folder: Int32, type: mode_t) {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, (info.st_mode & S_IFMT) == type else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    init(size: Int, seconds: Int, nanoseconds: Int, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }
}
