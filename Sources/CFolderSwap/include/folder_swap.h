#ifndef ERRDOCS_FOLDER_SWAP_H
#define ERRDOCS_FOLDER_SWAP_H

/// Atomically exchanges two existing paths (Linux renameat2 with RENAME_EXCHANGE), so that
/// at every instant one complete site is in place. Returns 0 on success, or -1 with errno
/// set (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int errdocs_exchange_paths(const char *first, const char *second);

#endif
