// jemalloc's options, which it reads when the process starts (CMakeLists.txt links jemalloc into
// the asynclint executable, never into the sanitized or WebAssembly builds). A loaded
// 10,000-channel tree is some 300 MiB of small nodes: with 4 KiB pages, faulting them in cost a
// fifth of `diff`'s time on the machine of bench/README.md; transparent huge pages for the heap
// (where the kernel offers them, `madvise` mode included) cut that to a few hundred faults.
// Small documents are no slower (bench/README.md).
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's (malloc_conf(3)).
const char* malloc_conf = "thp:always,metadata_thp:always";
}
