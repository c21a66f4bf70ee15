if(ASYNCLINT_SANITIZE)
  add_compile_options(-fsanitize=${ASYNCLINT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${ASYNCLINT_SANITIZE})
endif()
