# Warnings for the project's own code; third-party headers are included as SYSTEM.
add_library(asynclint_warnings INTERFACE)
target_compile_options(asynclint_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations
  $<$<BOOL:${ASYNCLINT_WERROR}>:-Werror>)
# GCC 12 at -O2/-O3 reports false -Wrestrict on std::string's operator+ and replace once they are
# inlined (GCC bug 105329, fixed in GCC 13): in avro.cpp, in valijson's json_pointer.hpp, ...
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(asynclint_warnings INTERFACE -Wno-restrict)
endif()
