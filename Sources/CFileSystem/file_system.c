#define _GNU_SOURCE
#include "file_system.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <stdio.h>
#include <unistd.h>

#if defined(__linux__) && defined(RENAME_EXCHANGE)
int errdocs_exchange_paths(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
#else
int errdocs_exchange_paths(const char *first, const char *second) {
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
}
#endif

#if defined(__linux__)
long long errdocs_copy_range(int from, long long offset, int to, size_t count) {
    off64_t position = offset;
    return copy_file_range(from, &position, to, NULL, count, 0);
}
#else
long long errdocs_copy_range(int from, long long offset, int to, size_t count) {
    (void)from;
    (void)offset;
    (void)to;
    (void)count;
    errno = ENOSYS;
    return -1;
}
#endif

void errdocs_write_stdout(const void *bytes, size_t count) {
    fwrite(bytes, 1, count, stdout);
}

int errdocs_finish_stdout(void) {
    errno = 0;
    int flushed = fflush(stdout);
    return (flushed != 0 || ferror(stdout)) ? -1 : 0;
}
