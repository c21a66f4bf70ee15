// Linked into the portable build only (ASYNCLINT_PORTABLE, docs/install.md): it keeps the oldest
// glibc the release binary runs on at 2.34, the floor that the toolchain itself sets
// (__libc_start_main), instead of the 2.36 that two pieces of the static GCC runtime would ask for:
// - libstdc++'s std::random_device calls arc4random (glibc 2.36). asynclint draws no random
//   numbers, but the copy-on-write string code links random_device in;
// - libgcc's unwinder finds the unwind tables of the code that threw with _dl_find_object
//   (glibc 2.35), which is what dl_iterate_phdr (any glibc) answers too, a little slower.
// Defining them here resolves the static runtime's references to these copies, with no versioned
// reference to glibc's.
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <sys/random.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

extern "C" uint32_t arc4random(void) noexcept {
  uint32_t value = 0;
  while (getrandom(&value, sizeof value, 0) != static_cast<ssize_t>(sizeof value)) {
  }
  return value;
}

#if defined(__x86_64__) || defined(__aarch64__)
// On these two, struct dl_find_object has no eh_dbase (DLFO_STRUCT_HAS_EH_DBASE is 0), and the
// unwinder reads only dlfo_eh_frame: the start of the object's PT_GNU_EH_FRAME segment.
namespace {

struct Search {
  std::uintptr_t address;
  dl_find_object* result;
  bool found;
};

int findObjectContaining(dl_phdr_info* info, size_t, void* data) {
  auto* search = static_cast<Search*>(data);
  std::uintptr_t start = UINTPTR_MAX;
  std::uintptr_t end = 0;
  std::uintptr_t ehFrame = 0;
  bool contains = false;
  for (int index = 0; index < info->dlpi_phnum; ++index) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[index];
    const std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
    if (segment.p_type == PT_LOAD) {
      start = std::min(start, begin);
      end = std::max(end, begin + segment.p_memsz);
      contains = contains || (search->address >= begin && search->address < begin + segment.p_memsz);
    } else if (segment.p_type == PT_GNU_EH_FRAME) {
      ehFrame = begin;
    }
  }
  if (!contains) return 0;
  std::memset(search->result, 0, sizeof *search->result);
  search->result->dlfo_map_start = reinterpret_cast<void*>(start);
  search->result->dlfo_map_end = reinterpret_cast<void*>(end);
  search->result->dlfo_eh_frame = reinterpret_cast<void*>(ehFrame);
  search->found = true;
  return 1;  // stops the iteration
}

}  // namespace

extern "C" int _dl_find_object(void* address, dl_find_object* result) noexcept {
  Search search{reinterpret_cast<std::uintptr_t>(address), result, false};
  dl_iterate_phdr(findObjectContaining, &search);
  return search.found ? 0 : -1;
}
#endif
