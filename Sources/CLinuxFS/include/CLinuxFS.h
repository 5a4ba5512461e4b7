#ifndef EDUSITE_CLINUXFS_H
#define EDUSITE_CLINUXFS_H

/// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE), which Swift's Glibc module does not
/// export. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system cannot swap).
int edusite_exchange_paths(const char *first, const char *second);

#endif
