//! How the C library's allocator treats the memory a run frees.
//!
//! A run builds up its measures, findings and sheet blocks (a few hundred
//! megabytes at a few hundred thousand measures) and frees most of it only
//! at the end. glibc's defaults suit a long-lived process instead: blocks
//! above a threshold that adapts (from 128 KiB) are mapped and unmapped one
//! by one, and free memory at the top of a heap is handed back to the
//! kernel as soon as it passes 128 KiB. Each handed-back page costs a page
//! fault when it is used again; at 200 000 measures that was two fifths of
//! the run's page faults and half its system time.

/// Keeps freed memory in the process for reuse until the run ends: blocks
/// up to 32 MiB come from the heaps, and heaps are not trimmed below
/// 1 GiB of free space. Call it once, first thing in `main`, before any
/// thread starts. Elsewhere than glibc it does nothing.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // glibc's largest allowed threshold on 64-bit targets.
        const MMAP_THRESHOLD: libc::c_int = 32 << 20;
        const TRIM_THRESHOLD: libc::c_int = 1 << 30;
        // SAFETY: mallopt only changes the allocator's parameters; it is
        // called before any other thread exists. A value it refuses leaves
        // that parameter as it was (return value 0), which is harmless.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}

/// Hands the memory freed so far back to the kernel, from every arena of
/// the allocator: a long-lived process (`kooste serve`) calls it after a
/// large piece of work (a build) so that it idles small. Elsewhere than
/// glibc it does nothing.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only returns free pages of the allocator's
        // heaps to the kernel; it is thread-safe and touches no live block.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
