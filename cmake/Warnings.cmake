# Warnings for the project's own code; third-party headers are included as SYSTEM.
add_library(asynclint_warnings INTERFACE)
target_compile_options(asynclint_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations
  $<$<BOOL:${ASYNCLINT_WERROR}>:-Werror>)
