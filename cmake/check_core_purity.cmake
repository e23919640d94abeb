# Fails when a file in core/ includes an SDL, OpenGL, glad, ImGui or stb header.
# Run by the check_core_purity target before every core library builds (core/CMakeLists.txt).
file(GLOB_RECURSE files ${CORE_DIR}/*.hpp ${CORE_DIR}/*.cpp ${CORE_DIR}/*.h)
foreach(f IN LISTS files)
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](SDL|imgui|glad|GL/|KHR/|EGL/|stb_)")
  if(lines)
    message(FATAL_ERROR "core/ must stay free of SDL, GL and ImGui, but ${f} has: ${lines}")
  endif()
endforeach()
