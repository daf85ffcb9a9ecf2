#include "allocator.h"

// Any C library header defines __GLIBC__ on glibc (stddef.h is the compiler's own).
#include <limits.h>

#if defined(__GLIBC__)
#include <malloc.h>

int errdocs_map_blocks_of_at_least(size_t bytes) {
    if (bytes > INT_MAX) return 0;
    return mallopt(M_MMAP_THRESHOLD, (int)bytes) == 1;
}
#else
int errdocs_map_blocks_of_at_least(size_t bytes) {
    (void)bytes;
    return 0;
}
#endif
