#ifndef ERRDOCS_FILE_SYSTEM_H
#define ERRDOCS_FILE_SYSTEM_H

#include <stddef.h>

/// Atomically exchanges two existing paths (Linux renameat2 with RENAME_EXCHANGE), so that
/// at every instant one complete site is in place. Returns 0 on success, or -1 with errno
/// set (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int errdocs_exchange_paths(const char *first, const char *second);

/// Copies up to `count` bytes at `offset` of the open file `from` to the current position of
/// `to`, inside the kernel (Linux copy_file_range). Returns the bytes copied (0 at the end of
/// `from`), or -1 with errno set (ENOSYS, EXDEV, EINVAL or EOPNOTSUPP where the kernel or file
/// system cannot copy: the caller then reads and writes).
long long errdocs_copy_range(int from, long long offset, int to, size_t count);

/// Writes `count` bytes to standard output through the C library's buffer, the one Swift's
/// `print` fills, so the two keep their order.
void errdocs_write_stdout(const void *bytes, size_t count);

/// Flushes standard output. Returns 0 when everything written to it arrived, or -1 with errno
/// set (a full disk, say) when any of it was lost.
int errdocs_finish_stdout(void);

#endif
